package io.crossbook.core.model;

import java.util.Locale;

/**
 * The kind of instrument: {@code SPOT}; {@code LINEAR} contracts margined and settled in the quote
 * currency (USDⓈ-M, USDT swaps); {@code INVERSE} contracts margined in the base currency (COIN-M,
 * coin-margined swaps).
 */
public enum Market {
    SPOT, LINEAR, INVERSE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Market parse(String name) {
        for (Market m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown market '" + name + "' (expected one of spot, linear, inverse)");
    }
}

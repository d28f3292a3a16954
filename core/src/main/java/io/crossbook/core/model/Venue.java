package io.crossbook.core.model;

import java.util.Locale;

/** An exchange Crossbook connects to. The lower-case {@link #id()} is the name used in the API and on the command line. */
public enum Venue {
    BINANCE, BYBIT, OKX;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a venue name case-insensitively; the message lists the valid names. */
    public static Venue parse(String name) {
        for (Venue v : values()) {
            if (v.name().equalsIgnoreCase(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown venue '" + name + "' (expected one of binance, bybit, okx)");
    }
}

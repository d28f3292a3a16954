package io.crossbook.core.arb;

import java.util.Locale;

/**
 * Which way a pair may trade: {@code FORWARD} buys leg 1 and sells leg 2, {@code REVERSE} sells
 * leg 1 and buys leg 2, {@code AUTO} takes whichever of the two is better at the moment.
 */
public enum Direction {
    AUTO, FORWARD, REVERSE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction parse(String name) {
        for (Direction d : values()) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + name + "' (expected auto, forward or reverse)");
    }
}

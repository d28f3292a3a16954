package io.crossbook.core.twap;

import java.util.Locale;

/** Where a plan is in its life (API.md "TWAP"); the last three are final. */
public enum TwapState {
    PENDING, RUNNING, PAUSED, COMPLETED, CANCELLED, FAILED;

    /** The API's name: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }

    public static TwapState parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

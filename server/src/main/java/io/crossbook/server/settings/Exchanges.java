package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;
import io.crossbook.server.api.ApiException;

/** Exchange names in requests: {@code binance}, {@code bybit}, {@code okx}, in any case. */
public final class Exchanges {
    private static final int SHOWN_CHARS = 32;

    private Exchanges() {
    }

    /** The venue named in the field; an unknown name is a {@code VALIDATION_ERROR} naming the field. */
    public static Venue parse(String field, String name) {
        for (Venue venue : Venue.values()) {
            if (venue.id().equalsIgnoreCase(name)) {
                return venue;
            }
        }
        String shown = name == null ? "null" : "'" + (name.length() <= SHOWN_CHARS ? name : name.substring(0, SHOWN_CHARS) + "…") + "'";
        throw ApiException.validation(field + ": unknown exchange " + shown + " (expected one of binance, bybit, okx)");
    }
}

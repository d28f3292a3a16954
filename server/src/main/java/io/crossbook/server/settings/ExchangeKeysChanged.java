package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;

/**
 * An exchange's stored keys were replaced or deleted (published in the transaction that does it): who
 * did it when (epoch ms), and the masked key concerned. What was learnt about the old keys no longer holds.
 */
public record ExchangeKeysChanged(Venue venue, Change change, String maskedApiKey, String actor, long at) {

    public enum Change {
        STORED, DELETED
    }
}

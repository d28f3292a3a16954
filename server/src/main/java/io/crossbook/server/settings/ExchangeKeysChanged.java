package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;

/** Published when an exchange's stored keys are replaced or deleted: what was learnt about the old keys no longer holds. */
public record ExchangeKeysChanged(Venue venue) {
}

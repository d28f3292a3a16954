package io.crossbook.server.marketdata;

import io.crossbook.core.model.Venue;

/**
 * Whether Crossbook holds trading keys for an exchange (the settings module knows); without, an
 * exchange is {@code publicOnly}: market data only.
 */
public interface TradingKeys {
    boolean hasTradingKeys(Venue venue);
}

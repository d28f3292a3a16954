package io.crossbook.core.model;

import java.util.Objects;

/** The key of an instrument: venue, market and the exchange's own symbol. */
public record InstrumentId(Venue venue, Market market, String symbol) {
    public InstrumentId {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
    }

    @Override
    public String toString() {
        return venue.id() + ":" + market.id() + ":" + symbol;
    }
}

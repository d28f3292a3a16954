package io.crossbook.venues.funding;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The current funding rate of one perpetual swap, as its exchange publishes it: at
 * {@code nextFundingTimeMs} longs pay shorts {@code rate} times their position's value (shorts pay
 * longs when it is negative); 0.0001 is 0.01 % per funding interval. {@code fetchedAtMs} is when the
 * exchange's answer arrived, by the local clock. Times are epoch milliseconds.
 */
public record FundingQuote(Venue venue, Market market, String symbol, BigDecimal rate, long nextFundingTimeMs,
                           long fetchedAtMs) {

    public FundingQuote {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(rate, "rate");
        if (market == Market.SPOT) {
            throw new IllegalArgumentException(FundingRates.SPOT_HAS_NO_FUNDING);
        }
        if (nextFundingTimeMs <= 0) {
            throw new IllegalArgumentException("nextFundingTimeMs must be a time, not " + nextFundingTimeMs);
        }
    }
}

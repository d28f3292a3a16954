package io.crossbook.core.arb;

import io.crossbook.core.model.InstrumentId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A perpetual's current funding rate, as a fraction of the position's notional per funding
 * interval: positive means longs pay shorts. {@code nextFundingTimeMs} is when it is next charged
 * and {@code ts} when the exchange published it, both epoch milliseconds.
 */
public record FundingRate(InstrumentId instrument, BigDecimal rate, long nextFundingTimeMs, long ts) {
    public FundingRate {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(rate, "rate");
    }
}

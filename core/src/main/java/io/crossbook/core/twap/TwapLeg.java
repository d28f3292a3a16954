package io.crossbook.core.twap;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One leg of a plan: what it trades and which way, and optionally a limit price it must never
 * trade beyond (no higher for a buy, no lower for a sell).
 */
public record TwapLeg(Instrument instrument, OrderSide side, BigDecimal limitPrice) {
    public TwapLeg {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        if (limitPrice != null && limitPrice.signum() <= 0) {
            throw new IllegalArgumentException("limitPrice must be positive, was " + limitPrice.toPlainString());
        }
    }
}

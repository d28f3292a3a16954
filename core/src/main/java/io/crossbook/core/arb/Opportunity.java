package io.crossbook.core.arb;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A pair whose net spread cleared its threshold: the direction to trade, the spreads as quoted
 * ({@link SpreadQuote}), the VWAP each leg would trade at in that direction for {@code qty} (base
 * currency), and when (epoch milliseconds).
 */
public record Opportunity(String pairId, Direction direction, double spread, double spreadPercent,
                          double netSpreadPercent, double leg1Price, double leg2Price, BigDecimal qty, long ts) {
    public Opportunity {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(qty, "qty");
    }
}

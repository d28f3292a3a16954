package io.crossbook.core.book;

import io.crossbook.core.model.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The result of walking one side of a book for a quantity: how much could be filled and at what
 * total notional, exactly. {@code notional} has scale {@code priceScale + qtyScale}.
 */
public record Vwap(long requestedQty, long filledQty, long notional, int priceScale, int qtyScale) {

    /** True when the side was deep enough for the whole requested quantity. */
    public boolean complete() {
        return filledQty == requestedQty;
    }

    /** The volume-weighted average price, rounded half-even to {@code decimals} places. */
    public BigDecimal averagePrice(int decimals) {
        if (filledQty == 0) {
            throw new IllegalStateException("nothing filled: the side is empty");
        }
        return FixedPoint.toBigDecimal(notional, priceScale + qtyScale)
                .divide(FixedPoint.toBigDecimal(filledQty, qtyScale), decimals, RoundingMode.HALF_EVEN);
    }

    public BigDecimal filled() {
        return FixedPoint.toBigDecimal(filledQty, qtyScale);
    }
}

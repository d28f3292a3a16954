package io.crossbook.testkit.sim;

import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One order's state at the simulated exchange at one moment (a copy: the engine's own order moves
 * on). {@code cumQuote} is the quote value filled so far; {@code price} is null for market orders.
 */
public record SimOrder(long orderId, String clientOrderId, String apiKey, Market market, String symbol, OrderSide side,
                       OrderType type, TimeInForce timeInForce, BigDecimal qty, BigDecimal price, Status status,
                       BigDecimal executedQty, BigDecimal cumQuote, long createTime, long updateTime) {

    /** The order states every exchange has, in Binance's names; a protocol renames them as its exchange does. */
    public enum Status {
        NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED;

        public boolean isOpen() {
            return this == NEW || this == PARTIALLY_FILLED;
        }
    }

    /** The average fill price (to 34 significant digits), or zero while nothing is filled. */
    public BigDecimal avgPrice() {
        return executedQty.signum() == 0 ? BigDecimal.ZERO
                : cumQuote.divide(executedQty, MathContext.DECIMAL128).stripTrailingZeros();
    }
}

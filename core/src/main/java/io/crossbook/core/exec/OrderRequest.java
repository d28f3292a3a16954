package io.crossbook.core.exec;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order to send to a venue. {@code qty} is in the instrument's order units (contracts for
 * contracts, see {@link Instrument#toOrderQty}); {@code limitPrice} is null for market orders.
 * {@code clientOrderId} is unique and idempotent: the same id is never a second order.
 * {@code expectedPrice}, when the strategy has one, is the average price it expects to trade at
 * (the VWAP it saw): the risk engine's slippage check compares the book against it. It never goes
 * to the venue.
 */
public record OrderRequest(String clientOrderId, Instrument instrument, OrderSide side, OrderType type,
                           TimeInForce timeInForce, BigDecimal qty, BigDecimal limitPrice, BigDecimal expectedPrice) {

    /** An order with no expected price: the slippage check measures from the top of the book. */
    public OrderRequest(String clientOrderId, Instrument instrument, OrderSide side, OrderType type,
                        TimeInForce timeInForce, BigDecimal qty, BigDecimal limitPrice) {
        this(clientOrderId, instrument, side, type, timeInForce, qty, limitPrice, null);
    }

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(qty, "qty");
        if (qty.signum() <= 0) {
            throw new IllegalArgumentException("qty must be positive, was " + qty.toPlainString());
        }
        if ((type == OrderType.LIMIT) != (limitPrice != null)) {
            throw new IllegalArgumentException("a limit order needs a limit price and a market order has none");
        }
        if (expectedPrice != null && expectedPrice.signum() <= 0) {
            throw new IllegalArgumentException("expectedPrice must be positive, was " + expectedPrice.toPlainString());
        }
    }
}

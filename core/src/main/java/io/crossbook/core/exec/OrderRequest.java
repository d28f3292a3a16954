package io.crossbook.core.exec;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order to send to a venue. {@code qty} is in the instrument's order units (contracts for
 * contracts, see {@link Instrument#toOrderQty}); {@code limitPrice} is null for market orders.
 * {@code clientOrderId} is unique and idempotent: the same id is never a second order.
 */
public record OrderRequest(String clientOrderId, Instrument instrument, OrderSide side, OrderType type,
                           TimeInForce timeInForce, BigDecimal qty, BigDecimal limitPrice) {
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
    }
}

package io.crossbook.testkit.sim;

import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A new order as a protocol read it from the request, in the exchange's units ({@code qty} in order
 * units, contracts where the exchange counts contracts). {@code price} is null for market orders;
 * a market order's {@code timeInForce} is ignored.
 */
public record OrderSpec(Market market, String symbol, String clientOrderId, OrderSide side, OrderType type,
                        TimeInForce timeInForce, BigDecimal qty, BigDecimal price) {
    public OrderSpec {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(qty, "qty");
        if ((type == OrderType.LIMIT) != (price != null)) {
            throw new IllegalArgumentException("a limit order has a price and a market order none");
        }
    }

    /** True for orders that fill what they can at once and expire the rest. */
    public boolean immediate() {
        return type == OrderType.MARKET || timeInForce == TimeInForce.IOC;
    }
}

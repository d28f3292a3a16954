package io.crossbook.venues.trading;

import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order as the exchange reports it, from a REST answer or the private stream. Quantities are in
 * the instrument's order units (contracts on OKX swaps), exactly as the exchange wrote them.
 *
 * @param symbol          the exchange's symbol ({@code BTCUSDT}, {@code BTC-USDT-SWAP})
 * @param exchangeOrderId the exchange's own id
 * @param qty             the quantity ordered
 * @param filledQty       the quantity filled so far
 * @param avgPrice        the average fill price, null while nothing is filled
 * @param limitPrice      null for market orders
 * @param updateTime      the exchange's time of this state, epoch milliseconds
 */
public record ExchangeOrder(String symbol, String clientOrderId, String exchangeOrderId, OrderSide side,
                            OrderStatus status, BigDecimal qty, BigDecimal filledQty, BigDecimal avgPrice,
                            BigDecimal limitPrice, long updateTime) {
    public ExchangeOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(filledQty, "filledQty");
    }
}

package io.crossbook.testkit.sim;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;

/**
 * One fill of a simulated order. {@code quote} is price × quantity (× contract size); {@code fee} is
 * exact (rate × the amount it is charged on) and paid in {@code feeAsset}; {@code realizedPnl} is
 * what closing part of a perpetual position realised, zero otherwise.
 */
public record SimFill(long tradeId, long orderId, String clientOrderId, String apiKey, Market market, String symbol,
                      OrderSide side, BigDecimal price, BigDecimal qty, BigDecimal quote, BigDecimal fee, String feeAsset,
                      boolean maker, long time, BigDecimal realizedPnl) {
}

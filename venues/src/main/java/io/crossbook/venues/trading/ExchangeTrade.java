package io.crossbook.venues.trading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One fill of one order, as the exchange reports it: {@code tradeId} is unique per symbol, so a fill
 * seen on the private stream and again in a REST answer is counted once. {@code fee} is what was
 * paid, positive (a rebate is negative), in {@code feeAsset}.
 */
public record ExchangeTrade(String symbol, String clientOrderId, String exchangeOrderId, String tradeId,
                            BigDecimal qty, BigDecimal price, BigDecimal fee, String feeAsset, long ts) {
    public ExchangeTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(feeAsset, "feeAsset");
    }
}

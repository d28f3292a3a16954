package io.crossbook.store.trading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as stored after its latest transition. {@code state} is one of the constants here (the
 * schema refuses anything else); {@code qty}, {@code filledQty} and {@code limitPrice} are in the
 * instrument's order units and quote currency; {@code code} and {@code message} explain a
 * rejection. Timestamps are epoch milliseconds; {@code createdTs} is when the order was first stored.
 */
public record StoredOrder(String clientOrderId, String executionId, String exchange, String market, String symbol,
                          String side, String type, String timeInForce, BigDecimal qty, BigDecimal limitPrice,
                          String state, String exchangeOrderId, BigDecimal filledQty, BigDecimal avgPrice,
                          BigDecimal fee, String feeAsset, String code, String message, long createdTs,
                          long updatedTs) {
    public static final String SUBMITTED = "submitted";
    public static final String ACCEPTED = "accepted";
    public static final String PARTIALLY_FILLED = "partially_filled";
    public static final String FILLED = "filled";
    public static final String CANCELLED = "cancelled";
    public static final String REJECTED = "rejected";

    public StoredOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(filledQty, "filledQty");
        Objects.requireNonNull(fee, "fee");
    }
}

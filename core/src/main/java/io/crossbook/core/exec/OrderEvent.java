package io.crossbook.core.exec;

import java.math.BigDecimal;

/**
 * What happened to an order at its venue, in the order it happened. Every order ends with exactly
 * one {@link Closed} or {@link Rejected}; {@link Filled} may come any number of times before it.
 * Quantities are in order units, prices in the quote currency, {@code ts} in epoch milliseconds.
 */
public sealed interface OrderEvent {
    String clientOrderId();

    long ts();

    /** The venue took the order. */
    record Accepted(String clientOrderId, String exchangeOrderId, long ts) implements OrderEvent {
    }

    /** One fill: {@code qty} at {@code price}, paying {@code fee} in {@code feeAsset}. */
    record Filled(String clientOrderId, String exchangeOrderId, BigDecimal qty, BigDecimal price, BigDecimal fee,
                  String feeAsset, long ts) implements OrderEvent {
    }

    /**
     * The order is over: fully filled, or the rest cancelled (IOC remainder, cancel request,
     * expiry). {@code filledQty} is its total filled quantity.
     */
    record Closed(String clientOrderId, String exchangeOrderId, BigDecimal filledQty, String reason, long ts)
            implements OrderEvent {
    }

    /**
     * The order never traded: refused by the venue or not sent. {@code code} is an API error code
     * ({@code INSUFFICIENT_FUNDS}, {@code UPSTREAM_ERROR}, {@code EXCHANGE_UNAVAILABLE},
     * {@code RATE_LIMITED}, {@code VALIDATION_ERROR}, {@code RISK_REJECTED}); {@code message}
     * keeps the venue's own words where there are some.
     */
    record Rejected(String clientOrderId, String code, String message, long ts) implements OrderEvent {
    }
}

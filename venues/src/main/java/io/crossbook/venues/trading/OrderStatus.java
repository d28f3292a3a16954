package io.crossbook.venues.trading;

/** An order's state at the exchange, in the exchanges' common terms. */
public enum OrderStatus {
    /** Accepted and open, nothing filled yet. */
    NEW,
    /** Open with some quantity filled. */
    PARTIALLY_FILLED,
    FILLED,
    /** Closed with the rest unfilled: cancelled, an IOC remainder, a post-only order that would have taken. */
    CANCELED,
    /** Refused by the matching engine after it was accepted (Binance {@code REJECTED}, Bybit {@code Rejected}). */
    REJECTED,
    /** Closed by the exchange's own rule (Binance {@code EXPIRED}, {@code EXPIRED_IN_MATCH}). */
    EXPIRED;

    /** True when the order can neither fill nor be cancelled any more. */
    public boolean isClosed() {
        return this != NEW && this != PARTIALLY_FILLED;
    }
}

package io.crossbook.testkit.sim;

/**
 * The simulated exchange refused an order request; the protocol answers with its exchange's code and
 * message for {@link #reason()}.
 */
public final class OrderRejectedException extends RuntimeException {

    public enum Reason {
        UNKNOWN_SYMBOL,
        /** The client order id is that of an order still open. */
        DUPLICATE_CLIENT_ORDER_ID,
        /** Spot: the free balance does not cover the order. */
        INSUFFICIENT_BALANCE,
        /** Perpetuals: the available margin does not cover the order. */
        INSUFFICIENT_MARGIN,
        POST_ONLY_WOULD_TAKE,
        /** Not a positive whole number of lots. */
        INVALID_QUANTITY,
        /** Not a positive whole number of ticks. */
        INVALID_PRICE,
        /** No such order, or (for a cancel) none open. */
        UNKNOWN_ORDER
    }

    private final Reason reason;

    public OrderRejectedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package io.crossbook.testkit.sim;

/**
 * A change to one order that the account's private stream reports: the order as it is after the
 * change, what happened, the fill for a {@link Execution#TRADE}, and for a cancel the tag the cancel
 * request carried (Binance's spot cancel has a client id of its own), else null.
 */
public record OrderEvent(SimOrder order, Execution execution, SimFill fill, String cancelTag) {

    public enum Execution {
        NEW, TRADE, CANCELED, EXPIRED
    }
}

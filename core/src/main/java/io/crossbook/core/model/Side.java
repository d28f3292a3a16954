package io.crossbook.core.model;

/** A side of the order book, or of a trade's aggressor. */
public enum Side {
    BID, ASK
}

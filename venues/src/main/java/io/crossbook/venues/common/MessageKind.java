package io.crossbook.venues.common;

/** What a raw message turned out to be, so that callers can count order-book messages apart. */
public enum MessageKind {
    BOOK, TICKER, TRADE, OTHER
}

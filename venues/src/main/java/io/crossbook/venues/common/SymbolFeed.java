package io.crossbook.venues.common;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.BookCleaner;

/** One symbol's book and its QingXi state inside a feed handler; venues extend it with their sync state. */
public class SymbolFeed {
    public final String symbol;
    public final OrderBook book;
    public final BookCleaner cleaner;

    public SymbolFeed(String symbol, OrderBook book, BookCleaner cleaner) {
        this.symbol = symbol;
        this.book = book;
        this.cleaner = cleaner;
    }
}

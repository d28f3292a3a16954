package io.crossbook.venues.bybit;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.BookCleaner;
import io.crossbook.venues.common.SymbolFeed;

/**
 * One Bybit symbol: its depth book with the update-id chain that keeps it in sync, and, apart
 * from it, the update id of the level-1 book that feeds the ticker. The two topics number their
 * messages independently, so mixing them up would break the depth chain.
 */
final class BybitSymbolFeed extends SymbolFeed {
    /** True from a depth snapshot until the chain breaks; deltas are ignored while false. */
    boolean depthSynced;
    /** {@code u} of the last depth message applied. */
    long depthUpdateId;
    /** {@code u} of the last level-1 snapshot published as a ticker, 0 before the first. */
    long bestQuoteUpdateId;

    BybitSymbolFeed(String symbol, OrderBook book, BookCleaner cleaner) {
        super(symbol, book, cleaner);
    }
}

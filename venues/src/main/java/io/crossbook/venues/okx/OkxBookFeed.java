package io.crossbook.venues.okx;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.BookCleaner;
import io.crossbook.venues.common.SymbolFeed;

/** One instrument's book on OKX and where its {@code books} stream stands. */
final class OkxBookFeed extends SymbolFeed {
    /** Stands for "no seqId": OKX's own ids start at 0, and -1 is the snapshot's prevSeqId. */
    static final long NO_SEQ_ID = Long.MIN_VALUE;

    /** True until a snapshot arrives, at the start and after every failure: updates are ignored meanwhile. */
    boolean awaitingSnapshot = true;

    /**
     * The seqId of the last applied message, or {@link #NO_SEQ_ID} when the stream carries none
     * (recordings from before OKX added it), in which case the checksum alone guards the book.
     */
    long lastSeqId = NO_SEQ_ID;

    OkxBookFeed(String symbol, OrderBook book, BookCleaner cleaner) {
        super(symbol, book, cleaner);
    }
}

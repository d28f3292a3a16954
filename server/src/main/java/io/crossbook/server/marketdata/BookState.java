package io.crossbook.server.marketdata;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.book.OrderBook;

/**
 * What a collector knows about one of its books without asking the feed thread: whether it is in
 * sync, its update version, and the last snapshot taken of it. The feed thread writes the version
 * and the sync flag (through the listener callbacks); any thread may cache a snapshot taken on the
 * feed thread, labelled with the version the book had then.
 */
final class BookState {
    private volatile long version;
    private volatile boolean inSync;
    private volatile CachedSnapshot cached;
    // Owned by the feed thread: the best prices last published as a price event.
    private long publishedBid = OrderBook.NO_PRICE;
    private long publishedAsk = OrderBook.NO_PRICE;

    private record CachedSnapshot(long version, int depth, BookSnapshot snapshot) {
    }

    /** Increases whenever the book changes or is invalidated; read on any thread. */
    long version() {
        return version;
    }

    boolean inSync() {
        return inSync;
    }

    /** On the feed thread: a valid update was applied. True if the best bid or ask moved since the last call. */
    boolean updated(long bestBid, long bestAsk) {
        version++; // single writer: the feed thread
        if (!inSync) {
            inSync = true;
        }
        if (bestBid == publishedBid && bestAsk == publishedAsk) {
            return false;
        }
        publishedBid = bestBid;
        publishedAsk = bestAsk;
        return true;
    }

    /**
     * The book was emptied and is invalid. On the feed thread, or after it has ended (a stopped
     * collector). The next valid update is published as a price change whatever its prices.
     */
    void invalidated() {
        version++;
        inSync = false;
        publishedBid = OrderBook.NO_PRICE;
        publishedAsk = OrderBook.NO_PRICE;
    }

    /** A snapshot of at least {@code depth} levels that is still the book's current state, or null. */
    BookSnapshot current(int depth) {
        CachedSnapshot c = cached;
        return c != null && c.version == version && c.depth >= depth ? c.snapshot : null;
    }

    /** Keeps a snapshot taken on the feed thread while the book had {@code version}. */
    void cache(long version, int depth, BookSnapshot snapshot) {
        cached = new CachedSnapshot(version, depth, snapshot);
    }
}

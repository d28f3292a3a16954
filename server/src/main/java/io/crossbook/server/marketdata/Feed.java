package io.crossbook.server.marketdata;

import io.crossbook.venues.common.FeedHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What a collector runs: one feed thread that owns a feed handler and its books, fed by the live
 * exchange or by a recording. Everything that looks at the books runs on that thread through
 * {@link #read}, so a book is never touched by two threads.
 */
interface Feed {

    void start();

    /** Stops the feed thread; pending reads complete with their {@code whenClosed} value. Idempotent. */
    void close();

    FeedStatus status();

    /** The symbols of its books: configured (live) or seen so far in the recording (replay). */
    List<String> symbols();

    /**
     * Runs {@code read} on the feed thread with the current handler (null before there is one);
     * after {@link #close()} it completes with {@code whenClosed}.
     */
    <T> CompletableFuture<T> read(Function<FeedHandler<?>, T> read, T whenClosed);

    /** The feed's counters, on the feed thread, given the handler {@link #read} passed. */
    default FeedCounters counters(FeedHandler<?> handler) {
        return FeedCounters.of(handler);
    }
}

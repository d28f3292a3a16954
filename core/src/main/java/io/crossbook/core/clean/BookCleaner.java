package io.crossbook.core.clean;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.model.InstrumentId;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * QingXi for one instrument: counts what happens to its feed and flags anomalies. Structural
 * problems (gap, checksum, crossed book, malformed message) invalidate the book, because its
 * content can no longer be trusted; market anomalies (price jump, stale feed, timestamps going
 * backwards) are flagged and the exchange's data is kept as it is.
 *
 * <p>Owned by the book's thread, like the book.
 */
public final class BookCleaner {
    private final OrderBook book;
    private final FeedStats stats;
    private final CleaningRules rules;
    private final Consumer<Anomaly> sink;
    private final long jumpWindowNanos;
    private final long staleAfterNanos;
    private long referenceMidSum = OrderBook.NO_PRICE; // bid + ask, avoids halving
    private long referenceSince;
    private long lastExchangeTime;
    private boolean stale;

    public BookCleaner(OrderBook book, CleaningRules rules, Consumer<Anomaly> sink) {
        this.book = book;
        this.stats = new FeedStats(book.instrument());
        this.rules = rules;
        this.sink = sink;
        this.jumpWindowNanos = rules.jumpWindow().toNanos();
        this.staleAfterNanos = rules.staleAfter().toNanos();
    }

    public OrderBook book() {
        return book;
    }

    public FeedStats stats() {
        return stats;
    }

    public InstrumentId instrument() {
        return book.instrument();
    }

    /** Flags an anomaly that makes the book untrustworthy and invalidates it. */
    public void reject(AnomalyKind kind, String detail, long receiveNanos) {
        book.invalidate(kind + ": " + detail);
        flag(kind, detail, receiveNanos);
    }

    /** Flags an anomaly without touching the book. */
    public void flag(AnomalyKind kind, String detail, long receiveNanos) {
        stats.countAnomaly(kind);
        sink.accept(new Anomaly(book.instrument(), kind, detail, receiveNanos));
    }

    /**
     * Checks the book just after a message was applied. Returns false, with the book invalidated,
     * if it is crossed; the caller then resynchronises.
     */
    public boolean afterApply(long exchangeTimeMillis, long receiveNanos) {
        stats.countApplied(receiveNanos);
        stale = false;
        if (book.crossed()) {
            reject(AnomalyKind.CROSSED_BOOK, "bid " + book.bestBid() + " >= ask " + book.bestAsk()
                    + " (scale " + book.priceScale() + ")", receiveNanos);
            return false;
        }
        if (exchangeTimeMillis < lastExchangeTime) {
            flag(AnomalyKind.TIMESTAMP_REGRESSION, "event time " + exchangeTimeMillis + " after " + lastExchangeTime,
                    receiveNanos);
        } else {
            lastExchangeTime = exchangeTimeMillis;
        }
        checkJump(receiveNanos);
        return true;
    }

    private void checkJump(long receiveNanos) {
        long bid = book.bestBid();
        long ask = book.bestAsk();
        if (bid == OrderBook.NO_PRICE || ask == OrderBook.NO_PRICE) {
            return;
        }
        long midSum = bid + ask;
        if (referenceMidSum == OrderBook.NO_PRICE || receiveNanos - referenceSince >= jumpWindowNanos) {
            if (referenceMidSum != OrderBook.NO_PRICE) {
                checkAgainstReference(midSum, receiveNanos);
            }
            referenceMidSum = midSum;
            referenceSince = receiveNanos;
            return;
        }
        checkAgainstReference(midSum, receiveNanos);
    }

    private void checkAgainstReference(long midSum, long receiveNanos) {
        // A heuristic bound, not a price: double precision is plenty here.
        double move = Math.abs((double) (midSum - referenceMidSum)) / referenceMidSum;
        if (move > rules.maxJumpFraction()) {
            flag(AnomalyKind.PRICE_JUMP, String.format(Locale.ROOT, "mid moved %.3f%% within %d ms", move * 100,
                    (receiveNanos - referenceSince) / 1_000_000), receiveNanos);
            referenceMidSum = midSum; // one flag per jump, not one per update after it
            referenceSince = receiveNanos;
        }
    }

    /** Forgets the price reference, e.g. after a resync, so the next mid starts a new window. */
    public void resetReference() {
        referenceMidSum = OrderBook.NO_PRICE;
    }

    /** Flags the feed stale once per stale period if no update arrived for too long. */
    public void checkStale(long nowNanos) {
        long last = stats.lastUpdateNanos();
        if (!stale && last != 0 && nowNanos - last > staleAfterNanos) {
            stale = true;
            flag(AnomalyKind.STALE_FEED, "no update for " + (nowNanos - last) / 1_000_000 + " ms", nowNanos);
        }
    }

    public boolean stale() {
        return stale;
    }
}

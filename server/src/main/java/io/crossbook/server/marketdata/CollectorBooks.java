package io.crossbook.server.marketdata;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.Anomaly;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.server.events.PriceUpdate;
import io.crossbook.venues.common.MarketDataListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A collector's listener on its feed thread: keeps each book's {@link BookState}, publishes a
 * price event when a valid book's best bid or ask changes, counts valid updates, and passes every
 * update, invalidation, anomaly and disconnect on downstream (the engine's feed).
 */
final class CollectorBooks implements MarketDataListener {
    private final ConcurrentHashMap<String, BookState> books = new ConcurrentHashMap<>();
    /** Each symbol's book as the feed last reported it, so that a stop can invalidate it downstream. */
    private final ConcurrentHashMap<String, OrderBook> seen = new ConcurrentHashMap<>();
    private final Consumer<PriceUpdate> prices;
    private final MarketDataListener downstream;
    private volatile long updates;
    private volatile long lastUpdateNanos;

    CollectorBooks(Consumer<PriceUpdate> prices, MarketDataListener downstream) {
        this.prices = prices;
        this.downstream = downstream;
    }

    @Override
    public void onBook(OrderBook book) {
        String symbol = book.instrument().symbol();
        long bid = book.bestBid();
        long ask = book.bestAsk();
        seen.putIfAbsent(symbol, book);
        updates++; // single writer: the feed thread
        lastUpdateNanos = System.nanoTime();
        downstream.onBook(book);
        if (state(symbol).updated(bid, ask)) {
            long ts = book.exchangeTimeMillis() > 0 ? book.exchangeTimeMillis() : book.receiveNanos() / 1_000_000;
            prices.accept(new PriceUpdate(book.instrument().venue().id(), book.instrument().market().id(), symbol,
                    price(bid, book.priceScale()), price(ask, book.priceScale()), ts));
        }
    }

    @Override
    public void onBookInvalid(OrderBook book) {
        state(book.instrument().symbol()).invalidated();
        downstream.onBookInvalid(book);
    }

    @Override
    public void onAnomaly(Anomaly anomaly) {
        downstream.onAnomaly(anomaly);
    }

    @Override
    public void onDisconnect(Venue venue, Market market, String reason, long receiveNanos) {
        downstream.onDisconnect(venue, market, reason, receiveNanos);
    }

    /** Every book is invalid: its feed has stopped (its thread has ended), and downstream hears so. */
    void invalidateAll() {
        books.values().forEach(BookState::invalidated);
        seen.values().forEach(downstream::onBookInvalid);
    }

    BookState state(String symbol) {
        return books.computeIfAbsent(symbol, s -> new BookState());
    }

    /** Symbols that have had a book, in no particular order. */
    List<String> symbols() {
        return new ArrayList<>(books.keySet());
    }

    long inSync() {
        return books.values().stream().filter(BookState::inSync).count();
    }

    /** Valid book updates since the collector was created. */
    long updates() {
        return updates;
    }

    /** {@link System#nanoTime()} of the last valid update, 0 before the first. */
    long lastUpdateNanos() {
        return lastUpdateNanos;
    }

    /** An empty side has no price: null, never a made-up one. */
    private static String price(long mantissa, int scale) {
        return mantissa == OrderBook.NO_PRICE ? null : FixedPoint.format(mantissa, scale);
    }
}

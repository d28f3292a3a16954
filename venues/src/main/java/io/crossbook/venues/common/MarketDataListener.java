package io.crossbook.venues.common;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.Anomaly;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Ticker;
import io.crossbook.core.model.Trade;
import io.crossbook.core.model.Venue;

/**
 * Receives normalised market data, on the thread of the feed handler that produced it. The book
 * passed to {@link #onBook} belongs to that thread: copy what you keep
 * ({@link OrderBook#snapshot(int)}).
 */
public interface MarketDataListener {
    MarketDataListener NONE = new MarketDataListener() {
    };

    /** A book message was applied and the book is valid. */
    default void onBook(OrderBook book) {
    }

    /**
     * The book was emptied and marked invalid (gap, checksum mismatch, crossed or malformed data,
     * resync, disconnect): nothing may price from it until the next {@link #onBook}.
     */
    default void onBookInvalid(OrderBook book) {
    }

    default void onTicker(Ticker ticker) {
    }

    default void onTrade(Trade trade) {
    }

    default void onAnomaly(Anomaly anomaly) {
    }

    /** The connection of a venue-market dropped (its books have just been invalidated); it is being re-established. */
    default void onDisconnect(Venue venue, Market market, String reason, long receiveNanos) {
    }
}

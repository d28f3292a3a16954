package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.ArbitrageDesk;
import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.Anomaly;
import io.crossbook.core.exec.PaperVenue;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskEngine;
import io.crossbook.venues.common.MarketDataListener;
import java.util.Map;

/**
 * Carries market data from the feed threads to the engine: a watched book is copied (its top
 * {@code depth} levels) on the feed thread that owns it, and the copy handed to the engine, which
 * re-prices the pairs and lets the paper venues match their resting orders. Books nothing prices
 * from are not copied at all. QingXi's anomalies on watched books and every dropped connection go
 * to the risk engine, which pauses what they touch.
 */
public final class EngineFeed implements MarketDataListener {
    /** How an event reaches the engine: posted to its thread, or run at the book's receive time in a replay. */
    @FunctionalInterface
    public interface Dispatch {
        void dispatch(long receiveNanos, Runnable event);
    }

    private final ArbitrageDesk desk;
    private final RiskEngine risk;
    private final Map<Venue, PaperVenue> paper;
    private final int depth;
    private final Dispatch dispatch;

    public EngineFeed(PaperDesk desk, int depth, Dispatch dispatch) {
        this.desk = desk.desk();
        this.risk = desk.risk();
        this.paper = desk.venues();
        this.depth = depth;
        this.dispatch = dispatch;
    }

    @Override
    public void onBook(OrderBook book) {
        if (!desk.watches(book.instrument())) {
            return;
        }
        BookSnapshot snapshot = book.snapshot(depth);
        PaperVenue venue = paper.get(book.instrument().venue());
        dispatch.dispatch(book.receiveNanos(), () -> {
            desk.onBook(snapshot);
            if (venue != null) {
                venue.onBook(snapshot);
            }
        });
    }

    @Override
    public void onBookInvalid(OrderBook book) {
        InstrumentId id = book.instrument();
        if (desk.watches(id)) {
            dispatch.dispatch(book.receiveNanos(), () -> desk.onBookInvalid(id));
        }
    }

    @Override
    public void onAnomaly(Anomaly anomaly) {
        if (desk.watches(anomaly.instrument())) {
            dispatch.dispatch(anomaly.receiveNanos(),
                    () -> risk.onAnomaly(anomaly.instrument(), anomaly.kind(), anomaly.detail()));
        }
    }

    @Override
    public void onDisconnect(Venue venue, Market market, String reason, long receiveNanos) {
        dispatch.dispatch(receiveNanos, () -> risk.onDisconnect(venue, market.id() + ": " + reason));
    }
}

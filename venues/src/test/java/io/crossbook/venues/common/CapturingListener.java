package io.crossbook.venues.common;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.Anomaly;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.model.Ticker;
import io.crossbook.core.model.Trade;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a feed handler publishes, for assertions; extend {@link #onBook} to look at the book. */
public class CapturingListener implements MarketDataListener {
    public final List<Anomaly> anomalies = new ArrayList<>();
    public final List<Ticker> tickers = new ArrayList<>();
    public final List<Trade> trades = new ArrayList<>();
    /** Why each invalidated book was invalidated, as {@code SYMBOL: reason}. */
    public final List<String> invalidations = new ArrayList<>();
    public int bookUpdates;

    public long count(AnomalyKind kind) {
        return anomalies.stream().filter(a -> a.kind() == kind).count();
    }

    public List<AnomalyKind> anomalyKinds() {
        return anomalies.stream().map(Anomaly::kind).toList();
    }

    @Override
    public void onBook(OrderBook book) {
        bookUpdates++;
    }

    @Override
    public void onBookInvalid(OrderBook book) {
        invalidations.add(book.instrument().symbol() + ": " + book.invalidReason());
    }

    @Override
    public void onTicker(Ticker ticker) {
        tickers.add(ticker);
    }

    @Override
    public void onTrade(Trade trade) {
        trades.add(trade);
    }

    @Override
    public void onAnomaly(Anomaly anomaly) {
        anomalies.add(anomaly);
    }
}

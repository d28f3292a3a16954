package io.crossbook.venues.bybit;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.Anomaly;
import io.crossbook.core.model.Ticker;
import io.crossbook.core.model.Trade;
import io.crossbook.venues.common.MarketDataListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a feed handler publishes, for assertions. */
final class RecordingListener implements MarketDataListener {
    final List<Anomaly> anomalies = new ArrayList<>();
    final List<Ticker> tickers = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    int bookUpdates;

    @Override
    public void onBook(OrderBook book) {
        bookUpdates++;
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

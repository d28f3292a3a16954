package io.crossbook.venues.binance;

import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.PrivateStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What a private stream handed over, in order: orders and trades in one list. */
final class RecordingListener implements PrivateStream.Listener {
    final List<Object> received = new CopyOnWriteArrayList<>();
    final AtomicInteger connected = new AtomicInteger();

    @Override
    public void connected() {
        connected.incrementAndGet();
    }

    @Override
    public void disconnected(String reason) {
    }

    @Override
    public void order(ExchangeOrder order) {
        received.add(order);
    }

    @Override
    public void trade(ExchangeTrade trade) {
        received.add(trade);
    }
}

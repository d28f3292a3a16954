package io.crossbook.venues.trading;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A venue as a private stream's listener, with what the stream did kept for tests to assert on: its
 * (re)connections, its drops, and the fills it delivered by client order id.
 */
final class StreamListener implements PrivateStream.Listener {
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger drops = new AtomicInteger();
    final Map<String, List<ExchangeTrade>> trades = new ConcurrentHashMap<>();
    private final LiveVenue venue;

    StreamListener(LiveVenue venue) {
        this.venue = venue;
    }

    @Override
    public void connected() {
        connects.incrementAndGet();
        venue.connected();
    }

    @Override
    public void disconnected(String reason) {
        drops.incrementAndGet();
        venue.disconnected(reason);
    }

    @Override
    public void order(ExchangeOrder order) {
        venue.order(order);
    }

    @Override
    public void trade(ExchangeTrade trade) {
        trades.computeIfAbsent(trade.clientOrderId(), id -> new CopyOnWriteArrayList<>()).add(trade);
        venue.trade(trade);
    }
}

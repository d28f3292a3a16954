package io.crossbook.server.marketdata;

import java.util.List;

/** A collector's state and counters; {@code lastUpdateAgeMillis} is -1 before the first update. */
public record CollectorStats(String id, String exchange, String market, List<String> symbols, String status,
                             String detail, double messagesPerSecond, long messages, long bookUpdates, long gaps,
                             long resyncs, long checksumFailures, long anomalies, long booksInSync,
                             long lastUpdateAgeMillis) {
}

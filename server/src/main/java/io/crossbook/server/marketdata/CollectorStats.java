package io.crossbook.server.marketdata;

import java.util.List;

/**
 * A collector's state and counters. {@code source} is {@code live} or {@code replay} (then
 * {@code files} names the recording); rates are per second over the last 10 s;
 * {@code lastUpdateAgeMillis} is -1 before the first valid book update; {@code eventLoopLagMillis}
 * is how long the last read waited for the feed thread, -1 before the first.
 */
public record CollectorStats(String id, String exchange, String market, String source, List<String> files,
                             List<String> symbols, String status, String detail, double messagesPerSecond,
                             double bookUpdatesPerSecond, long messages, long bookUpdates, long gaps, long resyncs,
                             long checksumFailures, long anomalies, long booksInSync, long lastUpdateAgeMillis,
                             double eventLoopLagMillis) {
}

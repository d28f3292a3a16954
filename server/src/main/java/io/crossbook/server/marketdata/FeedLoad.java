package io.crossbook.server.marketdata;

/**
 * How busy a collector's feed thread is, for the system status: update rates per second over the
 * last 10 s, and the event-loop lag, the time a task waits on the feed thread before it runs (the
 * last one measured, and the largest of the last minutes; -1 before any).
 */
public record FeedLoad(String collector, String status, double messagesPerSecond, double bookUpdatesPerSecond,
                       double eventLoopLagMillis, double maxEventLoopLagMillis) {
}

package io.crossbook.server.marketdata;

import io.crossbook.core.model.Venue;
import java.util.List;

/**
 * An exchange's market data as a whole. {@code connected}: it has running collectors and every one
 * of them is up (connected, or replaying); {@code ready}: connected, and every book of those
 * collectors is in sync. Stopped collectors do not count; {@code detail} says how each one stands.
 */
public record ExchangeStatus(Venue venue, boolean connected, boolean ready, String detail, List<Collector> collectors) {
}

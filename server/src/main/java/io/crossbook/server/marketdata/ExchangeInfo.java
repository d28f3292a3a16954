package io.crossbook.server.marketdata;

import java.util.List;

/**
 * {@code GET /api/exchanges}: API.md's {@code {name, connected, publicOnly}}, plus {@code ready}
 * (every book in sync) and the markets collected, each live or replayed.
 */
public record ExchangeInfo(String name, boolean connected, boolean publicOnly, boolean ready, List<MarketInfo> markets) {

    /** One collected market: {@code source} is {@code live} or {@code replay}; {@code status} the collector's state. */
    public record MarketInfo(String type, String collector, String source, String status, List<String> symbols) {
    }
}

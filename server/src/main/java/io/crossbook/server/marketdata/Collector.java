package io.crossbook.server.marketdata;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.Venues;
import io.crossbook.venues.common.MarketDataConnection;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.RawMessageSink;
import io.crossbook.venues.common.RestClient;
import java.util.List;

/**
 * A QingXi collector: one venue-market with its symbols, started and stopped as a unit, with live
 * statistics summed over its books.
 */
public final class Collector {
    private final String id;
    private final Venue venue;
    private final Market market;
    private final List<String> symbols;
    private final CleaningRules rules;
    private final MarketDataListener listener;
    private final RestClient rest;
    private MarketDataConnection connection;
    private long sampledAtNanos;
    private long sampledMessages;

    public Collector(Venue venue, Market market, List<String> symbols, CleaningRules rules,
                     MarketDataListener listener, RestClient rest) {
        Venues.protocol(venue, market); // rejects unsupported venue-markets at configuration time
        this.id = venue.id() + ":" + market.id();
        this.venue = venue;
        this.market = market;
        this.symbols = List.copyOf(symbols);
        this.rules = rules;
        this.listener = listener;
        this.rest = rest;
    }

    public String id() {
        return id;
    }

    public List<String> symbols() {
        return symbols;
    }

    public synchronized boolean running() {
        return connection != null;
    }

    public synchronized void start() {
        if (connection == null) {
            connection = new MarketDataConnection(Venues.protocol(venue, market), symbols, rules, listener,
                    RawMessageSink.NONE, rest);
            connection.start();
        }
    }

    public synchronized void stop() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Live statistics; the message rate is over the time since the previous call. */
    public synchronized CollectorStats stats() {
        if (connection == null) {
            return new CollectorStats(id, venue.id(), market.id(), symbols, "STOPPED", null, 0, 0, 0, 0, 0, 0, 0, 0, -1);
        }
        List<FeedStats> books = connection.stats().join();
        long messages = 0;
        long applied = 0;
        long gaps = 0;
        long resyncs = 0;
        long checksumFailures = 0;
        long anomalies = 0;
        long lastUpdate = 0;
        for (FeedStats s : books) {
            messages += s.messages();
            applied += s.applied();
            gaps += s.gaps();
            resyncs += s.resyncs();
            checksumFailures += s.checksumFailures();
            anomalies += s.anomalies();
            lastUpdate = Math.max(lastUpdate, s.lastUpdateNanos());
        }
        long now = System.nanoTime();
        double rate = sampledAtNanos == 0 ? 0 : (messages - sampledMessages) * 1e9 / Math.max(1, now - sampledAtNanos);
        sampledAtNanos = now;
        sampledMessages = messages;
        long validBooks = symbols.stream().map(s -> connection.book(s, 0).join()).filter(b -> b != null && b.valid()).count();
        MarketDataConnection.Status st = connection.status();
        long ageMillis = lastUpdate == 0 ? -1 : (io.crossbook.venues.common.EpochNanos.now() - lastUpdate) / 1_000_000;
        return new CollectorStats(id, venue.id(), market.id(), symbols, st.state().name(), st.detail(),
                Math.round(rate * 10) / 10.0, messages, applied, gaps, resyncs, checksumFailures, anomalies, validBooks, ageMillis);
    }
}

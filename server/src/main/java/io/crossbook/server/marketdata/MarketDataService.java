package io.crossbook.server.marketdata;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.Anomaly;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.events.EventSink;
import io.crossbook.server.events.PriceUpdate;
import io.crossbook.server.replay.InstrumentFile;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.Speed;
import io.crossbook.venues.Venues;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.RestClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Owns the QingXi collectors: one per configured live feed, or per replayed recording where
 * {@code crossbook.market-data.replay.sources} (what {@code serve --source} sets) replaces a
 * venue-market's live feed. Starts them with the server, samples their rates and logs their state.
 */
@Service
public class MarketDataService implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataService.class);

    private final Map<String, Collector> collectors = new LinkedHashMap<>();
    private final ObjectProvider<EventSink> eventSinks;
    private final AtomicLong failedPriceEvents = new AtomicLong();
    private volatile EventSink events;
    private volatile MarketDataListener booksDownstream = MarketDataListener.NONE;
    private final MarketDataListener forward = new MarketDataListener() {
        @Override
        public void onBook(OrderBook book) {
            booksDownstream.onBook(book);
        }

        @Override
        public void onBookInvalid(OrderBook book) {
            booksDownstream.onBookInvalid(book);
        }

        @Override
        public void onAnomaly(Anomaly anomaly) {
            booksDownstream.onAnomaly(anomaly);
        }

        @Override
        public void onDisconnect(Venue venue, Market market, String reason, long receiveNanos) {
            booksDownstream.onDisconnect(venue, market, reason, receiveNanos);
        }
    };

    public MarketDataService(MarketDataProperties properties, MeterRegistry registry,
                             ObjectProvider<EventSink> eventSinks) {
        this.eventSinks = eventSinks;
        CleaningRules rules = properties.cleaningRules();
        MarketDataProperties.Replay replay = properties.replay();
        Map<String, ReplaySource> replays = replaySources(replay.sources(), replay.instruments());
        Speed speed;
        try {
            speed = Speed.parse(replay.speed());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("crossbook.market-data.replay.speed: " + e.getMessage(), e);
        }
        RestClient rest = null;
        for (String feed : properties.feeds()) {
            String[] parts = feed.split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("crossbook.market-data.feeds entry must be venue:market:SYMBOL[,SYMBOL], not '" + feed + "'");
            }
            Venue venue = Venue.parse(parts[0]);
            Market market = Market.parse(parts[1]);
            String id = venue.id() + ":" + market.id();
            if (collectors.containsKey(id)) {
                throw new IllegalArgumentException("crossbook.market-data.feeds lists " + id + " twice; give all its symbols in one entry");
            }
            ReplaySource source = replays.remove(id);
            if (source != null) {
                LOG.info("{}: replaying {} instead of the live feed", id, source.files());
                add(replayCollector(source, rules, speed, replay.loop(), registry));
                continue;
            }
            List<String> symbols = Arrays.stream(parts[2].split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (rest == null) {
                rest = new RestClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
            }
            RestClient http = rest;
            add(new Collector(venue, market, Collector.Source.LIVE, List.of(), Map.of(),
                    listener -> new LiveFeed(Venues.protocol(venue, market), symbols, rules, listener, http),
                    this::publish, forward, registry));
        }
        for (ReplaySource source : replays.values()) {
            add(replayCollector(source, rules, speed, replay.loop(), registry));
        }
    }

    private static Map<String, ReplaySource> replaySources(List<String> specs, List<String> instrumentSpecs) {
        List<InstrumentFile> metadata = new ArrayList<>();
        for (String spec : instrumentSpecs) {
            try {
                metadata.add(InstrumentFile.parse(spec));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("crossbook.market-data.replay.instruments: " + e.getMessage(), e);
            }
        }
        Map<String, ReplaySource> out = new LinkedHashMap<>();
        for (String spec : specs) {
            ReplaySource source;
            try {
                source = ReplaySource.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("crossbook.market-data.replay.sources: " + e.getMessage(), e);
            }
            try {
                for (InstrumentFile m : metadata) {
                    source = source.with(m);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("crossbook.market-data.replay.instruments: " + e.getMessage(), e);
            }
            if (out.put(source.toString(), source) != null) {
                throw new IllegalArgumentException("crossbook.market-data.replay.sources: " + source
                        + " is given twice; list all its files in one source");
            }
        }
        return out;
    }

    private Collector replayCollector(ReplaySource source, CleaningRules rules, Speed speed, boolean loop,
                                      MeterRegistry registry) {
        List<String> names = source.files().stream().map(Path::getFileName).map(Path::toString).toList();
        return new Collector(source.venue(), source.market(), Collector.Source.REPLAY, names, source.instruments(),
                listener -> new ReplayFeed(source, rules, listener, speed, loop), this::publish, forward, registry);
    }

    private void add(Collector c) {
        collectors.put(c.id(), c);
    }

    /**
     * The event sink is looked up only now: the WebSocket gateway that implements it may itself
     * depend on this service.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        events = eventSinks.getIfAvailable();
        startAll();
    }

    /** On a feed thread: a book's best bid or ask changed. */
    private void publish(PriceUpdate update) {
        EventSink sink = events;
        if (sink == null) {
            return;
        }
        try {
            sink.price(update);
        } catch (RuntimeException e) {
            // The feed thread must go on with its books whatever the subscriber does.
            long n = failedPriceEvents.incrementAndGet();
            if (n == 1 || n % 10_000 == 0) {
                LOG.warn("price event #{} could not be published", n, e);
            }
        }
    }

    /** Every collector's book updates and invalidations go on to {@code listener}, on the feed threads. */
    public void forwardBooksTo(MarketDataListener listener) {
        booksDownstream = listener;
    }

    /** The exchange's metadata for an instrument, if its venue-market is collected and the metadata is known. */
    public Optional<Instrument> instrument(InstrumentId id) {
        return collector(id.venue().id() + ":" + id.market().id()).flatMap(c -> c.instrument(id.symbol()));
    }

    public void startAll() {
        collectors.values().forEach(Collector::start);
        LOG.info("market data: started {}", collectors.keySet());
    }

    public void stopAll() {
        collectors.values().forEach(Collector::stop);
    }

    public List<Collector> collectors() {
        return new ArrayList<>(collectors.values());
    }

    public Optional<Collector> collector(String id) {
        return Optional.ofNullable(collectors.get(id));
    }

    /** Starts a collector (if stopped) and returns its stats; an unknown id is {@code NOT_FOUND}. */
    public CollectorStats start(String id) {
        Collector c = require(id);
        c.start();
        return c.stats();
    }

    /** Stops a collector (if running) and returns its stats; an unknown id is {@code NOT_FOUND}. */
    public CollectorStats stop(String id) {
        Collector c = require(id);
        c.stop();
        return c.stats();
    }

    private Collector require(String id) {
        return collector(id).orElseThrow(() -> ApiException.notFound("id: no collector '" + id + "' (collectors: "
                + String.join(", ", collectors.keySet()) + ")"));
    }

    /** Update rates and event-loop lag of every collector, from the latest samples; never waits. */
    public List<FeedLoad> load() {
        return collectors.values().stream().map(Collector::load).toList();
    }

    /** Every exchange Crossbook supports, with whether its market data is connected and ready. */
    public List<ExchangeStatus> exchanges() {
        List<ExchangeStatus> out = new ArrayList<>();
        for (Venue venue : Venue.values()) {
            List<Collector> own = collectors.values().stream().filter(c -> c.venue() == venue).toList();
            List<Collector> running = own.stream().filter(Collector::running).toList();
            boolean connected = !running.isEmpty() && running.stream().allMatch(c -> c.status().state().up());
            boolean ready = connected && running.stream().allMatch(MarketDataService::allBooksInSync);
            String detail = own.isEmpty() ? "no " + venue.id() + " market data is configured"
                    : own.stream().map(MarketDataService::describe).collect(Collectors.joining("; "));
            out.add(new ExchangeStatus(venue, connected, ready, detail, own));
        }
        return out;
    }

    private static boolean allBooksInSync(Collector c) {
        int symbols = c.symbols().size();
        return symbols > 0 && c.booksInSync() == symbols;
    }

    private static String describe(Collector c) {
        if (!c.running()) {
            return c.id() + " stopped";
        }
        FeedStatus s = c.status();
        return c.id() + " " + c.source().id() + " " + s.state() + (s.state().up() ? "" : " (" + s.detail() + ")")
                + ", " + c.booksInSync() + "/" + c.symbols().size() + " books in sync";
    }

    /** Samples every collector's counters for its rates (and its feed thread's lag). */
    @Scheduled(fixedRateString = "${crossbook.market-data.sample-every:1s}")
    public void sample() {
        collectors.values().forEach(Collector::sample);
    }

    @Scheduled(fixedDelayString = "${crossbook.market-data.log-every:30s}", initialDelayString = "${crossbook.market-data.log-every:30s}")
    public void logState() {
        for (Collector c : collectors.values()) {
            CollectorStats s = c.stats();
            LOG.info("{} {} {}{}: {} msg/s, {} updates/s, books in sync {}/{}, gaps {}, resyncs {}, checksum failures {}, "
                            + "anomalies {}, feed lag {} ms",
                    s.id(), s.source(), s.status(), FeedState.valueOf(s.status()).up() || s.detail() == null ? "" : " (" + s.detail() + ")",
                    s.messagesPerSecond(), s.bookUpdatesPerSecond(), s.booksInSync(), s.symbols().size(), s.gaps(),
                    s.resyncs(), s.checksumFailures(), s.anomalies(), s.eventLoopLagMillis());
        }
    }

    @Override
    public void destroy() {
        stopAll();
    }
}

package io.crossbook.server.marketdata;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.book.OrderBook;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.events.PriceUpdate;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A QingXi collector: one venue-market and its books, fed live by the exchange or by a replayed
 * recording, started and stopped as a unit. It never touches a book itself: reads run on the
 * feed's own thread, and a book's snapshot is served from cache while the book has not changed
 * since it was taken.
 */
public final class Collector {
    /** Longest a caller waits for the feed thread. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final FeedStatus STOPPED = new FeedStatus(FeedState.STOPPED, "stopped");

    /** Where a collector's data comes from. */
    public enum Source {
        LIVE, REPLAY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String id;
    private final Venue venue;
    private final Market market;
    private final Source source;
    private final List<String> files;
    private final Map<String, Instrument> recordedInstruments;
    private final Function<MarketDataListener, Feed> feeds;
    private final CollectorBooks books;
    private final Timer lag;
    private final RateMeter messageRate = new RateMeter(RATE_WINDOW_NANOS);
    private final RateMeter updateRate = new RateMeter(RATE_WINDOW_NANOS);
    private volatile long lastLagNanos = -1;
    private Feed feed; // guarded by this; a fresh one, not started, after each stop
    private boolean running; // guarded by this

    /**
     * @param files       the recording's file names for a replay, empty for a live collector
     * @param instruments a replay's recorded instrument metadata by symbol (a live feed loads its own)
     * @param feeds       makes a new feed that reports to the given listener
     * @param prices      receives a price event on the feed thread whenever a book's best bid or ask changes
     * @param downstream  hears every book update and invalidation, on the feed thread
     */
    Collector(Venue venue, Market market, Source source, List<String> files, Map<String, Instrument> instruments,
              Function<MarketDataListener, Feed> feeds, Consumer<PriceUpdate> prices, MarketDataListener downstream,
              MeterRegistry registry) {
        this.id = venue.id() + ":" + market.id();
        this.venue = venue;
        this.market = market;
        this.source = source;
        this.files = List.copyOf(files);
        this.recordedInstruments = Map.copyOf(instruments);
        this.feeds = feeds;
        this.books = new CollectorBooks(prices, downstream);
        this.feed = feeds.apply(books);
        Tags tags = Tags.of("collector", id, "exchange", venue.id(), "market", market.id(), "source", source.id());
        FunctionCounter.builder("crossbook.marketdata.book.updates", books, CollectorBooks::updates)
                .description("valid order-book updates applied").tags(tags).register(registry);
        Gauge.builder("crossbook.marketdata.book.updates.rate", updateRate, RateMeter::perSecond)
                .description("valid order-book updates per second over the last 10 s").tags(tags).register(registry);
        Gauge.builder("crossbook.marketdata.messages.rate", messageRate, RateMeter::perSecond)
                .description("messages received per second over the last 10 s").tags(tags).register(registry);
        Gauge.builder("crossbook.marketdata.books.in.sync", books, CollectorBooks::inSync)
                .description("books known to equal the exchange's").tags(tags).register(registry);
        this.lag = Timer.builder("crossbook.marketdata.feed.lag")
                .description("time a task waits on the feed thread before it runs").tags(tags).register(registry);
    }

    public String id() {
        return id;
    }

    public Venue venue() {
        return venue;
    }

    public Market market() {
        return market;
    }

    public Source source() {
        return source;
    }

    /** The recording's file names; empty for a live collector. */
    public List<String> files() {
        return files;
    }

    /** Configured symbols (live) or those seen in the recording (replay), with any that had a book before. */
    public List<String> symbols() {
        Feed f;
        synchronized (this) {
            f = feed;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(f.symbols());
        all.addAll(books.symbols());
        return List.copyOf(all);
    }

    /**
     * The exchange's metadata for a symbol: a replay's recorded metadata, or what the live feed
     * loaded from the exchange (empty while it has not, or is stopped).
     */
    public Optional<Instrument> instrument(String symbol) {
        if (source == Source.REPLAY) {
            return Optional.ofNullable(recordedInstruments.get(symbol));
        }
        Feed f = runningFeed();
        return f == null ? Optional.empty()
                : Optional.ofNullable(await(f.read(h -> h == null ? null : h.instrument(symbol), null), id));
    }

    public synchronized boolean running() {
        return running;
    }

    /** Starts the feed; does nothing if it runs (a finished replay included). */
    public synchronized void start() {
        if (!running) {
            feed.start();
            running = true;
        }
    }

    /** Stops the feed: its books are invalid from now on. Does nothing if it is stopped. */
    public synchronized void stop() {
        if (running) {
            feed.close();
            running = false;
            books.invalidateAll(); // the feed thread has ended: nothing else writes the states now
            messageRate.clear();
            updateRate.clear();
            lastLagNanos = -1;
            feed = feeds.apply(books);
        }
    }

    public FeedStatus status() {
        Feed f = runningFeed();
        return f == null ? STOPPED : f.status();
    }

    /** Books in sync now, without asking the feed thread. */
    public long booksInSync() {
        return books.inSync();
    }

    /** State and counters; the counters are read on the feed thread. */
    public CollectorStats stats() {
        Feed f = runningFeed();
        FeedCounters c = f == null ? FeedCounters.ZERO : await(onFeed(f, f::counters, FeedCounters.ZERO), id);
        FeedStatus st = f == null ? STOPPED : f.status();
        long last = books.lastUpdateNanos();
        return new CollectorStats(id, venue.id(), market.id(), source.id(), files, symbols(), st.state().name(),
                st.detail(), tenths(messageRate.perSecond()), tenths(updateRate.perSecond()), c.messages(),
                c.bookUpdates(), c.gaps(), c.resyncs(), c.checksumFailures(), c.anomalies(), books.inSync(),
                last == 0 ? -1 : (System.nanoTime() - last) / 1_000_000, lagMillis());
    }

    /** Rates and event-loop lag from the latest samples, without waiting for the feed thread. */
    public FeedLoad load() {
        return new FeedLoad(id, status().state().name(), tenths(messageRate.perSecond()),
                tenths(updateRate.perSecond()), lagMillis(), lastLagNanos < 0 ? -1 : lag.max(TimeUnit.MILLISECONDS));
    }

    /**
     * Samples the counters for the rates, on the feed thread (which also measures its lag). Does
     * not wait for the answer.
     */
    void sample() {
        Feed f = runningFeed();
        if (f != null) {
            onFeed(f, h -> {
                long now = System.nanoTime();
                messageRate.sample(now, f.counters(h).messages());
                updateRate.sample(now, books.updates());
                return null;
            }, null);
        }
    }

    /**
     * A snapshot of a book's top {@code depth} levels while it is in sync: the cached one if the
     * book has not changed since it was taken, otherwise a fresh one from the feed thread.
     */
    CompletableFuture<BookRead> book(String symbol, int depth) {
        BookRead stopped = new BookRead.NotInSync("the collector is stopped");
        Feed f = runningFeed();
        if (f == null) {
            return CompletableFuture.completedFuture(stopped);
        }
        BookState state = books.state(symbol);
        BookSnapshot current = state.current(depth);
        if (current != null) {
            return CompletableFuture.completedFuture(new BookRead.InSync(current, true));
        }
        return onFeed(f, handler -> {
            OrderBook book = handler == null ? null : handler.book(symbol);
            if (book == null) {
                return new BookRead.NotInSync("no data for it yet");
            }
            if (!book.valid()) {
                return new BookRead.NotInSync(book.invalidReason());
            }
            long version = state.version();
            BookSnapshot snapshot = book.snapshot(depth);
            state.cache(version, depth, snapshot);
            return new BookRead.InSync(snapshot, false);
        }, stopped);
    }

    /** Waits for a read of this collector's feed thread, at most {@link #READ_TIMEOUT}. */
    static <T> T await(CompletableFuture<T> read, String collector) {
        try {
            return read.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(ErrorCode.EXCHANGE_UNAVAILABLE,
                    collector + ": its feed thread did not answer within " + READ_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + collector, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading " + collector + " failed", e.getCause());
        }
    }

    /** Runs a read on the feed thread, measuring how long it waited there. */
    private <T> CompletableFuture<T> onFeed(Feed f, Function<FeedHandler<?>, T> read, T whenClosed) {
        long queued = System.nanoTime();
        return f.read(handler -> {
            long waited = System.nanoTime() - queued;
            lastLagNanos = waited;
            lag.record(waited, TimeUnit.NANOSECONDS);
            return read.apply(handler);
        }, whenClosed);
    }

    private synchronized Feed runningFeed() {
        return running ? feed : null;
    }

    private double lagMillis() {
        long l = lastLagNanos;
        return l < 0 ? -1 : l / 1e6;
    }

    private static double tenths(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

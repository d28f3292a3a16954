package io.crossbook.server.marketdata;

import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.events.PriceUpdate;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.Speed;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.store.recording.RecordingReader;
import io.crossbook.venues.Venues;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.ResyncRequester;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collector over the recorded Binance USDⓈ-M excerpt, replayed as {@code serve --source} does. */
class CollectorTest {
    static final String SYMBOL = "BTCUSDT";
    static final RecordedBooks.Replayed EXPECTED = RecordedBooks.replay(Venue.BINANCE, Market.LINEAR, USDM_EXCERPT);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<PriceUpdate> prices = new CopyOnWriteArrayList<>();
    final List<String> downstream = new CopyOnWriteArrayList<>();
    final MarketDataListener engineFeed = new MarketDataListener() {
        @Override
        public void onBook(OrderBook book) {
            if (downstream.isEmpty() || !downstream.getLast().startsWith("book")) {
                downstream.add("book " + book.instrument());
            }
        }

        @Override
        public void onBookInvalid(OrderBook book) {
            downstream.add("invalid " + book.instrument());
        }
    };
    Collector collector;

    @AfterEach
    void stop() {
        if (collector != null) {
            collector.stop();
        }
    }

    Collector replaying(Path file, String speed) {
        ReplaySource source = new ReplaySource(Venue.BINANCE, Market.LINEAR, List.of(file));
        collector = new Collector(Venue.BINANCE, Market.LINEAR, Collector.Source.REPLAY, List.of(file.getFileName().toString()),
                Map.of(), listener -> new ReplayFeed(source, CleaningRules.DEFAULT, listener, Speed.parse(speed), false),
                prices::add, engineFeed, registry);
        collector.start();
        return collector;
    }

    void awaitFinished() {
        await().atMost(Duration.ofSeconds(10)).until(() -> collector.status().state() == FeedState.FINISHED);
    }

    BookRead book(int depth) {
        return Collector.await(collector.book(SYMBOL, depth), collector.id());
    }

    @Test
    void aPriceEventGoesOutExactlyWhenTheBestBidOrAskChanges() {
        replaying(USDM_EXCERPT, "max");
        awaitFinished();

        List<List<String>> expected = changes(EXPECTED.tops());
        assertThat(EXPECTED.tops()).as("most updates leave the top of the book alone").hasSizeGreaterThan(expected.size());
        assertThat(prices).extracting(p -> List.of(p.bid(), p.ask())).isEqualTo(expected);
        assertThat(prices).allSatisfy(p -> {
            assertThat(p.exchange()).isEqualTo("binance");
            assertThat(p.type()).isEqualTo("linear");
            assertThat(p.symbol()).isEqualTo(SYMBOL);
            assertThat(p.ts()).isBetween(1_723_161_255_000L, 1_723_161_270_000L);
        });
    }

    @Test
    void downstreamHearsEveryUpdateAndThatTheBooksAreInvalidOnceTheCollectorStops() {
        replaying(USDM_EXCERPT, "max");
        awaitFinished();
        assertThat(downstream).containsExactly("book binance:linear:BTCUSDT");

        collector.stop();
        assertThat(downstream).containsExactly("book binance:linear:BTCUSDT", "invalid binance:linear:BTCUSDT");
    }

    @Test
    void aSnapshotIsServedFromTheCacheOnlyWhileTheBookIsUnchanged() {
        replaying(USDM_EXCERPT, "max");
        awaitFinished();

        BookRead first = book(20);
        BookRead second = book(20);
        BookRead shallower = book(5);
        BookRead deeper = book(50);
        BookRead again = book(20);

        assertThat(first).isEqualTo(new BookRead.InSync(EXPECTED.snapshot(SYMBOL, 20), false));
        assertThat(second).isEqualTo(new BookRead.InSync(EXPECTED.snapshot(SYMBOL, 20), true));
        assertThat(shallower).as("20 cached levels cover 5").isEqualTo(new BookRead.InSync(EXPECTED.snapshot(SYMBOL, 20), true));
        assertThat(deeper).isEqualTo(new BookRead.InSync(EXPECTED.snapshot(SYMBOL, 50), false));
        assertThat(again).isEqualTo(new BookRead.InSync(EXPECTED.snapshot(SYMBOL, 50), true));
    }

    @Test
    void whileTheBookMovesEveryReadIsAtLeastAsNewAsThePreviousOne() {
        replaying(USDM_EXCERPT, "20x");
        List<BookSnapshot> seen = new ArrayList<>();
        int cached = 0;
        while (collector.status().state() != FeedState.FINISHED) {
            if (book(20) instanceof BookRead.InSync in) {
                seen.add(in.snapshot());
                cached += in.cached() ? 1 : 0;
            }
        }
        BookRead last = book(20);

        assertThat(seen).hasSizeGreaterThan(10);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).sequence()).isGreaterThanOrEqualTo(seen.get(i - 1).sequence());
        }
        assertThat(cached).as("reads between two updates hit the cache").isPositive();
        assertThat(last).isInstanceOfSatisfying(BookRead.InSync.class,
                in -> assertThat(in.snapshot()).isEqualTo(EXPECTED.snapshot(SYMBOL, 20)));
        assertThat(book(20)).as("once finished, every read is served from the cache")
                .isEqualTo(new BookRead.InSync(EXPECTED.snapshot(SYMBOL, 20), true));
    }

    @Test
    void aLostMessageLeavesTheBookOutOfSyncWithTheReason(@TempDir Path dir) {
        List<String> lines = RecordedBooks.lines(USDM_EXCERPT);
        int snapshot = RecordedBooks.indexOf(lines, "\"lastUpdateId\"", 0);
        Path lost = RecordedBooks.withoutLine(USDM_EXCERPT, RecordedBooks.indexOf(lines, "depthUpdate", snapshot + 500), dir);
        replaying(lost, "max");
        awaitFinished();

        assertThat(book(20)).isInstanceOfSatisfying(BookRead.NotInSync.class,
                n -> assertThat(n.reason()).startsWith("SEQUENCE_GAP: pu "));
        CollectorStats stats = collector.stats();
        assertThat(stats.gaps()).isOne();
        assertThat(stats.booksInSync()).isZero();
        assertThat(collector.booksInSync()).isZero();
        assertThat(prices).extracting(p -> List.of(p.bid(), p.ask())).as("none after the gap")
                .isEqualTo(changes(RecordedBooks.replay(Venue.BINANCE, Market.LINEAR, lost).tops()));
    }

    /**
     * The cache against a feed moved one message at a time: a read after a change is never
     * served the snapshot from before it.
     */
    @Test
    void aBookUpdateMakesTheCachedSnapshotStale() throws Exception {
        List<RecordedMessage> messages = new ArrayList<>();
        try (RecordingReader r = new RecordingReader(USDM_EXCERPT)) {
            r.forEachRemaining(messages::add);
        }
        SteppedFeed[] feed = new SteppedFeed[1];
        collector = new Collector(Venue.BINANCE, Market.LINEAR, Collector.Source.REPLAY, List.of(), Map.of(),
                listener -> feed[0] = new SteppedFeed(listener), prices::add, MarketDataListener.NONE, registry);
        collector.start();
        int at = RecordedBooks.indexOf(messages.stream().map(RecordedMessage::text).toList(), "\"lastUpdateId\"", 0) + 100;
        feed[0].play(messages.subList(0, at));
        int trade = indexOf(messages, "\"e\":\"trade\"", at);
        int depth = indexOf(messages, "\"e\":\"depthUpdate\"", trade);
        feed[0].play(messages.subList(at, trade));

        BookRead before = book(20);
        assertThat(book(20)).isEqualTo(new BookRead.InSync(((BookRead.InSync) before).snapshot(), true));
        feed[0].play(messages.subList(trade, trade + 1));
        assertThat(book(20)).as("a trade leaves the book as it was").isEqualTo(new BookRead.InSync(((BookRead.InSync) before).snapshot(), true));
        feed[0].play(messages.subList(trade + 1, depth + 1));
        BookRead after = book(20);

        assertThat(before).isInstanceOfSatisfying(BookRead.InSync.class, in -> assertThat(in.cached()).isFalse());
        BookSnapshot now = feed[0].snapshot(SYMBOL, 20);
        assertThat(after).isEqualTo(new BookRead.InSync(now, false));
        assertThat(now.sequence()).isGreaterThan(((BookRead.InSync) before).snapshot().sequence());
    }

    static int indexOf(List<RecordedMessage> messages, String text, int from) {
        return RecordedBooks.indexOf(messages.stream().map(RecordedMessage::text).toList(), text, from);
    }

    /** The best bid and ask each time either changes. */
    static List<List<String>> changes(List<List<String>> tops) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> top : tops) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(top)) {
                out.add(top);
            }
        }
        return out;
    }

    /** A feed the test moves on message by message, on its own feed thread like the real ones. */
    static final class SteppedFeed implements Feed {
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final FeedHandler<?> handler;

        SteppedFeed(MarketDataListener listener) {
            handler = Venues.protocol(Venue.BINANCE, Market.LINEAR).newHandler(Map.of(), CleaningRules.DEFAULT, listener,
                    ResyncRequester.NONE);
        }

        void play(List<RecordedMessage> messages) throws Exception {
            thread.submit(() -> messages.forEach(m -> handler.onMessage(m.receiveNanos(), m.text()))).get();
        }

        BookSnapshot snapshot(String symbol, int depth) throws Exception {
            return thread.submit(() -> handler.book(symbol).snapshot(depth)).get();
        }

        @Override
        public void start() {
        }

        @Override
        public void close() {
            thread.shutdown();
        }

        @Override
        public FeedStatus status() {
            return new FeedStatus(FeedState.REPLAYING, "stepped by the test");
        }

        @Override
        public List<String> symbols() {
            return List.of(SYMBOL);
        }

        @Override
        public <T> CompletableFuture<T> read(Function<FeedHandler<?>, T> read, T whenClosed) {
            return CompletableFuture.supplyAsync(() -> read.apply(handler), thread);
        }
    }

    @Test
    void aStoppedCollectorServesNothingAndStartsOverWhenStarted() {
        replaying(USDM_EXCERPT, "max");
        awaitFinished();
        assertThat(book(20)).isInstanceOf(BookRead.InSync.class);
        assertThat(book(20)).isInstanceOfSatisfying(BookRead.InSync.class, in -> assertThat(in.cached()).isTrue());

        collector.stop();
        collector.stop();

        assertThat(collector.running()).isFalse();
        assertThat(collector.status()).isEqualTo(new FeedStatus(FeedState.STOPPED, "stopped"));
        assertThat(book(20)).as("not even from the cache").isEqualTo(new BookRead.NotInSync("the collector is stopped"));
        assertThat(collector.booksInSync()).isZero();
        assertThat(collector.symbols()).containsExactly(SYMBOL);
        CollectorStats stopped = collector.stats();
        assertThat(stopped.status()).isEqualTo("STOPPED");
        assertThat(stopped.messages()).isZero();
        assertThat(stopped.eventLoopLagMillis()).isEqualTo(-1);

        int published = prices.size();
        collector.start();
        collector.start();
        awaitFinished();

        assertThat(book(20)).isEqualTo(new BookRead.InSync(EXPECTED.snapshot(SYMBOL, 20), false));
        assertThat(collector.stats().messages()).as("replayed once more, from the start").isEqualTo(3000);
        assertThat(prices.size() - published).as("the same price events again").isEqualTo(published);
    }

    @Test
    void statsMetricsAndLoadDescribeTheFeed() {
        replaying(USDM_EXCERPT, "max");
        awaitFinished();
        collector.sample();
        book(20);

        CollectorStats s = collector.stats();
        assertThat(s.id()).isEqualTo("binance:linear");
        assertThat(s.exchange()).isEqualTo("binance");
        assertThat(s.market()).isEqualTo("linear");
        assertThat(s.source()).isEqualTo("replay");
        assertThat(s.files()).containsExactly("usdm_btcusdt_20240808_head3000.gz");
        assertThat(s.symbols()).containsExactly(SYMBOL);
        assertThat(s.status()).isEqualTo("FINISHED");
        assertThat(s.messages()).isEqualTo(3000);
        assertThat(s.bookUpdates()).isEqualTo(EXPECTED.handler().stats().get(0).applied());
        assertThat(s.gaps()).isZero();
        assertThat(s.booksInSync()).isOne();
        assertThat(s.lastUpdateAgeMillis()).isNotNegative();
        assertThat(s.eventLoopLagMillis()).isNotNegative();

        assertThat(registry.get("crossbook.marketdata.book.updates").tag("collector", "binance:linear")
                .tag("source", "replay").functionCounter().count()).isEqualTo(EXPECTED.sequences().size());
        assertThat(registry.get("crossbook.marketdata.books.in.sync").tag("collector", "binance:linear").gauge().value())
                .isEqualTo(1);
        assertThat(registry.get("crossbook.marketdata.feed.lag").tag("collector", "binance:linear").timer().count())
                .as("sample, book and stats reads").isGreaterThanOrEqualTo(3);
        FeedLoad load = collector.load();
        assertThat(load.collector()).isEqualTo("binance:linear");
        assertThat(load.status()).isEqualTo("FINISHED");
        assertThat(load.eventLoopLagMillis()).isNotNegative();
        assertThat(load.maxEventLoopLagMillis()).isGreaterThanOrEqualTo(load.eventLoopLagMillis());
    }
}

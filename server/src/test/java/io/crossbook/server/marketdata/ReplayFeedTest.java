package io.crossbook.server.marketdata;

import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.Speed;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayFeedTest {
    static final String SYMBOL = "BTCUSDT";
    static final RecordedBooks.Replayed EXPECTED = RecordedBooks.replay(Venue.BINANCE, Market.LINEAR, USDM_EXCERPT);

    final Events events = new Events();
    ReplayFeed feed;

    @AfterEach
    void close() {
        if (feed != null) {
            feed.close();
        }
    }

    ReplayFeed start(Path file, String speed, boolean loop) {
        feed = new ReplayFeed(new ReplaySource(Venue.BINANCE, Market.LINEAR, List.of(file)), CleaningRules.DEFAULT,
                events, Speed.parse(speed), loop);
        feed.start();
        return feed;
    }

    <T> T read(Function<FeedHandler<?>, T> read) throws Exception {
        return feed.read(read, null).get(5, TimeUnit.SECONDS);
    }

    @Test
    void atMaxTheWholeRecordingIsReplayedAndItsBooksStayQueryable() throws Exception {
        start(USDM_EXCERPT, "max", false);

        await().atMost(Duration.ofSeconds(10)).until(() -> feed.status().state() == FeedState.FINISHED);

        assertThat(feed.status().detail())
                .isEqualTo("replayed 3,000 messages of usdm_btcusdt_20240808_head3000.gz, to 2024-08-08T23:54:27.233Z");
        assertThat(feed.symbols()).containsExactly(SYMBOL);
        BookSnapshot book = read(h -> h.book(SYMBOL).snapshot(50));
        assertThat(book.valid()).isTrue();
        assertThat(book).isEqualTo(EXPECTED.snapshot(SYMBOL, 50));
        FeedCounters counters = read(feed::counters);
        assertThat(counters.messages()).isEqualTo(3000);
        assertThat(counters.bookUpdates()).isEqualTo(EXPECTED.handler().stats().get(0).applied());
        assertThat(counters.gaps()).isZero();
    }

    @Test
    void atNxItKeepsTheRecordedPaceAndAnswersReadsMeanwhile() throws Exception {
        List<String> lines = RecordedBooks.lines(USDM_EXCERPT);
        long recordedNanos = receiveNanos(lines.get(lines.size() - 1)) - receiveNanos(lines.get(0));
        long started = System.nanoTime();
        start(USDM_EXCERPT, "20x", false);

        List<Long> readNanos = new ArrayList<>();
        while (feed.status().state() != FeedState.FINISHED) {
            long t0 = System.nanoTime();
            read(h -> h == null ? null : h.book(SYMBOL));
            readNanos.add(System.nanoTime() - t0);
            Thread.sleep(5);
        }
        long elapsed = System.nanoTime() - started;

        assertThat(elapsed).as("a 20th of the recorded %d ms", recordedNanos / 1_000_000)
                .isGreaterThanOrEqualTo(recordedNanos / 20);
        assertThat(readNanos).hasSizeGreaterThan(20)
                .allSatisfy(n -> assertThat(n).as("a read waits for one batch at most").isLessThan(100_000_000L));
        BookSnapshot book = read(h -> h.book(SYMBOL).snapshot(50));
        assertThat(book).isEqualTo(EXPECTED.snapshot(SYMBOL, 50));
    }

    @Test
    void aLoopStartsEachPassWithFreshBooksSyncedFromTheRecording() throws Exception {
        start(USDM_EXCERPT, "max", true);

        await().atMost(Duration.ofSeconds(20)).until(() -> events.invalidations() >= 3);
        feed.close();

        List<List<Long>> passes = events.passes();
        assertThat(passes.size()).isGreaterThanOrEqualTo(4);
        List<Long> first = passes.get(0);
        assertThat(first).as("every valid update of the recording").isEqualTo(EXPECTED.sequences());
        assertThat(passes.subList(1, 3)).as("each complete pass replays the same updates from its own snapshot")
                .allSatisfy(pass -> assertThat(pass).isEqualTo(first));
        assertThat(events.reasons).first().isEqualTo("disconnected: replay restarting from the beginning of the recording");
        assertThat(events.reasons.subList(0, 3)).containsOnly(events.reasons.get(0));
    }

    @Test
    void anUnreadableRecordingFailsAndLeavesNoBookInSync(@TempDir Path dir) throws Exception {
        byte[] gz = Files.readAllBytes(USDM_EXCERPT);
        Path truncated = Files.write(dir.resolve("truncated.gz"), Arrays.copyOf(gz, gz.length / 2));
        start(truncated, "max", false);

        await().atMost(Duration.ofSeconds(10)).until(() -> feed.status().state() == FeedState.FAILED);

        assertThat(feed.status().detail()).startsWith("cannot read the recording: ").contains("truncated.gz");
        assertThat(events.valid).as("it was in sync before the damage").isNotEmpty();
        boolean valid = read(h -> h.book(SYMBOL).valid());
        String reason = read(h -> h.book(SYMBOL).invalidReason());
        assertThat(valid).isFalse();
        assertThat(reason).startsWith("disconnected: cannot read the recording: ");
    }

    @Test
    void closingStopsTheReplayAndLaterReadsGetTheClosedValue() throws Exception {
        start(USDM_EXCERPT, "1x", false);
        await().atMost(Duration.ofSeconds(5)).until(() -> feed.status().state() == FeedState.REPLAYING);

        long t0 = System.nanoTime();
        feed.close();

        assertThat(System.nanoTime() - t0).as("close() does not wait for the recording").isLessThan(1_000_000_000L);
        assertThat(feed.status().state()).isEqualTo(FeedState.STOPPED);
        assertThat(feed.read(h -> "read", "closed").get(1, TimeUnit.SECONDS)).isEqualTo("closed");
    }

    static long receiveNanos(String line) {
        return Long.parseLong(line.substring(0, line.indexOf(' ')));
    }

    /** The feed thread's book events: each valid update's sequence, per pass, and why books were invalidated. */
    static final class Events implements MarketDataListener {
        final List<Long> valid = new CopyOnWriteArrayList<>();
        final List<String> reasons = new CopyOnWriteArrayList<>();
        private final List<Integer> boundaries = new CopyOnWriteArrayList<>();

        @Override
        public void onBook(OrderBook book) {
            valid.add(book.sequence());
        }

        @Override
        public void onBookInvalid(OrderBook book) {
            boundaries.add(valid.size());
            reasons.add(book.invalidReason());
        }

        int invalidations() {
            return reasons.size();
        }

        /** The valid updates between invalidations. */
        List<List<Long>> passes() {
            List<List<Long>> out = new ArrayList<>();
            int from = 0;
            for (int to : boundaries) {
                out.add(valid.subList(from, to));
                from = to;
            }
            out.add(valid.subList(from, valid.size()));
            return out;
        }
    }
}

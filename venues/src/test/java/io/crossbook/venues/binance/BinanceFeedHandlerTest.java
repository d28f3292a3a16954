package io.crossbook.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import io.crossbook.core.model.Ticker;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.store.recording.RecordingReader;
import io.crossbook.testkit.SharedData;
import io.crossbook.venues.common.CapturingListener;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinanceFeedHandlerTest {
    /** Wide bounds: these tests are about sync, not market anomalies. */
    static final CleaningRules RULES = new CleaningRules(0.5, Duration.ofSeconds(1), Duration.ofMinutes(10));

    /** What the handler reports, plus the book's best levels after each applied message, by update id. */
    static final class Capture extends CapturingListener {
        final List<String> resyncs = new ArrayList<>();
        final Map<Long, BigDecimal[]> topByUpdateId = new HashMap<>();

        @Override
        public void onBook(OrderBook book) {
            super.onBook(book);
            topByUpdateId.put(book.sequence(), new BigDecimal[] {
                    dec(book.price(Side.BID, 0), book.priceScale()), dec(book.qty(Side.BID, 0), book.qtyScale()),
                    dec(book.price(Side.ASK, 0), book.priceScale()), dec(book.qty(Side.ASK, 0), book.qtyScale())});
        }
    }

    static BigDecimal dec(long mantissa, int scale) {
        return FixedPoint.toBigDecimal(mantissa, scale).stripTrailingZeros();
    }

    static List<RecordedMessage> read(Path file) throws IOException {
        List<RecordedMessage> out = new ArrayList<>();
        try (RecordingReader r = new RecordingReader(file)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    static Path resource(String name) {
        try {
            return Path.of(BinanceFeedHandlerTest.class.getResource("/binance/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static BinanceFeedHandler handler(Market market, Capture capture) {
        return new BinanceFeedHandler(market, Map.of(), RULES, capture, capture.resyncs::add);
    }

    static void feed(BinanceFeedHandler h, List<RecordedMessage> messages) {
        for (RecordedMessage m : messages) {
            h.onMessage(m.receiveNanos(), m.text());
        }
    }

    /**
     * The exact oracle: wherever a bookTicker's update id equals the final update id of an
     * applied depth message, the book's best bid and ask (price and size) equal the ticker's.
     */
    static long assertBookAgreesWithEveryMatchingTicker(Capture c) {
        long matches = 0;
        for (Ticker t : c.tickers) {
            BigDecimal[] top = c.topByUpdateId.get(t.updateId());
            if (top != null) {
                matches++;
                assertThat(top).as("book at u=%d vs bookTicker", t.updateId()).containsExactly(
                        dec(t.bidPrice(), t.priceScale()), dec(t.bidQty(), t.qtyScale()),
                        dec(t.askPrice(), t.priceScale()), dec(t.askQty(), t.qtyScale()));
            }
        }
        return matches;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "binance/hftbacktest/usdm/btcusdt_20240808.gz, linear, BTCUSDT",
            "binance/hftbacktest/usdm/ethusdt_20240808.gz, linear, ETHUSDT",
            "binance/hftbacktest/spot/btcusdt_20240808.gz, spot, BTCUSDT",
            "binance/hftbacktest/spot/ethusdt_20240808.gz, spot, ETHUSDT",
            "binance/hftbacktest/cm/btcusd_perp_20240808.gz, inverse, BTCUSD_PERP"})
    void everySharedRecordingReplaysWithoutGapsAndMatchesBookTicker(String file, String market, String symbol)
            throws IOException {
        Path path = SharedData.file(file).orElse(null);
        Assumptions.assumeTrue(path != null, "../shared/data/" + file + " is absent: full-recording test skipped");
        Capture c = new Capture();
        BinanceFeedHandler h = handler(Market.parse(market), c);
        List<RecordedMessage> messages = read(path);
        feed(h, messages);

        FeedStats stats = h.stats().get(0);
        assertThat(stats.instrument().symbol()).isEqualTo(symbol);
        assertThat(stats.gaps()).isZero();
        assertThat(stats.checksumFailures()).isZero();
        assertThat(stats.resyncs()).isZero();
        assertThat(c.anomalies).as("no anomaly of any kind on a clean recording").isEmpty();
        assertThat(h.book(symbol).valid()).isTrue();
        assertThat(c.resyncs).containsExactly(symbol); // the one initial snapshot
        long matches = assertBookAgreesWithEveryMatchingTicker(c);
        assertThat(matches).isPositive();
        assertThat(stats.checksumsVerified()).isPositive().isLessThanOrEqualTo(matches);
        long depthLines = messages.stream().filter(m -> m.text().contains("\"depthUpdate\"")).count();
        // Every diff from the bridging one on is applied; only those the snapshot contains are not.
        assertThat(stats.applied()).isGreaterThan(depthLines * 9 / 10);
    }

    @Nested
    class OnTheUsdmExcerpt {
        final List<RecordedMessage> messages;

        OnTheUsdmExcerpt() throws IOException {
            messages = read(resource("usdm_btcusdt_20240808_head3000.gz"));
        }

        int indexOfDepthAfter(int start) {
            for (int i = start; i < messages.size(); i++) {
                if (messages.get(i).text().contains("\"depthUpdate\"")) {
                    return i;
                }
            }
            throw new AssertionError("no depth message after " + start);
        }

        int snapshotIndex() {
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i).text().startsWith("{\"lastUpdateId\"")) {
                    return i;
                }
            }
            throw new AssertionError("no snapshot line");
        }

        @Test
        void buffersDiffsUntilTheSnapshotThenStaysInSync() {
            Capture c = new Capture();
            BinanceFeedHandler h = handler(Market.LINEAR, c);
            int snapshot = snapshotIndex();
            feed(h, messages.subList(0, snapshot));
            assertThat(h.book("BTCUSDT").valid()).as("no book before the snapshot").isFalse();
            assertThat(c.resyncs).containsExactly("BTCUSDT");

            feed(h, messages.subList(snapshot, messages.size()));
            OrderBook book = h.book("BTCUSDT");
            assertThat(book.valid()).isTrue();
            assertThat(h.stats().get(0).gaps()).isZero();
            assertThat(assertBookAgreesWithEveryMatchingTicker(c)).isPositive();
            assertThat(h.stats().get(0).checksumsVerified()).isPositive();
            assertThat(book.bestBid()).isLessThan(book.bestAsk());
            assertThat(c.trades).isNotEmpty().allSatisfy(t -> assertThat(t.price()).isPositive());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"dropped", "duplicated", "reordered"})
        void aBrokenChainIsDetectedAndNeverAppliedSilently(String corruption) {
            int victim = indexOfDepthAfter(snapshotIndex() + 200);
            int next = indexOfDepthAfter(victim + 1);
            List<RecordedMessage> corrupted = new ArrayList<>(messages.subList(0, victim));
            switch (corruption) {
                case "dropped" -> corrupted.add(messages.get(next));
                case "duplicated" -> {
                    corrupted.add(messages.get(victim));
                    corrupted.add(messages.get(victim));
                }
                default -> {
                    corrupted.add(messages.get(next));
                    corrupted.add(messages.get(victim));
                }
            }
            Capture c = new Capture();
            BinanceFeedHandler h = handler(Market.LINEAR, c);
            feed(h, corrupted);

            OrderBook book = h.book("BTCUSDT");
            assertThat(book.valid()).isFalse();
            assertThat(book.depth(Side.BID) + book.depth(Side.ASK)).as("an invalid book is emptied").isZero();
            assertThat(h.stats().get(0).gaps()).isEqualTo(1);
            assertThat(h.stats().get(0).resyncs()).isEqualTo(1);
            assertThat(c.resyncs).containsExactly("BTCUSDT", "BTCUSDT");
            assertThat(c.count(AnomalyKind.SEQUENCE_GAP)).isEqualTo(1);
            assertThat(c.invalidations).as("listeners hear why").singleElement().asString()
                    .startsWith("BTCUSDT: SEQUENCE_GAP: pu ");
        }

        @Test
        void aDisconnectEmptiesTheBookAndTellsTheListener() {
            Capture c = new Capture();
            BinanceFeedHandler h = handler(Market.LINEAR, c);
            feed(h, messages);
            assertThat(h.book("BTCUSDT").valid()).isTrue();

            h.disconnected("socket closed");

            assertThat(h.book("BTCUSDT").valid()).isFalse();
            assertThat(h.book("BTCUSDT").bestBid()).isEqualTo(OrderBook.NO_PRICE);
            assertThat(c.invalidations).containsExactly("BTCUSDT: disconnected: socket closed");
        }

        @Test
        void afterAGapAFreshSnapshotRestoresTheExactBook() {
            int victim = indexOfDepthAfter(snapshotIndex() + 200);
            int resume = indexOfDepthAfter(victim + 50);
            // The exchange's book just before `resume`, from an intact replay, served as the new snapshot.
            Capture cleanCapture = new Capture();
            BinanceFeedHandler clean = handler(Market.LINEAR, cleanCapture);
            feed(clean, messages.subList(0, resume));
            String snapshot = snapshotJson(clean.book("BTCUSDT"));
            feed(clean, messages.subList(resume, messages.size()));

            Capture c = new Capture();
            BinanceFeedHandler h = handler(Market.LINEAR, c);
            List<RecordedMessage> corrupted = new ArrayList<>(messages.subList(0, resume));
            corrupted.remove(victim);
            feed(h, corrupted);
            assertThat(h.book("BTCUSDT").valid()).isFalse();
            h.onMessage(messages.get(resume).receiveNanos(), snapshot);
            feed(h, messages.subList(resume, messages.size()));

            assertThat(h.book("BTCUSDT").valid()).isTrue();
            assertThat(h.book("BTCUSDT").snapshot(5000)).isEqualTo(clean.book("BTCUSDT").snapshot(5000));
        }

        @Test
        void aBookTickerThatDisagreesWithTheBookAtTheSameIdForcesAResync() {
            int snapshot = snapshotIndex();
            List<RecordedMessage> altered = new ArrayList<>(messages);
            Capture probe = new Capture();
            feed(handler(Market.LINEAR, probe), messages);
            long checkedId = probe.tickers.stream().map(Ticker::updateId)
                    .filter(probe.topByUpdateId::containsKey).findFirst().orElseThrow();
            for (int i = snapshot; i < altered.size(); i++) {
                RecordedMessage m = altered.get(i);
                if (m.text().contains("\"bookTicker\"") && m.text().contains("\"u\":" + checkedId + ",")) {
                    altered.set(i, new RecordedMessage(m.receiveNanos(),
                            m.text().replaceFirst("\"B\":\"[0-9.]+\"", "\"B\":\"999.999\"")));
                }
            }
            Capture c = new Capture();
            BinanceFeedHandler h = handler(Market.LINEAR, c);
            feed(h, altered);
            assertThat(h.stats().get(0).checksumFailures()).isEqualTo(1);
            assertThat(c.count(AnomalyKind.CHECKSUM_MISMATCH)).isEqualTo(1);
            assertThat(c.resyncs).containsExactly("BTCUSDT", "BTCUSDT");
        }

        /** A level that is not a decimal, and one priced at zero (which the compact-level fast path leaves to the checks). */
        @ParameterizedTest
        @CsvSource({"12x.5, 12x.5", "0.00, non-positive price 0"})
        void aMalformedDiffIsFlaggedAndNeverApplied(String price, String detail) {
            int victim = indexOfDepthAfter(snapshotIndex() + 10);
            while (!messages.get(victim).text().contains("\"b\":[[\"")) {
                victim = indexOfDepthAfter(victim + 1);
            }
            List<RecordedMessage> altered = new ArrayList<>(messages.subList(0, victim + 1));
            RecordedMessage m = altered.get(victim);
            altered.set(victim, new RecordedMessage(m.receiveNanos(),
                    m.text().replaceFirst("\"b\":\\[\\[\"[0-9.]+\"", "\"b\":[[\"" + price + "\"")));
            Capture c = new Capture();
            BinanceFeedHandler h = handler(Market.LINEAR, c);
            feed(h, altered);
            assertThat(c.count(AnomalyKind.INVALID_MESSAGE)).isEqualTo(1);
            assertThat(c.anomalies.get(0).detail()).contains(detail);
            assertThat(h.book("BTCUSDT").valid()).isFalse();
        }
    }

    @Test
    void spotUsesTheSpotContinuityRule() throws IOException {
        List<RecordedMessage> messages = read(resource("spot_btcusdt_20240808_head3000.gz"));
        Capture c = new Capture();
        BinanceFeedHandler h = handler(Market.SPOT, c);
        feed(h, messages);
        assertThat(h.stats().get(0).gaps()).isZero();
        assertThat(h.book("BTCUSDT").valid()).isTrue();
        assertThat(assertBookAgreesWithEveryMatchingTicker(c)).isPositive();

        // On spot, pu does not exist: a diff whose U skips an id is a gap.
        List<RecordedMessage> dropped = new ArrayList<>(messages);
        int lastDepth = 0;
        for (int i = 0; i < dropped.size(); i++) {
            if (dropped.get(i).text().contains("\"depthUpdate\"")) {
                lastDepth = i;
            }
        }
        dropped.remove(lastDepth - 10 > 0 ? indexOfDepthBefore(dropped, lastDepth) : lastDepth);
        Capture c2 = new Capture();
        BinanceFeedHandler h2 = handler(Market.SPOT, c2);
        feed(h2, dropped);
        assertThat(h2.stats().get(0).gaps()).isEqualTo(1);
        assertThat(h2.book("BTCUSDT").valid()).isFalse();
    }

    private static int indexOfDepthBefore(List<RecordedMessage> messages, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (messages.get(i).text().contains("\"depthUpdate\"")) {
                return i;
            }
        }
        throw new AssertionError();
    }

    /** A REST depth snapshot body for the book's full content, as Binance would serve it. */
    static String snapshotJson(OrderBook book) {
        BookSnapshot s = book.snapshot(Integer.MAX_VALUE);
        StringBuilder sb = new StringBuilder("{\"lastUpdateId\":").append(book.sequence());
        sb.append(",\"E\":").append(book.exchangeTimeMillis()).append(",\"bids\":[");
        levels(sb, s.bidPrices(), s.bidQtys(), s.priceScale(), s.qtyScale());
        sb.append("],\"asks\":[");
        levels(sb, s.askPrices(), s.askQtys(), s.priceScale(), s.qtyScale());
        return sb.append("]}").toString();
    }

    private static void levels(StringBuilder sb, long[] prices, long[] qtys, int ps, int qs) {
        for (int i = 0; i < prices.length; i++) {
            sb.append(i == 0 ? "" : ",").append("[\"").append(FixedPoint.format(prices[i], ps)).append("\",\"")
                    .append(FixedPoint.format(qtys[i], qs)).append("\"]");
        }
    }
}

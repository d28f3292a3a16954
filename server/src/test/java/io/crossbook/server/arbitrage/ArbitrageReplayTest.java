package io.crossbook.server.arbitrage;

import static io.crossbook.server.arbitrage.SpotPerpReplay.LINEAR_TAKER;
import static io.crossbook.server.arbitrage.SpotPerpReplay.PAIR;
import static io.crossbook.server.arbitrage.SpotPerpReplay.QTY;
import static io.crossbook.server.arbitrage.SpotPerpReplay.SPOT_TAKER;
import static io.crossbook.server.arbitrage.SpotPerpReplay.THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crossbook.core.arb.Direction;
import io.crossbook.core.arb.FeeSchedule;
import io.crossbook.core.arb.Opportunity;
import io.crossbook.core.arb.SpreadQuote;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.server.replay.ReplayTestData;
import io.crossbook.testkit.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arbitrage replay's acceptance test: the Binance spot and USDⓈ-M BTCUSDT recordings replayed
 * together as a spot–perp pair report, after every book update of either leg, the quote the
 * specification defines — VWAP through each book's top {@code book-depth} levels for the pair's
 * quantity, net of taker fees, in the better direction — as {@link ReferenceMarket} and
 * {@link ExpectedQuote} compute it apart from the code under test; and the pair's report counts
 * what the desk reported on the way.
 */
class ArbitrageReplayTest {
    /** Doubles against exact decimals: relative to the size of what is compared (prices, or 100 for percentages). */
    private static final double TOLERANCE = 1e-9;
    private static final int DEPTH = ArbitrageProperties.DEFAULTS.bookDepth();

    /** The exchanges' regular taker rates, as the engine's defaults, and none at all (so that the pair trades). */
    static Stream<Arguments> fees() {
        return Stream.of(
                Arguments.of("regular taker fees", FeeSchedule.defaults(), SPOT_TAKER, LINEAR_TAKER),
                Arguments.of("no fees", SpotPerpReplay.fees(BigDecimal.ZERO, BigDecimal.ZERO), BigDecimal.ZERO,
                        BigDecimal.ZERO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fees")
    void everyQuoteOfTheExcerptsIsTheVwapSpreadNetOfFees(String name, FeeSchedule fees, BigDecimal spotFee,
                                                         BigDecimal linearFee) {
        SpotPerpReplay.Run run = SpotPerpReplay.run(SpotPerpReplay.excerpts(), SpotPerpReplay.config(fees));
        List<ExpectedQuote> expected = expectedQuotes(ReplayTestData.SPOT_EXCERPT, ReplayTestData.USDM_EXCERPT,
                spotFee, linearFee);

        assertThat(expected).as("the perp's book comes later than the spot's: quotes without a direction first")
                .anyMatch(q -> q.direction() == null).anyMatch(q -> q.direction() != null);
        assertQuotes(run.quotes(), expected);
        assertOpportunities(run, expected);
        assertPairReport(run);
    }

    @Test
    void everyQuoteOfTheFullRecordingsIsTheVwapSpreadNetOfFees() {
        Optional<Path> spot = SharedData.file("binance/hftbacktest/spot/btcusdt_20240808.gz");
        Optional<Path> usdm = SharedData.file("binance/hftbacktest/usdm/btcusdt_20240808.gz");
        assumeTrue(spot.isPresent() && usdm.isPresent(), "the full Binance BTCUSDT recordings of 2024-08-08 are not in "
                + "shared/data/binance/hftbacktest/{spot,usdm}/ (root: " + SharedData.root().orElse(null) + "): skipped");
        SpotPerpReplay.Run run = SpotPerpReplay.run(SpotPerpReplay.sources(spot.get(), usdm.get()),
                SpotPerpReplay.config(SpotPerpReplay.fees(BigDecimal.ZERO, BigDecimal.ZERO)));
        List<ExpectedQuote> expected = expectedQuotes(spot.get(), usdm.get(), BigDecimal.ZERO, BigDecimal.ZERO);

        assertQuotes(run.quotes(), expected);
        assertOpportunities(run, expected);
        assertPairReport(run);
        assertThat(run.events("execution")).as("six minutes of a 0.06 % basis at no fees trade more than once")
                .hasSizeGreaterThan(1);
    }

    private static List<ExpectedQuote> expectedQuotes(Path spot, Path usdm, BigDecimal spotFee, BigDecimal linearFee) {
        List<ExpectedQuote> expected = new ArrayList<>();
        ReferenceMarket.replay(spot, false, usdm, true, DEPTH,
                state -> expected.add(ExpectedQuote.of(state, QTY, spotFee, linearFee)));
        return expected;
    }

    private static void assertQuotes(List<SpreadQuote> actual, List<ExpectedQuote> expected) {
        assertThat(actual).as("one quote per book update of either leg").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            SpreadQuote a = actual.get(i);
            ExpectedQuote e = expected.get(i);
            String at = "quote " + i + " (" + a + ", expected " + e + "): ";
            assertThat(a.pairId()).isEqualTo(PAIR);
            assertThat(a.ts()).as(at + "ts").isEqualTo(e.ts());
            assertNear(a.leg1Bid(), e.leg1Bid(), e.leg1Bid(), at + "leg1Bid");
            assertNear(a.leg1Ask(), e.leg1Ask(), e.leg1Ask(), at + "leg1Ask");
            assertNear(a.leg2Bid(), e.leg2Bid(), e.leg2Bid(), at + "leg2Bid");
            assertNear(a.leg2Ask(), e.leg2Ask(), e.leg2Ask(), at + "leg2Ask");
            assertThat(a.direction()).as(at + "direction").isEqualTo(e.direction());
            BigDecimal priceScale = e.direction() == null ? null : e.buyPrice();
            BigDecimal percentScale = e.direction() == null ? null : BigDecimal.valueOf(100);
            assertNear(a.spread(), e.spread(), priceScale, at + "spread");
            assertNear(a.spreadPercent(), e.spreadPercent(), percentScale, at + "spreadPercent");
            assertNear(a.netSpreadPercent(), e.netSpreadPercent(), percentScale, at + "netSpreadPercent");
        }
    }

    /**
     * An opportunity is published when a quote's net spread clears the threshold and none is open,
     * or the open one's direction differs, or its net spread has moved by the material change or
     * more; it closes when a quote does not clear. Each is published while the engine handles the
     * book update of its quote, so before the observer hears of that quote.
     */
    private static void assertOpportunities(SpotPerpReplay.Run run, List<ExpectedQuote> quotes) {
        BigDecimal material = BigDecimal.valueOf(ArbitrageProperties.DEFAULTS.materialChange());
        List<Integer> expectedAt = new ArrayList<>();
        ExpectedQuote open = null;
        for (int i = 0; i < quotes.size(); i++) {
            ExpectedQuote q = quotes.get(i);
            if (q.netSpreadPercent() == null || q.netSpreadPercent().compareTo(THRESHOLD) < 0) {
                open = null;
            } else if (open == null || open.direction() != q.direction()
                    || q.netSpreadPercent().subtract(open.netSpreadPercent()).abs().compareTo(material) >= 0) {
                open = q;
                expectedAt.add(i);
            }
        }
        List<SpotPerpReplay.Event> published = run.events("opportunity");
        assertThat(published).extracting(SpotPerpReplay.Event::quotesBefore).as("the quotes that published one")
                .containsExactlyElementsOf(expectedAt);
        for (SpotPerpReplay.Event event : published) {
            Opportunity o = (Opportunity) event.data();
            ExpectedQuote q = quotes.get(event.quotesBefore());
            String at = "opportunity " + o + " of quote " + q + ": ";
            assertThat(o.pairId()).isEqualTo(PAIR);
            assertThat(o.direction()).as(at + "direction").isEqualTo(q.direction());
            assertThat(o.ts()).as(at + "ts").isEqualTo(q.ts());
            assertThat(o.qty()).isEqualByComparingTo(QTY);
            assertNear(o.netSpreadPercent(), q.netSpreadPercent(), BigDecimal.valueOf(100), at + "netSpreadPercent");
            assertNear(o.spread(), q.spread(), q.buyPrice(), at + "spread");
            assertNear(o.leg1Price(), q.direction() == Direction.FORWARD ? q.leg1Ask() : q.leg1Bid(),
                    q.buyPrice(), at + "leg1Price");
            assertNear(o.leg2Price(), q.direction() == Direction.FORWARD ? q.leg2Bid() : q.leg2Ask(),
                    q.buyPrice(), at + "leg2Price");
        }
    }

    /** The pair's totals are what the observer saw: opportunities, executions, and their fees and P&L added up. */
    private static void assertPairReport(SpotPerpReplay.Run run) {
        List<ExecutionResult> executions = run.events("execution").stream().map(e -> (ExecutionResult) e.data()).toList();
        ArbitrageReplay.PairReport report = run.pair();
        assertThat(run.report().pairs()).singleElement().isEqualTo(report);
        assertThat(report.opportunities()).isEqualTo(run.events("opportunity").size());
        assertThat(report.executions()).isEqualTo(executions.size());
        assertThat(report.fees()).isEqualByComparingTo(executions.stream().map(ExecutionResult::fees)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(report.pnl()).isEqualByComparingTo(executions.stream().map(ExecutionResult::pnl)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Both null, or {@code actual} within {@link #TOLERANCE} times {@code scale} of {@code expected}. */
    static void assertNear(Double actual, BigDecimal expected, BigDecimal scale, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        double error = new BigDecimal(actual).subtract(expected).abs().doubleValue();
        assertThat(error).as(what + ": " + actual + " against " + expected.toPlainString())
                .isLessThanOrEqualTo(TOLERANCE * scale.abs().doubleValue());
    }
}

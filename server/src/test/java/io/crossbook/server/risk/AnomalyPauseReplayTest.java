package io.crossbook.server.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.risk.RiskLimits;
import io.crossbook.server.arbitrage.ArbitrageReplay;
import io.crossbook.server.arbitrage.SpotPerpReplay;
import io.crossbook.server.replay.ReplayTestData;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Market anomalies pause a pair and healthy data resumes it (API.md "Risk", breakers and pauses),
 * in the deterministic {@link ArbitrageReplay} of the recorded Binance spot and USDⓈ-M BTCUSDT
 * excerpts with an anomaly injected into the spot recording. Without fees the recorded basis
 * (spot some 0.07 % above the perpetual) clears the 0.01 % threshold, so the pair keeps trying to
 * trade: while paused every try is refused.
 *
 * <p>The excerpts: spot from 23:54:13.94 to 23:54:42.13 UTC (receive times), USDⓈ-M from
 * 23:54:15.03 to 23:54:27.23. Times below are seconds of the recording's clock past 23:54:00.
 */
class AnomalyPauseReplayTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SECOND = 1_000_000_000L;
    /** 2024-08-08 23:54:00 UTC in nanoseconds. */
    private static final long MINUTE_START = 1_723_161_240L * SECOND;
    private static final String SPOT = "binance:spot:BTCUSDT";
    private static final long RESUME_AFTER_MS = 5_000;

    @TempDir
    Path dir;

    /**
     * The spot connection stalls from 15.6 s to 27.3 s and then delivers its backlog at once (the
     * messages of the stall keep their order and get the receive time 27.3 s, so the diff chain stays
     * whole). The USDⓈ-M stream runs on to 27.23 s, so on the recording's clock spot has had no
     * update for more than the 10 s of CleaningRules' staleAfter before its backlog arrives.
     */
    private Path stalledSpot() {
        return rewrite("stalled", line -> line.nanos() > STALL_FROM && line.nanos() < STALL_TO
                ? List.of(new Line(STALL_TO, line.json())) : List.of(line));
    }

    private static final long STALL_FROM = at(15.6);
    private static final long STALL_TO = at(27.3);

    @Test
    void aStaleSpotFeedPausesThePairUntilItHasBeenHealthyForAnomalyResumeAfterMs() {
        SpotPerpReplay.Run run = run(stalledSpot(), limits(RiskLimits.DEFAULTS.maxVenueDeviationPercent()),
                CleaningRules.DEFAULT);

        EngineAlert pause = first(run, "ANOMALY_PAUSE", "STALE_FEED");
        assertThat(pause.pairId()).isEqualTo(SpotPerpReplay.PAIR);
        assertThat(pause.message()).contains("STALE_FEED on " + SPOT);
        assertThat(pause.ts()).as("flagged after 10 s without a spot update, by the time the backlog comes at the latest")
                .isGreaterThan(millis(STALL_FROM) + 10_000).isLessThanOrEqualTo(millis(STALL_TO));
        EngineAlert resumed = first(run, "ANOMALY_RESUMED", "STALE_FEED");
        assertThat(resumed.pairId()).isEqualTo(SpotPerpReplay.PAIR);
        assertThat(resumed.ts()).as("%s s of healthy spot data after the backlog", RESUME_AFTER_MS / 1000)
                .isGreaterThanOrEqualTo(millis(STALL_TO) + RESUME_AFTER_MS);
        assertNothingStartsWhilePausedButTriesAreRefused(run, pause.ts(), resumed.ts());
        assertThat(executions(run)).as("it trades again once resumed").anyMatch(e -> e.startedTs() >= resumed.ts());
    }

    /**
     * A replay checks every source for staleness on the recording's clock, so a silent source
     * is flagged while the others run, not only when it speaks again.
     */
    @Test
    void aSilentSourceIsFlaggedStaleOnTheRecordingsClockBeforeItSpeaksAgain() {
        SpotPerpReplay.Run run = run(stalledSpot(), limits(RiskLimits.DEFAULTS.maxVenueDeviationPercent()),
                CleaningRules.DEFAULT);

        EngineAlert pause = first(run, "ANOMALY_PAUSE", "STALE_FEED");
        // the last spot update before the stall is at 15.54 s; the session checks once a second of the
        // USDⓈ-M stream's clock, so the flag comes between 25.54 s and 26.6 s
        assertThat(pause.ts()).isLessThan(millis(STALL_TO)).isLessThanOrEqualTo(millis(STALL_FROM) + 11_000);
    }

    /**
     * At 21.0 s the spot book moves up 3,100 USDT, some 5 %, past CleaningRules' 2 % maxJumpFraction:
     * a fresh REST snapshot naming BTCUSDT is inserted (the Binance handler takes a snapshot at any
     * time: it resets the book to it and bridges the diffs that follow from its lastUpdateId), holding
     * the book as the recording had it then with every price 3,100 higher, and every later spot depth,
     * bookTicker and trade price is raised by the same 3,100. The book stays in sync and its
     * bookTicker cross-check keeps agreeing; only its mid jumps. The pair's venue-deviation guard
     * (its legs' mids more than 1 % apart) would pause it too, for good, since the perpetual does not
     * move: it is raised to 10 % so that this test sees the jump alone.
     */
    @Test
    void aPriceJumpOnTheSpotBookPausesThePairAndItResumesAfterAHealthyPeriod() {
        long jumpAt = at(21.0);
        BigDecimal shift = new BigDecimal("3100");
        Path spot = jumped(jumpAt, shift);

        SpotPerpReplay.Run run = run(spot, limits(BigDecimal.TEN), CleaningRules.DEFAULT);

        EngineAlert pause = first(run, "ANOMALY_PAUSE", "PRICE_JUMP");
        assertThat(pause.pairId()).isEqualTo(SpotPerpReplay.PAIR);
        assertThat(pause.message()).contains("PRICE_JUMP on " + SPOT).contains("mid moved 5.0");
        assertThat(pause.ts()).isEqualTo(millis(jumpAt));
        EngineAlert resumed = first(run, "ANOMALY_RESUMED", "PRICE_JUMP");
        assertThat(resumed.pairId()).isEqualTo(SpotPerpReplay.PAIR);
        assertThat(resumed.ts()).isGreaterThanOrEqualTo(pause.ts() + RESUME_AFTER_MS);
        assertThat(run.events("engine_alert")).map(e -> ((EngineAlert) e.data()).code())
                .as("the book stayed usable").doesNotContain("LEG_IMBALANCE");
        assertNothingStartsWhilePausedButTriesAreRefused(run, pause.ts(), resumed.ts());
        assertThat(executions(run)).as("it trades the jumped book once resumed")
                .anyMatch(e -> e.startedTs() >= resumed.ts());
    }

    private static void assertNothingStartsWhilePausedButTriesAreRefused(SpotPerpReplay.Run run, long from, long to) {
        List<ExecutionResult> executions = executions(run);
        assertThat(executions).as("the pair trades outside the pause").anyMatch(e -> e.startedTs() < from);
        assertThat(executions).as("no execution starts while paused [%d, %d)", from, to)
                .noneMatch(e -> e.startedTs() >= from && e.startedTs() < to);
        assertThat(alerts(run)).as("the tries while paused are refused")
                .anyMatch(a -> a.code().equals("RISK_REJECTED") && "pair_paused".equals(a.rule())
                        && a.ts() >= from && a.ts() < to && SpotPerpReplay.PAIR.equals(a.pairId()));
    }

    // ---- the replay ----

    /** The excerpts with {@code spot} for the spot recording, no fees, the anomaly resume after 5 s. */
    private static SpotPerpReplay.Run run(Path spot, RiskLimits limits, CleaningRules cleaning) {
        ArbitrageReplay.Config config = SpotPerpReplay.config(SpotPerpReplay.fees(BigDecimal.ZERO, BigDecimal.ZERO))
                .with(limits, cleaning);
        return SpotPerpReplay.run(SpotPerpReplay.sources(spot, ReplayTestData.USDM_EXCERPT), config);
    }

    /** SpotPerpReplay's ample position limits, with the given venue deviation and a 5 s anomaly resume (the desk's
     * 5 s cooldown after an execution ends within the pause, so the pair tries to trade while paused). */
    private static RiskLimits limits(BigDecimal maxVenueDeviationPercent) {
        RiskLimits l = SpotPerpReplay.LIMITS;
        return new RiskLimits(l.maxSlippagePercent(), l.maxOrderNotional(), l.maxPositionPerAsset(),
                l.maxPositionPerVenue(), l.maxDailyLoss(), l.maxOpenOrders(), l.minBookLiquidity(), l.minSpreadPercent(),
                maxVenueDeviationPercent, l.pairMaxConsecutiveFailures(), l.pairMaxErrorRate(),
                l.pairErrorRateMinSamples(), l.pairErrorWindowMs(), l.pairPauseMs(), l.venueMaxErrors(),
                l.venueErrorWindowMs(), l.venuePauseMs(), l.venueMaxPauseMs(), RESUME_AFTER_MS);
    }

    private static List<EngineAlert> alerts(SpotPerpReplay.Run run) {
        return run.events("engine_alert").stream().map(e -> (EngineAlert) e.data()).toList();
    }

    private static List<ExecutionResult> executions(SpotPerpReplay.Run run) {
        return run.events("execution").stream().map(e -> (ExecutionResult) e.data()).toList();
    }

    private static EngineAlert first(SpotPerpReplay.Run run, String code, String rule) {
        return alerts(run).stream().filter(a -> a.code().equals(code) && rule.equals(a.rule())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " " + rule + " among " + alerts(run)));
    }

    private static long at(double secondsPastTheMinute) {
        return MINUTE_START + Math.round(secondsPastTheMinute * 1000) * 1_000_000L;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    // ---- rewriting the spot recording ----

    /** One recorded line: receive time in nanoseconds and the raw message. */
    private record Line(long nanos, String json) {
    }

    /** The spot excerpt, each line replaced by what {@code edit} makes of it, as a new gzip recording. */
    private Path rewrite(String name, java.util.function.Function<Line, List<Line>> edit) {
        Path out = dir.resolve(name + "_spot_btcusdt.gz");
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)) {
            for (String raw : ReplayTestData.lines(ReplayTestData.SPOT_EXCERPT)) {
                int space = raw.indexOf(' ');
                for (Line l : edit.apply(new Line(Long.parseLong(raw.substring(0, space)), raw.substring(space + 1)))) {
                    w.write(l.nanos() + " " + l.json() + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The spot excerpt with every price from {@code jumpAt} on raised by {@code shift}, and, at
     * {@code jumpAt}, a REST snapshot of the book as the recording had it then, shifted too.
     */
    private Path jumped(long jumpAt, BigDecimal shift) {
        ReferenceSpotBook book = new ReferenceSpotBook();
        boolean[] inserted = {false};
        UnaryOperator<String> up = price -> new BigDecimal(price).add(shift).setScale(8).toPlainString();
        Path out = rewrite("jumped", line -> {
            JsonNode message = JSON.readTree(line.json());
            if (line.nanos() < jumpAt) {
                book.apply(message);
                return List.of(line);
            }
            List<Line> lines = new ArrayList<>();
            if (!inserted[0]) {
                inserted[0] = true;
                lines.add(new Line(jumpAt, book.snapshot(up)));
            }
            lines.add(new Line(line.nanos(), shifted(message, up)));
            return lines;
        });
        assertThat(inserted[0]).isTrue();
        return out;
    }

    /** A combined-stream message with its prices raised: depth levels, bookTicker best prices, trade price. */
    private static String shifted(JsonNode message, UnaryOperator<String> up) {
        ObjectNode copy = (ObjectNode) message.deepCopy();
        JsonNode data = copy.get("data");
        if (!(data instanceof ObjectNode d)) {
            throw new AssertionError("only stream messages after the first snapshot: " + message);
        }
        String stream = copy.get("stream").asString();
        if (stream.endsWith("@depth@100ms")) {
            for (String side : List.of("b", "a")) {
                for (JsonNode level : d.get(side)) {
                    ((ArrayNode) level).set(0, up.apply(level.get(0).asString()));
                }
            }
        } else if (stream.endsWith("@bookTicker")) {
            d.put("b", up.apply(d.get("b").asString()));
            d.put("a", up.apply(d.get("a").asString()));
        } else if (stream.endsWith("@trade")) {
            d.put("p", up.apply(d.get("p").asString()));
        } else {
            throw new AssertionError("unexpected stream " + stream);
        }
        return JSON.writeValueAsString(copy);
    }

    /**
     * The spot book kept apart from the server by Binance's procedure: the recorded REST snapshot,
     * then every diff past its lastUpdateId (the excerpt's chain is unbroken).
     */
    private static final class ReferenceSpotBook {
        private final TreeMap<BigDecimal, String> bids = new TreeMap<>(Comparator.reverseOrder());
        private final TreeMap<BigDecimal, String> asks = new TreeMap<>();
        private final List<JsonNode> beforeSnapshot = new ArrayList<>();
        private long lastUpdateId = -1;

        void apply(JsonNode message) {
            if (message.has("lastUpdateId")) {
                bids.clear();
                asks.clear();
                lastUpdateId = message.get("lastUpdateId").longValue();
                levels(message.get("bids"), bids);
                levels(message.get("asks"), asks);
                beforeSnapshot.forEach(this::diff); // the diffs buffered while it was awaited
                beforeSnapshot.clear();
                return;
            }
            JsonNode d = message.get("data");
            if (!"depthUpdate".equals(d.path("e").asString())) {
                return;
            }
            if (lastUpdateId < 0) {
                beforeSnapshot.add(d);
                return;
            }
            diff(d);
        }

        private void diff(JsonNode d) {
            if (d.get("u").longValue() <= lastUpdateId) {
                return; // already in the snapshot
            }
            assertThat(d.get("U").longValue()).as("the recording's diffs chain").isLessThanOrEqualTo(lastUpdateId + 1);
            levels(d.get("b"), bids);
            levels(d.get("a"), asks);
            lastUpdateId = d.get("u").longValue();
        }

        private static void levels(JsonNode levels, Map<BigDecimal, String> side) {
            for (JsonNode l : levels) {
                BigDecimal price = new BigDecimal(l.get(0).asString());
                String qty = l.get(1).asString();
                if (new BigDecimal(qty).signum() == 0) {
                    side.remove(price);
                } else {
                    side.put(price, qty);
                }
            }
        }

        /** A REST depth snapshot of the book now, naming its symbol, each price passed through {@code price}. */
        String snapshot(UnaryOperator<String> price) {
            assertThat(lastUpdateId).as("the recording's snapshot came before the jump").isPositive();
            ObjectNode s = JSON.createObjectNode();
            s.put("symbol", "BTCUSDT");
            s.put("lastUpdateId", lastUpdateId);
            for (Map.Entry<String, TreeMap<BigDecimal, String>> side : Map.of("bids", bids, "asks", asks).entrySet()) {
                ArrayNode out = s.putArray(side.getKey());
                side.getValue().forEach((p, q) -> out.addArray().add(price.apply(p.toPlainString())).add(q));
            }
            return JSON.writeValueAsString(s);
        }
    }
}

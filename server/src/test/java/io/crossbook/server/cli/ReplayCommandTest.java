package io.crossbook.server.cli;

import static io.crossbook.server.replay.ReplayTestData.SPOT_EXCERPT;
import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.arbitrage.ArbitrageReplay;
import io.crossbook.server.arbitrage.PairRequest;
import io.crossbook.server.replay.InstrumentFile;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.Speed;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code crossbook replay --pairs}: the recordings replayed through the arbitrage desk and paper
 * venues, each pair's totals in the report as an {@link ArbitrageReplay} of the same input gives
 * them; a pair file that is wrong is one clear line naming the problem, exit status 2, and no report.
 */
class ReplayCommandTest extends CliConsole {
    private static final Path SPOT_INFO = SPOT_EXCERPT.resolveSibling("exchange_info_spot.json");
    private static final Path USDM_INFO = USDM_EXCERPT.resolveSibling("exchange_info_usdm.json");
    /** Reads decimals as written, so that money compares exactly. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final String PAIR = """
            {"id": "%s", "leg1": {"exchange": "binance", "symbol": "%s", "type": "spot"},
             "leg2": {"exchange": "binance", "symbol": "BTCUSDT", "type": "linear"},
             "threshold": "0.01", "qty": "0.01", "totalAmount": "1000000", "direction": "auto"%s}""";

    @TempDir
    Path dir;

    /** Replays both excerpts with the pair file, with the instruments' recorded metadata if asked, plus {@code more} arguments. */
    String[] replay(Path pairs, boolean withInstruments, String... more) {
        List<String> args = new ArrayList<>(List.of("replay", "--source", "binance:spot:" + SPOT_EXCERPT,
                "--source", "binance:linear:" + USDM_EXCERPT, "--pairs", pairs.toString()));
        if (withInstruments) {
            args.addAll(List.of("--instruments", "binance:spot:" + SPOT_INFO, "--instruments", "binance:linear:" + USDM_INFO));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    Path pairFile(String content) throws IOException {
        return Files.writeString(dir.resolve("pairs.json"), content);
    }

    /**
     * With the taker fees set to zero through the configuration (as {@code CROSSBOOK_FEES_TAKER_*}
     * would), the spot–perp basis of the excerpts clears the threshold and the pair trades on paper.
     */
    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void aReplayWithPairsReportsEachPairsOpportunitiesExecutionsFeesAndPnl() throws IOException {
        Path pairs = pairFile("[" + PAIR.formatted("btc-basis", "BTCUSDT", "") + "]");
        Path report = dir.resolve("reports/replay.json");
        ArbitrageReplay.PairReport expected;
        System.setProperty("crossbook.fees.taker.binance.spot", "0");
        System.setProperty("crossbook.fees.taker.binance.linear", "0");
        try {
            assertThat(run(replay(pairs, true, "--report", report.toString()))).isZero();
            expected = arbitrageReplay(new PairRequest("btc-basis", new PairRequest.Leg("binance", "BTCUSDT", "spot"),
                    new PairRequest.Leg("binance", "BTCUSDT", "linear"), new BigDecimal("0.01"), new BigDecimal("0.01"),
                    new BigDecimal("1000000"), "auto", null));
        } finally {
            System.clearProperty("crossbook.fees.taker.binance.spot");
            System.clearProperty("crossbook.fees.taker.binance.linear");
        }

        assertThat(err.size()).isZero();
        assertThat(expected.executions()).as("the pair trades").isPositive();
        assertThat(out()).contains("btc-basis").contains("report written to " + report.toAbsolutePath());
        JsonNode root = JSON.readTree(report.toFile());
        assertThat(root.propertyNames()).containsExactlyInAnyOrder("instruments", "throughput", "pairs");
        assertThat(root.get("instruments").size()).isEqualTo(2);
        assertThat(root.get("pairs").size()).isEqualTo(1);
        JsonNode pair = root.get("pairs").get(0);
        assertThat(pair.propertyNames()).containsExactlyInAnyOrder("id", "opportunities", "executions", "fees", "pnl");
        assertThat(pair.get("id").asString()).isEqualTo("btc-basis");
        assertThat(pair.get("opportunities").asLong()).isEqualTo(expected.opportunities());
        assertThat(pair.get("executions").asLong()).isEqualTo(expected.executions());
        assertThat(decimal(pair.get("fees"))).isEqualByComparingTo(expected.fees());
        assertThat(decimal(pair.get("pnl"))).isEqualByComparingTo(expected.pnl());
    }

    @Test
    void withTheServersDefaultFeesTheBasisDoesNotPayAndNothingTrades() throws IOException {
        Path pairs = pairFile("[" + PAIR.formatted("btc-basis", "BTCUSDT", "") + "]");
        Path report = dir.resolve("replay.json");

        assertThat(run(replay(pairs, true, "--report", report.toString()))).isZero();

        JsonNode pair = JSON.readTree(report.toFile()).get("pairs").get(0);
        assertThat(pair.get("id").asString()).isEqualTo("btc-basis");
        // 0.15 % of taker fees against a basis of about 0.06 %: the net spread never reaches 0.01 %
        assertThat(pair.get("opportunities").asLong()).isZero();
        assertThat(pair.get("executions").asLong()).isZero();
        assertThat(decimal(pair.get("pnl"))).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a field pairs do not have      | [PAIR_UNKNOWN_FIELD] | true  | --pairs FILE: unknown field | leverage
            a symbol the instruments lack  | [PAIR_SOLUSDT]       | true  | pair [0] btc-basis: leg1.symbol: binance:spot:SOLUSDT is not a known instrument | --instruments
            no instruments at all          | [PAIR]               | false | pair [0] btc-basis: leg1.symbol: binance:spot:BTCUSDT is not a known instrument | --instruments
            no id                          | [PAIR, PAIR_NO_ID]   | true  | --pairs FILE [1]: id is required in a pair file | required
            """)
    void aBadPairFileIsOneClearLineExitStatus2AndNoReport(String problem, String file, boolean withInstruments,
                                                          String message, String detail) throws IOException {
        Path pairs = pairFile(file.replace("PAIR_UNKNOWN_FIELD", PAIR.formatted("btc-basis", "BTCUSDT", ", \"leverage\": 3"))
                .replace("PAIR_SOLUSDT", PAIR.formatted("btc-basis", "SOLUSDT", ""))
                .replace("PAIR_NO_ID", PAIR.formatted("x", "BTCUSDT", "").replace("\"id\": \"x\", ", ""))
                .replace("PAIR", PAIR.formatted("btc-basis", "BTCUSDT", "")));
        Path report = dir.resolve("replay.json");

        assertThat(run(replay(pairs, withInstruments, "--report", report.toString()))).isEqualTo(2);

        assertThat(errLines().getFirst()).startsWith("crossbook: " + message.replace("FILE", pairs.toString()))
                .contains(detail);
        assertThat(errLines().get(1)).startsWith("usage: crossbook serve");
        assertThat(report).doesNotExist();
    }

    private static ArbitrageReplay.PairReport arbitrageReplay(PairRequest pair) {
        List<ReplaySource> sources = List.of(
                new ReplaySource(Venue.BINANCE, Market.SPOT, List.of(SPOT_EXCERPT))
                        .with(new InstrumentFile(Venue.BINANCE, Market.SPOT, SPOT_INFO)),
                new ReplaySource(Venue.BINANCE, Market.LINEAR, List.of(USDM_EXCERPT))
                        .with(new InstrumentFile(Venue.BINANCE, Market.LINEAR, USDM_INFO)));
        return new ArbitrageReplay(sources, List.of(pair), ArbitrageReplay.Config.fromEnvironment(),
                new ArbitrageReplay.Observer() {
                }).run(Speed.MAX, n -> {
                }).pairs().getFirst();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isString() ? new BigDecimal(node.asString()) : node.decimalValue();
    }
}

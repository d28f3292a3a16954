package io.crossbook.server.cli;

import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.server.replay.ReplayTestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The command line; {@code serve} only as far as its options are refused (it would start the server). */
class CliTest extends CliConsole {
    @TempDir
    Path dir;

    @Test
    void withoutArgumentsPrintsTheUsageAndFails() {
        assertThat(run()).isEqualTo(2);
        assertThat(out()).startsWith("usage: crossbook serve").contains("crossbook record --venue").contains("crossbook replay --source");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("usage: crossbook serve");
        assertThat(err.size()).isZero();
    }

    @Test
    void anUnknownCommandIsOneLineThenTheUsage() {
        assertThat(run("frobnicate", "--now")).isEqualTo(2);
        assertThat(errLines()).first().isEqualTo("crossbook: unknown command 'frobnicate'");
        assertThat(errLines().get(1)).startsWith("usage: crossbook serve");
        assertThat(out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "replay                                        | --source is required",
            "replay --source                               | --source needs a value",
            "replay --sources binance:linear:EXCERPT       | unknown option --sources (expected one of --instruments, --pairs, --report, --source, --speed)",
            "replay binance:linear:EXCERPT                 | unexpected argument 'binance:linear:EXCERPT'",
            "replay --source kraken:linear:EXCERPT         | unknown venue 'kraken' (expected one of binance, bybit, okx)",
            "replay --source binance:futures:EXCERPT       | unknown market 'futures' (expected one of spot, linear, inverse)",
            "replay --source binance:linear                | --source must be VENUE:MARKET:FILE[,FILE...], not 'binance:linear'",
            "replay --source binance:linear:DIR/none.gz    | --source file not found: DIR/none.gz",
            "replay --source binance:linear:EXCERPT --speed fast | --speed must be max, 1x or Nx (N > 0), not 'fast'",
            "serve --source                                | --source needs a value",
            "serve --source kraken:linear:EXCERPT          | unknown venue 'kraken' (expected one of binance, bybit, okx)",
            "serve --source binance:futures:EXCERPT        | unknown market 'futures' (expected one of spot, linear, inverse)",
            "serve --source=binance:linear                 | --source must be VENUE:MARKET:FILE[,FILE...], not 'binance:linear'",
            "serve --source binance:linear:DIR/none.gz     | --source file not found: DIR/none.gz",
            "serve --source binance:linear:EXCERPT --speed fast | --speed must be max, 1x or Nx (N > 0), not 'fast'",
            "serve --source binance:linear:EXCERPT --speed | --speed needs a value",
            "serve --source binance:linear:EXCERPT --loop=yes | --loop takes no value",
            "serve --speed 2x                              | --speed and --loop apply to replayed recordings: give --source too",
            "serve --server.port=9090 --loop               | --speed and --loop apply to replayed recordings: give --source too",
            "serve --source binance:linear:EXCERPT --source BINANCE:LINEAR:EXCERPT | --source binance:linear is given twice; list all its files in one --source",
            "record --venue binance --market linear --symbols BTCUSDT | --out is required",
            "record --venue kraken --market linear --symbols BTCUSDT --out DIR | unknown venue 'kraken' (expected one of binance, bybit, okx)",
            "record --venue binance --market perp --symbols BTCUSDT --out DIR | unknown market 'perp' (expected one of spot, linear, inverse)",
            "record --venue binance --market linear --symbols , --out DIR | --symbols needs at least one symbol",
            "record --venue binance --market linear --symbols BTCUSDT --out DIR --duration 10x | --duration must be a duration like 90s, 10m or 1h30m, not '10x'"})
    void badInputIsOneClearLineOnStderrAndExitStatus2(String command, String message) {
        assertThat(run(withPaths(command).split(" "))).isEqualTo(2);

        assertThat(errLines()).first().isEqualTo("crossbook: " + withPaths(message));
        assertThat(errLines().get(1)).startsWith("usage: crossbook serve");
        assertThat(out()).as("nothing started").isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    String withPaths(String text) {
        return text.replace("EXCERPT", USDM_EXCERPT.toString()).replace("DIR", dir.toString());
    }

    @Test
    void aFailureThatIsNotBadInputExitsWith1AndNoUsage() throws IOException {
        Path notADirectory = Files.createFile(dir.resolve("reports"));
        Path report = notADirectory.resolve("replay.json");

        assertThat(run("replay", "--source", "binance:linear:" + USDM_EXCERPT, "--report", report.toString())).isEqualTo(1);

        assertThat(errLines()).singleElement().asString().startsWith("crossbook: ").contains(notADirectory.toString());
    }

    @Test
    void replayWritesAJsonReportWithPricesAsStrings() throws IOException {
        Path report = dir.resolve("reports/replay.json");
        List<String> lines = ReplayTestData.lines(USDM_EXCERPT);

        assertThat(run("replay", "--source", "binance:linear:" + USDM_EXCERPT, "--report", report.toString())).isZero();

        assertThat(err.size()).isZero();
        assertThat(out()).startsWith("replaying [binance:linear] at max").contains("binance:linear:BTCUSDT")
                .contains("report written to " + report.toAbsolutePath());
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        assertThat(root.propertyNames()).containsExactlyInAnyOrder("instruments", "throughput");

        assertThat(root.get("instruments").size()).isEqualTo(1);
        JsonNode i = root.get("instruments").get(0);
        assertThat(i.propertyNames()).containsExactlyInAnyOrder("venue", "market", "symbol", "messages", "applied", "gaps",
                "resyncs", "checksumFailures", "anomalies", "bestBid", "bestAsk");
        assertThat(i.get("venue").asString()).isEqualTo("binance");
        assertThat(i.get("market").asString()).isEqualTo("linear");
        assertThat(i.get("symbol").asString()).isEqualTo("BTCUSDT");
        assertThat(i.get("messages").asLong()).isEqualTo(lines.size());
        assertThat(i.get("applied").asLong()).isPositive();
        assertThat(i.get("gaps").asLong()).isZero();
        assertThat(i.get("bestBid").isString()).as("prices are decimal strings").isTrue();
        assertThat(i.get("bestAsk").isString()).isTrue();
        assertThat(new BigDecimal(i.get("bestBid").asString())).isLessThan(new BigDecimal(i.get("bestAsk").asString()));

        JsonNode t = root.get("throughput");
        // messages, depthMessages and wallSeconds are reported beside the rates
        assertThat(t.propertyNames()).containsExactlyInAnyOrder("messages", "depthMessages", "wallSeconds",
                "messagesPerSecond", "depthMessagesPerSecond", "applyLatencyNanos");
        assertThat(t.get("messages").asLong()).isEqualTo(lines.size());
        assertThat(t.get("depthMessages").asLong()).isEqualTo(ReplayTestData.depthUpdates(lines) + 1);
        assertThat(t.get("messagesPerSecond").asLong()).isPositive();
        assertThat(t.get("depthMessagesPerSecond").asLong()).isPositive();
        assertThat(t.get("applyLatencyNanos").propertyNames()).containsExactlyInAnyOrder("p50", "p99", "p999");
        assertThat(t.get("applyLatencyNanos").get("p50").asLong()).isPositive();
    }
}

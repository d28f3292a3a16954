package io.crossbook.server.replay;

import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.MarketDataListener;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ReplaySessionTest {

    static ReplayReport replay(Path file, Speed speed) {
        return new ReplaySession(List.of(new ReplaySource(Venue.BINANCE, Market.LINEAR, List.of(file))),
                CleaningRules.DEFAULT, MarketDataListener.NONE, speed).run(n -> { });
    }

    @Test
    void theUsdmExcerptReplaysInSyncFromEndToEnd() {
        List<String> lines = ReplayTestData.lines(USDM_EXCERPT);
        long depthUpdates = ReplayTestData.depthUpdates(lines);

        ReplayReport report = replay(USDM_EXCERPT, Speed.MAX);

        assertThat(report.instruments()).singleElement().satisfies(i -> {
            assertThat(i.venue()).isEqualTo("binance");
            assertThat(i.market()).isEqualTo("linear");
            assertThat(i.symbol()).isEqualTo("BTCUSDT");
            assertThat(i.messages()).isEqualTo(lines.size());
            assertThat(i.applied()).isPositive().isLessThanOrEqualTo(depthUpdates + 1);
            assertThat(i.gaps()).isZero();
            assertThat(i.resyncs()).isZero();
            assertThat(i.checksumFailures()).isZero();
            assertThat(i.anomalies()).isZero();
            assertThat(new BigDecimal(i.bestBid())).isLessThan(new BigDecimal(i.bestAsk()));
        });
        ReplayReport.Throughput t = report.throughput();
        assertThat(t.messages()).isEqualTo(lines.size());
        assertThat(t.depthMessages()).as("every diff and the one REST snapshot").isEqualTo(depthUpdates + 1);
        assertThat(t.messagesPerSecond()).isPositive();
        assertThat(t.depthMessagesPerSecond()).isPositive();
        ReplayReport.Percentiles latency = t.applyLatencyNanos();
        assertThat(latency.p50()).isPositive().isLessThanOrEqualTo(latency.p99());
        assertThat(latency.p99()).isLessThanOrEqualTo(latency.p999());
        assertThat(report.summary()).contains("binance:linear:BTCUSDT");
    }

    /**
     * The exact oracle from the recording itself: replayed up to a diff whose final update id a
     * bookTicker also carries, the reported best bid and ask are that bookTicker's.
     */
    @Test
    void theReportedTopOfBookIsBinancesBookTickerAtTheSameUpdateId(@TempDir Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = ReplayTestData.lines(USDM_EXCERPT);
        List<JsonNode> data = lines.stream().map(l -> json.readTree(l.substring(l.indexOf(' ') + 1)).path("data")).toList();
        Map<Long, JsonNode> tickers = new HashMap<>();
        data.stream().filter(d -> d.path("e").asString("").equals("bookTicker")).forEach(d -> tickers.put(d.get("u").asLong(), d));
        int last = -1;
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).path("e").asString("").equals("depthUpdate") && tickers.containsKey(data.get(i).get("u").asLong())) {
                last = i;
            }
        }
        assertThat(last).as("a diff confirmed by a bookTicker").isPositive();
        JsonNode ticker = tickers.get(data.get(last).get("u").asLong());

        Path head = Files.write(dir.resolve("usdm_btcusdt_head.txt"), lines.subList(0, last + 1));
        ReplayReport.InstrumentReport i = replay(head, Speed.MAX).instruments().get(0);

        assertThat(i.bestBid()).isEqualTo(shortest(ticker.get("b").asString()));
        assertThat(i.bestAsk()).isEqualTo(shortest(ticker.get("a").asString()));
    }

    static String shortest(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }

    @Test
    void atNxTheReplayTakesTheRecordedTimeOverN() {
        List<String> lines = ReplayTestData.lines(USDM_EXCERPT);
        long first = Long.parseLong(lines.get(0).substring(0, lines.get(0).indexOf(' ')));
        String lastLine = lines.get(lines.size() - 1);
        long recordedNanos = Long.parseLong(lastLine.substring(0, lastLine.indexOf(' '))) - first;

        ReplayReport report = replay(USDM_EXCERPT, Speed.parse("10x"));

        assertThat(report.throughput().wallSeconds()).isGreaterThanOrEqualTo(recordedNanos / 10 / 1e9);
        assertThat(report.instruments().get(0).gaps()).isZero();
    }

    @Test
    void needsAtLeastOneSource() {
        assertThatThrownBy(() -> new ReplaySession(List.of(), CleaningRules.DEFAULT, MarketDataListener.NONE, Speed.MAX))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("at least one --source is needed");
    }
}

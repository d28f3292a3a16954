package io.crossbook.testkit.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.model.Market;
import io.crossbook.testkit.sim.BookView;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.MarketEvent.Level;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's book after N replayed messages against the book computed here, independently,
 * straight from the shipped recording: the REST snapshot line, then every diff (before or after it
 * in the file) whose last update id is beyond what the book already has.
 */
class ReplayedBookTest {

    @ParameterizedTest(name = "{0} after {1} messages")
    @CsvSource({"SPOT, 7", "SPOT, 8", "SPOT, 9", "SPOT, 1500", "SPOT, 3000", "LINEAR, 54", "LINEAR, 55", "LINEAR, 56", "LINEAR, 2000",
            "LINEAR, 3000"})
    void isTheRecordedSnapshotWithEveryLaterDiffApplied(Market market, int messages) throws IOException {
        Expected expected = compute(market, messages);
        try (ExchangeSimulator sim = ExchangeSimulator.builder(new BinanceSimProtocol())
                .recording(market == Market.SPOT ? BinanceSimulator.spotRecording() : BinanceSimulator.usdmRecording()).start()) {
            assertThat(sim.replay().step(messages)).isEqualTo(messages);
            BookView book = sim.replay().book(market, "BTCUSDT");

            assertThat(book.ready()).isEqualTo(expected.ready);
            assertThat(book.lastUpdateId()).isEqualTo(expected.lastUpdateId);
            assertThat(text(book.bids())).containsExactlyElementsOf(text(expected.bids));
            assertThat(text(book.asks())).containsExactlyElementsOf(text(expected.asks));
            if (expected.ready) {
                assertThat(book.bids()).hasSizeGreaterThan(100);
                assertThat(book.bestBid()).isLessThan(book.bestAsk());
            }
        }
    }

    @Test
    void restDepthServesTheRecordedSnapshotUntilTheReplayHasItThenTheBookAsItStands() {
        try (ExchangeSimulator sim = BinanceSimulator.builder().start();
             BinanceClient client = new BinanceClient(sim.restBase(), "none", "none")) {
            HttpResponse<String> early = client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
            assertThat(early.statusCode()).isEqualTo(200);
            assertThat(BinanceClient.json(early).get("lastUpdateId").asLong()).isEqualTo(5123107852948L);

            sim.replay().stepUntilBooksReady();
            sim.replay().step(500);
            BookView book = sim.replay().book(Market.LINEAR, "BTCUSDT", 5);
            JsonNode depth = BinanceClient.json(client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5"));
            assertThat(depth.get("lastUpdateId").asLong()).isEqualTo(book.lastUpdateId());
            assertThat(depth.get("bids")).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(new BigDecimal(depth.get("bids").get(i).get(0).asString())).isEqualByComparingTo(book.bids().get(i).price());
                assertThat(new BigDecimal(depth.get("asks").get(i).get(1).asString())).isEqualByComparingTo(book.asks().get(i).qty());
            }
            assertThat(BinanceClient.json(client.get("/api/v3/depth?symbol=ETHBTC")).get("code").asInt()).isEqualTo(-1121);
        }
    }

    private record Expected(boolean ready, long lastUpdateId, List<Level> bids, List<Level> asks) {
    }

    private static Expected compute(Market market, int messages) throws IOException {
        String resource = market == Market.SPOT ? BinanceSimulator.SPOT_RECORDING : BinanceSimulator.USDM_RECORDING;
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(ReplayedBookTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            String line;
            while (lines.size() < messages && (line = in.readLine()) != null) {
                lines.add(JsonMapper.shared().readTree(line.substring(line.indexOf(' ') + 1)));
            }
        }
        JsonNode snapshot = lines.stream().filter(l -> l.has("lastUpdateId")).findFirst().orElse(null);
        if (snapshot == null) {
            return new Expected(false, 0, List.of(), List.of());
        }
        TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        put(bids, snapshot.get("bids"));
        put(asks, snapshot.get("asks"));
        long lastUpdateId = snapshot.get("lastUpdateId").asLong();
        for (JsonNode line : lines) {
            JsonNode data = line.path("data");
            if ("depthUpdate".equals(data.path("e").asString()) && data.get("u").asLong() > lastUpdateId) {
                put(bids, data.get("b"));
                put(asks, data.get("a"));
                lastUpdateId = data.get("u").asLong();
            }
        }
        return new Expected(true, lastUpdateId, levels(bids), levels(asks));
    }

    private static void put(Map<BigDecimal, BigDecimal> side, JsonNode levels) {
        for (JsonNode level : levels) {
            BigDecimal price = new BigDecimal(level.get(0).asString());
            BigDecimal qty = new BigDecimal(level.get(1).asString());
            if (qty.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, qty);
            }
        }
    }

    private static List<Level> levels(TreeMap<BigDecimal, BigDecimal> side) {
        return side.entrySet().stream().map(e -> new Level(e.getKey(), e.getValue())).toList();
    }

    private static List<String> text(List<Level> levels) {
        return levels.stream().map(l -> l.price().stripTrailingZeros().toPlainString() + "x" + l.qty().stripTrailingZeros().toPlainString())
                .toList();
    }
}

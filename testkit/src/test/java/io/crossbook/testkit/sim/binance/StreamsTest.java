package io.crossbook.testkit.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.model.Market;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.testkit.sim.BookView;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.Recording;
import io.crossbook.testkit.sim.SimAccount;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public combined streams replay the recordings as recorded; the user data streams report order events. */
class StreamsTest {
    static final String KEY = "streams-key";
    static final String SECRET = "streams-secret";

    private ExchangeSimulator sim;
    private BinanceClient client;

    @BeforeEach
    void start() {
        sim = BinanceSimulator.builder().account(new SimAccount(KEY, SECRET).spot("USDT", "1000000").spot("BTC", "1")
                .futures("USDT", "100000")).start();
        client = new BinanceClient(sim.restBase(), KEY, SECRET);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void theCombinedStreamsTheLiveAdapterOpensReceiveTheRecordedFramesAsTheyAreInOrder() {
        try (WsRecorder spot = WsRecorder.connect(ws("/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker/btcusdt@trade"));
             WsRecorder futures = WsRecorder.connect(ws("/public/stream?streams=btcusdt@depth@0ms/btcusdt@bookTicker/btcusdt@trade"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.openWebSockets() == 2);

            assertThat(sim.replay().step(600)).isEqualTo(600);

            List<String> spotFrames = streamed(BinanceSimulator.spotRecording());
            List<String> futuresFrames = streamed(BinanceSimulator.usdmRecording());
            await().atMost(Duration.ofSeconds(5)).until(() -> spot.texts.size() + futures.texts.size() == 600 - 2);
            assertThat(spot.texts).as("every spot frame, as recorded, in order").containsExactlyElementsOf(spotFrames.subList(0, spot.texts.size()));
            assertThat(futures.texts).containsExactlyElementsOf(futuresFrames.subList(0, futures.texts.size()));
            assertThat(spot.texts).isNotEmpty();
            assertThat(futures.texts).isNotEmpty();
        }
    }

    @Test
    void aClientMaySubscribeByMessageAndUnknownStreamsAreRefused() {
        try (WsRecorder trades = WsRecorder.connect(ws("/stream?streams=btcusdt@trade"))) {
            trades.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@bookTicker\"],\"id\":7}");
            await().atMost(Duration.ofSeconds(5)).until(() -> trades.texts.size() == 1);
            assertThat(trades.texts.getFirst()).isEqualTo("{\"result\":null,\"id\":7}");
            trades.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":8}");
            await().atMost(Duration.ofSeconds(5)).until(() -> trades.texts.size() == 2);
            assertThat(trades.texts.get(1)).isEqualTo("{\"result\":[\"btcusdt@bookTicker\",\"btcusdt@trade\"],\"id\":8}");

            sim.replay().step(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> trades.texts.stream().anyMatch(t -> t.contains("@bookTicker")));
            assertThat(trades.texts.subList(2, trades.texts.size())).allMatch(t -> t.contains("\"stream\":\"btcusdt@trade\"")
                    || t.contains("\"stream\":\"btcusdt@bookTicker\""));
        }
        assertThatThrownBy(() -> WsRecorder.connect(ws("/nowhere?streams=btcusdt@trade"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WsRecorder.connect(ws("/ws/not-a-listen-key"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSpotUserDataStreamReportsEachStepOfAnOrderAsExecutionReports() {
        sim.replay().stepUntilBooksReady();
        assertThat(client.keyed("POST", "/api/v3/userDataStream", "").statusCode()).as("spot listen keys are retired").isEqualTo(404);

        try (WsRecorder user = subscribedToSpotUserData()) {
            JsonNode placed = BinanceClient.json(client.signed("POST", "/api/v3/order",
                    "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.5&newClientOrderId=ex1"));
            int fills = placed.get("fills").size();
            await().atMost(Duration.ofSeconds(5)).until(() -> user.texts.size() == 1 + fills);
            List<JsonNode> reports = user.texts.stream().map(t -> JsonMapper.shared().readTree(t).get("event")).toList();
            assertThat(reports).allMatch(r -> r.get("e").asString().equals("executionReport") && r.get("c").asString().equals("ex1"));
            assertThat(reports.getFirst().get("x").asString()).isEqualTo("NEW");
            assertThat(reports.subList(1, reports.size())).allMatch(r -> r.get("x").asString().equals("TRADE"));
            JsonNode last = reports.getLast();
            assertThat(last.get("X").asString()).isEqualTo("FILLED");
            assertThat(new BigDecimal(last.get("z").asString())).isEqualByComparingTo("0.5");
            assertThat(new BigDecimal(last.get("Z").asString())).isEqualByComparingTo(placed.get("cummulativeQuoteQty").asString());
            assertThat(last.get("N").asString()).isEqualTo("USDT");
            assertThat(last.get("t").asLong()).isEqualTo(placed.get("fills").get(fills - 1).get("tradeId").asLong());

            String below = sim.replay().book(Market.SPOT, "BTCUSDT", 1).bestBid().subtract(new BigDecimal("1000")).toPlainString();
            client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=" + below
                    + "&newClientOrderId=ex2");
            client.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=ex2&newClientOrderId=cancel2");
            await().atMost(Duration.ofSeconds(5)).until(() -> user.texts.size() == 1 + fills + 2);
            JsonNode cancel = JsonMapper.shared().readTree(user.texts.getLast()).get("event");
            assertThat(cancel.get("x").asString()).isEqualTo("CANCELED");
            assertThat(cancel.get("c").asString()).as("the cancel's own id").isEqualTo("cancel2");
            assertThat(cancel.get("C").asString()).isEqualTo("ex2");
        }
    }

    @Test
    void theFuturesUserDataStreamReportsOrderTradeUpdatesOnBothRoutes() {
        sim.replay().stepUntilBooksReady();
        String listenKey = BinanceClient.json(client.keyed("POST", "/fapi/v1/listenKey", "")).get("listenKey").asString();
        assertThat(BinanceClient.json(client.keyed("PUT", "/fapi/v1/listenKey", "")).get("listenKey").asString()).isEqualTo(listenKey);
        try (WsRecorder legacy = WsRecorder.connect(ws("/ws/" + listenKey));
             WsRecorder routed = WsRecorder.connect(ws("/private/ws?listenKey=" + listenKey));
             WsRecorder spotOnly = subscribedToSpotUserData()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.openWebSockets() == 3);
            JsonNode ack = BinanceClient.json(client.signed("POST", "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.002"
                    + "&newClientOrderId=fx1"));
            assertThat(ack.get("status").asString()).as("futures acknowledge by default").isEqualTo("NEW");
            assertThat(ack.get("executedQty").asString()).isEqualTo("0.000");

            await().atMost(Duration.ofSeconds(5)).until(() -> legacy.texts.size() >= 2 && lastStatus(legacy).equals("FILLED"));
            await().atMost(Duration.ofSeconds(5)).until(() -> routed.texts.size() == legacy.texts.size());
            JsonNode first = JsonMapper.shared().readTree(legacy.texts.getFirst());
            assertThat(first.get("e").asString()).isEqualTo("ORDER_TRADE_UPDATE");
            assertThat(first.get("o").get("x").asString()).isEqualTo("NEW");
            JsonNode filled = JsonMapper.shared().readTree(legacy.texts.getLast()).get("o");
            assertThat(filled.get("c").asString()).isEqualTo("fx1");
            assertThat(filled.get("z").asString()).isEqualTo("0.002");
            assertThat(filled.get("N").asString()).isEqualTo("USDT");
            JsonNode queried = BinanceClient.json(client.signed("GET", "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=fx1"));
            assertThat(new BigDecimal(filled.get("ap").asString())).isEqualByComparingTo(queried.get("avgPrice").asString());
            assertThat(spotOnly.texts).as("spot user data hears nothing of futures").isEmpty();
        }
    }

    @Test
    void playingInTheBackgroundMovesTheMarketUntilPaused() throws InterruptedException {
        sim.replay().play(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.replay().position() > 100);
        sim.replay().pause();
        int paused = sim.replay().position();
        Thread.sleep(200);
        assertThat(sim.replay().position()).isEqualTo(paused);
        assertThat(sim.replay().finished()).isFalse();
        assertThat(sim.replay().playAll()).isEqualTo(sim.replay().size() - paused);
        assertThat(sim.replay().step()).isFalse();
    }

    @Test
    void restartingTheReplayDropsEveryClientAndPlaysTheRecordingAgainFromAnEmptyBook() {
        int ready = sim.replay().stepUntilBooksReady();
        BookView firstPass = sim.replay().book(Market.LINEAR, "BTCUSDT");
        sim.replay().playAll();
        try (WsRecorder before = WsRecorder.connect(ws("/public/stream?streams=btcusdt@depth@0ms"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.openWebSockets() == 1);

            sim.replay().restart();

            await().atMost(Duration.ofSeconds(5)).until(() -> before.closeCode != null);
            assertThat(before.closeCode).isEqualTo(1001);
            assertThat(sim.replay().position()).isZero();
            assertThat(sim.replay().book(Market.LINEAR, "BTCUSDT").ready()).isFalse();
        }
        try (WsRecorder after = WsRecorder.connect(ws("/public/stream?streams=btcusdt@depth@0ms"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.openWebSockets() == 1);

            assertThat(sim.replay().stepUntilBooksReady()).isEqualTo(ready);
            assertThat(sim.replay().book(Market.LINEAR, "BTCUSDT")).isEqualTo(firstPass);
            List<String> depth = streamed(BinanceSimulator.usdmRecording()).stream().filter(t -> t.contains("@depth@0ms")).toList();
            await().atMost(Duration.ofSeconds(5)).until(() -> !after.texts.isEmpty());
            assertThat(after.texts).as("the recording's first diffs again").containsExactlyElementsOf(depth.subList(0, after.texts.size()));
        }
    }

    /** A WebSocket API connection subscribed to the account's spot user data, its answer taken off. */
    private WsRecorder subscribedToSpotUserData() {
        WsRecorder api = WsRecorder.connect(ws("/ws-api/v3"));
        long now = System.currentTimeMillis();
        String signature = BinanceClient.hmac(SECRET, "apiKey=" + KEY + "&timestamp=" + now);
        api.send("{\"id\":1,\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\"" + KEY
                + "\",\"timestamp\":" + now + ",\"signature\":\"" + signature + "\"}}");
        await().atMost(Duration.ofSeconds(5)).until(() -> api.texts.size() == 1);
        assertThat(api.texts.removeFirst()).contains("\"status\":200");
        return api;
    }

    private static String lastStatus(WsRecorder recorder) {
        return JsonMapper.shared().readTree(recorder.texts.getLast()).get("o").get("X").asString();
    }

    private static List<String> streamed(Recording recording) {
        return recording.messages().stream().map(RecordedMessage::text).filter(t -> !t.startsWith("{\"lastUpdateId\"")).toList();
    }

    private URI ws(String resource) {
        return sim.wsBase().resolve(resource);
    }
}

package io.crossbook.testkit.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.SimAccount;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spot user data on the WebSocket API: {@code userDataStream.subscribe.signature} is checked as every
 * SIGNED request (HMAC over the parameters sorted by name, timestamp within the receive window) and
 * refused in Binance's words; a subscribed connection then hears its own account's
 * {@code executionReport}s, wrapped with the subscription id, and nobody else's.
 */
class WebSocketApiTest {
    static final String KEY = "wsapi-key";
    static final String SECRET = "wsapi-secret";
    static final String OTHER_KEY = "other-key";

    private ExchangeSimulator sim;
    private BinanceClient client;
    private BinanceClient other;

    @BeforeEach
    void start() {
        sim = BinanceSimulator.builder().account(new SimAccount(KEY, SECRET).spot("USDT", "1000000").spot("BTC", "1"))
                .account(new SimAccount(OTHER_KEY, "other-secret").spot("USDT", "1000000")).start();
        sim.replay().stepUntilBooksReady();
        client = new BinanceClient(sim.restBase(), KEY, SECRET);
        other = new BinanceClient(sim.restBase(), OTHER_KEY, "other-secret");
    }

    @AfterEach
    void stop() {
        client.close();
        other.close();
        sim.close();
    }

    @Test
    void aSignedSubscriptionHearsTheAccountsExecutionReportsWrappedWithItsId() {
        try (WsRecorder api = WsRecorder.connect(sim.wsBase().resolve("/ws-api/v3"))) {
            JsonNode subscribed = request(api, subscribe("sub-1", KEY, SECRET, System.currentTimeMillis(), "5000"));
            assertThat(subscribed.toString()).isEqualTo("{\"id\":\"sub-1\",\"status\":200,\"result\":{\"subscriptionId\":0}}");

            other.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=theirs");
            JsonNode placed = BinanceClient.json(client.signed("POST", "/api/v3/order",
                    "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.01&newClientOrderId=mine"));
            int fills = placed.get("fills").size();
            await().atMost(Duration.ofSeconds(5)).until(() -> api.texts.size() == 1 + 1 + fills);

            List<JsonNode> events = api.texts.subList(1, api.texts.size()).stream().map(t -> JsonMapper.shared().readTree(t)).toList();
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("subscriptionId").asInt()).isZero();
                assertThat(e.get("event").get("e").asString()).isEqualTo("executionReport");
                assertThat(e.get("event").get("c").asString()).as("only the subscribed account's orders").isEqualTo("mine");
            });
            JsonNode last = events.getLast().get("event");
            assertThat(last.get("X").asString()).isEqualTo("FILLED");
            assertThat(new BigDecimal(last.get("z").asString())).isEqualByComparingTo("0.01");
            assertThat(last.get("t").asLong()).isEqualTo(placed.get("fills").get(fills - 1).get("tradeId").asLong());
        }
    }

    @Test
    void aBadSignatureAStaleOrEarlyTimestampAnUnknownKeyOrTooLongAWindowAreRefusedAndSubscribeNothing() {
        long now = System.currentTimeMillis();
        try (WsRecorder api = WsRecorder.connect(sim.wsBase().resolve("/ws-api/v3"))) {
            assertRefused(request(api, subscribe(1, KEY, "wrong-secret", now, "5000")), 400, -1022,
                    "Signature for this request is not valid.");
            assertRefused(request(api, subscribe(2, KEY, SECRET, now - 10_000, "5000")), 400, -1021,
                    "Timestamp for this request is outside of the recvWindow.");
            assertRefused(request(api, subscribe(3, KEY, SECRET, now + 5_000, "5000")), 400, -1021,
                    "Timestamp for this request was 1000ms ahead of the server's time.");
            assertRefused(request(api, subscribe(4, "nobody", SECRET, now, "5000")), 401, -2015,
                    "Invalid API-key, IP, or permissions for action.");
            assertRefused(request(api, subscribe(5, KEY, SECRET, now, "60001")), 400, -1131, "recvWindow must be less than 60000");

            client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.01&newClientOrderId=unheard");
            assertThat(request(api, subscribe(6, KEY, SECRET, System.currentTimeMillis(), "5000")).get("status").asInt())
                    .isEqualTo(200);
            client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.01&newClientOrderId=heard");
            await().atMost(Duration.ofSeconds(5)).until(() -> api.texts.getLast().contains("\"X\":\"FILLED\""));
            assertThat(api.texts.subList(0, 6)).as("nothing of the order placed before the subscription")
                    .noneMatch(t -> t.contains("unheard"));
            assertThat(api.texts.subList(6, api.texts.size())).allMatch(t -> t.contains("\"c\":\"heard\""));
        }
    }

    @Test
    void theParametersAreSignedSortedByNameWhateverOrderTheyAreSentIn() {
        long now = System.currentTimeMillis();
        String signature = BinanceClient.hmac(SECRET, "apiKey=" + KEY + "&recvWindow=5000&timestamp=" + now);
        String shuffled = "{\"id\":9,\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"timestamp\":" + now
                + ",\"signature\":\"" + signature.toUpperCase() + "\",\"recvWindow\":5000,\"apiKey\":\"" + KEY + "\"}}";
        try (WsRecorder api = WsRecorder.connect(sim.wsBase().resolve("/ws-api/v3"))) {
            assertThat(request(api, shuffled).get("status").asInt()).isEqualTo(200);
            assertRefused(request(api, "{\"id\":10,\"method\":\"order.place\",\"params\":{}}"), 404, -1000,
                    "The simulator does not serve the WebSocket API method 'order.place'.");
        }
    }

    private static String subscribe(Object id, String key, String secret, long timestamp, String recvWindow) {
        String signature = BinanceClient.hmac(secret, "apiKey=" + key + "&recvWindow=" + recvWindow + "&timestamp=" + timestamp);
        String quotedId = id instanceof String s ? "\"" + s + "\"" : id.toString();
        return "{\"id\":" + quotedId + ",\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\"" + key
                + "\",\"recvWindow\":" + recvWindow + ",\"timestamp\":" + timestamp + ",\"signature\":\"" + signature + "\"}}";
    }

    /** Sends one request and returns its answer (the next frame). */
    private static JsonNode request(WsRecorder api, String text) {
        int before = api.texts.size();
        api.send(text);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.texts.size() > before);
        return JsonMapper.shared().readTree(api.texts.get(before));
    }

    private static void assertRefused(JsonNode answer, int status, long code, String msg) {
        assertThat(answer.get("status").asInt()).isEqualTo(status);
        assertThat(answer.get("error").get("code").asLong()).isEqualTo(code);
        assertThat(answer.get("error").get("msg").asString()).isEqualTo(msg);
        assertThat(answer.has("result")).isFalse();
    }
}

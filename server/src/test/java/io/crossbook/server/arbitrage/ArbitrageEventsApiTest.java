package io.crossbook.server.arbitrage;

import static io.crossbook.server.arbitrage.RecordedMarket.SEED;
import static io.crossbook.server.arbitrage.RecordedMarket.SEED_QTY;
import static io.crossbook.server.arbitrage.RecordedMarket.data;
import static io.crossbook.server.arbitrage.RecordedMarket.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.crossbook.server.security.ServerTest;
import io.crossbook.server.ws.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the desk tells WebSocket clients and the journal, on the recorded Binance spot and USDⓈ-M
 * BTCUSDT books with taker fees of zero: the recorded spread of spot over the perpetual (some
 * 0.076 %) is then all profit, so it is an opportunity for a pair with a small threshold. Pairs
 * trade again as soon as an execution is over (no cooldown).
 */
@ServerTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "crossbook.market-data.replay.speed=max",
        "crossbook.fees.taker.binance.spot=0",
        "crossbook.fees.taker.binance.linear=0",
        "crossbook.arbitrage.cooldown=0s"})
class ArbitrageEventsApiTest extends RecordedMarketServer {
    private static final String SMALL_THRESHOLD = SEED.replace("\"threshold\":0.12", "\"threshold\":0.01");

    @LocalServerPort
    int port;

    @Test
    void aSpreadThatClearsTheThresholdIsAnOpportunityEventAndAJournalRow() throws Exception {
        String id;
        JsonNode event;
        try (WsTestClient ws = WsTestClient.authenticated(port, admin)) {
            ws.subscribe("opportunity");
            id = create(SMALL_THRESHOLD);
            replayAgain(id, SEED_QTY);
            event = framesAbout(ws, id, 1).get("opportunity").getFirst();
        }

        assertThat(event.propertyNames()).contains("pairId", "spread", "spreadPercent", "netSpreadPercent", "direction", "ts");
        assertThat(event.get("direction").asString()).isEqualTo("reverse");
        double spread = event.get("spread").doubleValue();
        assertThat(spread).as("spot above the perpetual").isPositive();
        assertThat(event.get("netSpreadPercent").doubleValue()).as("no fees")
                .isCloseTo(event.get("spreadPercent").doubleValue(), within(1e-9)).isGreaterThanOrEqualTo(0.01);

        JsonNode row = await().atMost(Duration.ofSeconds(10)).until(() -> journalled(id, event), Objects::nonNull);
        assertThat(row.get("id").asString()).isNotBlank();
        assertThat(row.get("direction").asString()).isEqualTo("reverse");
        assertThat(row.get("spreadPercent").doubleValue()).isEqualTo(event.get("spreadPercent").doubleValue());
        assertThat(row.get("netSpreadPercent").doubleValue()).isEqualTo(event.get("netSpreadPercent").doubleValue());
        double sell = row.get("leg1Price").doubleValue();
        double buy = row.get("leg2Price").doubleValue();
        assertThat(spread).as("reverse sells leg 1 and buys leg 2").isCloseTo(sell - buy, within(1e-9));
        assertThat(row.get("spreadPercent").doubleValue()).isCloseTo(spread / ((sell + buy) / 2) * 100, within(1e-9));
        assertThat(decimal(row, "/qty")).isEqualByComparingTo(SEED_QTY);
        JsonNode rows = get("/api/arbitrage/opportunities?pairId=" + id + "&limit=1000");
        List<Long> ts = rows.findValues("ts").stream().map(JsonNode::longValue).toList();
        assertThat(ts).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
        JsonNode newest = get("/api/arbitrage/opportunities?pairId=" + id + "&limit=1");
        assertThat(newest.size()).isOne();
        assertThat(newest.get(0)).isEqualTo(rows.get(0));
    }

    @Test
    void aManualExecutionIsReportedOrderByOrderAndEarnsTheWholeSpreadWithoutFees() throws Exception {
        String id = create(SEED);
        replayAgain(id, SEED_QTY);
        JsonNode execution;
        Map<String, List<JsonNode>> frames;
        try (WsTestClient ws = WsTestClient.authenticated(port, admin)) {
            ws.subscribe("order_submitted", "order_filled", "order_failed");
            execution = execute(id);
            frames = framesAbout(ws, id, 4);
        }

        JsonNode sell = execution.get("leg1");
        JsonNode buy = execution.get("leg2");
        assertThat(execution.get("direction").asString()).isEqualTo("reverse");
        assertThat(decimal(execution, "/fees").signum()).isZero();
        assertThat(decimal(execution, "/pnl")).isPositive().isEqualByComparingTo(
                decimal(sell, "/price").subtract(decimal(buy, "/price")).multiply(SEED_QTY));
        assertThat(frames.keySet()).as("one submitted and one filled per leg, no failure")
                .containsExactlyInAnyOrder("order_submitted", "order_filled");
        Map<String, JsonNode> submittedById = byOrderId(frames.get("order_submitted"));
        assertThat(submittedById.keySet()).containsExactlyInAnyOrder(sell.get("orderId").asString(), buy.get("orderId").asString());
        Map<String, JsonNode> filledById = byOrderId(frames.get("order_filled"));
        assertThat(filledById.keySet()).isEqualTo(submittedById.keySet());
        for (JsonNode leg : List.of(sell, buy)) {
            JsonNode order = submittedById.get(leg.get("orderId").asString());
            assertThat(order.get("exchange").asString()).isEqualTo("binance");
            assertThat(order.get("symbol").asString()).isEqualTo("BTCUSDT");
            assertThat(order.get("side").asString()).isEqualTo(leg.get("side").asString());
            assertThat(order.get("qty").decimalValue()).isEqualByComparingTo(SEED_QTY);
            assertThat(order.get("ts").longValue()).isPositive();
            JsonNode fill = filledById.get(leg.get("orderId").asString());
            assertThat(fill.get("exchange").asString()).isEqualTo("binance");
            assertThat(fill.get("price").decimalValue()).isEqualByComparingTo(decimal(leg, "/price"));
            assertThat(fill.get("qty").decimalValue()).isEqualByComparingTo(SEED_QTY);
        }
    }

    @Test
    void anEnabledPairTradesByItselfButNeverBeyondItsTotalAmountAndSaysSoOnce() throws Exception {
        String id;
        List<JsonNode> alerts;
        // no other pair may keep the books watched: the new pair would trade on them at once, and the
        // replay below would pull them from under its legs
        for (JsonNode pair : get("/api/monitoring/pairs")) {
            data(client.delete("/api/monitoring/pairs/" + pair.get("id").asString(), admin));
        }
        try (WsTestClient ws = WsTestClient.authenticated(port, admin)) {
            ws.subscribe("engine_alert");
            id = create(SMALL_THRESHOLD.replace("\"enabled\":false", "\"enabled\":true")
                    .replace("\"totalAmount\":300", "\"totalAmount\":100"));
            replayAgain(id, SEED_QTY);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    get("/api/arbitrage/executions?pairId=" + id).findValuesAsString("outcome"))
                    .containsExactly("filled"));
            replayAgain(id, SEED_QTY);
            alerts = framesAbout(ws, id, 1).get("engine_alert");
            for (WsTestClient.Received more = ws.poll(Duration.ofMillis(300)); more != null; more = ws.poll(Duration.ofMillis(300))) {
                assertThat(more.data().get("pairId").asString()).as("another alert: %s", more.data()).isNotEqualTo(id);
            }
        }

        JsonNode execution = get("/api/arbitrage/executions?pairId=" + id).get(0);
        assertThat(execution.get("direction").asString()).isEqualTo("reverse");
        assertThat(decimal(execution, "/hedgedQty")).isEqualByComparingTo(SEED_QTY);
        JsonNode alert = alerts.getFirst();
        assertThat(alert.get("severity").asString()).isEqualTo("warning");
        assertThat(alert.get("code").asString()).isEqualTo("RISK_REJECTED");
        assertThat(alert.get("message").asString()).startsWith("pair " + id + ": totalAmount 100 would be exceeded (traded ");
        assertThat(get("/api/arbitrage/executions?pairId=" + id).size()).as("still one").isOne();
    }

    /** The pair's journalled opportunity with the event's ts and spread, or null while there is none. */
    private JsonNode journalled(String pairId, JsonNode event) {
        return get("/api/arbitrage/opportunities?pairId=" + pairId + "&limit=1000").valueStream()
                .filter(r -> r.get("pairId").asString().equals(pairId) && r.get("ts").longValue() == event.get("ts").longValue()
                        && r.get("spread").doubleValue() == event.get("spread").doubleValue())
                .findFirst().orElse(null);
    }

    /** The data of the next {@code count} frames about pair {@code pairId}, by event. */
    private static Map<String, List<JsonNode>> framesAbout(WsTestClient ws, String pairId, int count) {
        List<WsTestClient.Received> about = new ArrayList<>();
        long end = System.nanoTime() + WsTestClient.WAIT.toNanos();
        while (about.size() < count && System.nanoTime() < end) {
            WsTestClient.Received r = ws.poll(Duration.ofMillis(100));
            if (r != null && pairId.equals(r.data().get("pairId").asString())) {
                about.add(r);
            }
        }
        assertThat(about).as("%d frames about %s", count, pairId).hasSize(count);
        return about.stream().collect(Collectors.groupingBy(WsTestClient.Received::event,
                Collectors.mapping(WsTestClient.Received::data, Collectors.toList())));
    }

    private static Map<String, JsonNode> byOrderId(List<JsonNode> frames) {
        return frames.stream().collect(Collectors.toMap(f -> f.get("orderId").asString(), Function.identity()));
    }
}

package io.crossbook.server.twap;

import static io.crossbook.server.arbitrage.RecordedMarket.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.server.arbitrage.RecordedMarketServer;
import io.crossbook.server.security.ServerTest;
import io.crossbook.server.security.TestClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * TWAP plans through the REST API (API.md "TWAP") on the recorded Binance spot and USDⓈ-M BTCUSDT
 * books with the exchanges' recorded instrument metadata (spot: lot 0.00001 BTC, minimum notional
 * 5 USDT; the perpetual: lot 0.001 BTC), traded on paper.
 */
@ServerTest
@TestPropertySource(properties = {"crossbook.market-data.replay.speed=max", "crossbook.twap.min-interval=100ms"})
class TwapApiTest extends RecordedMarketServer {
    private static final String PLANS = "/api/twap/plans";
    private static final String SPOT_BUY = "{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"type\":\"market\"}";
    private static final String PERP_SELL = "{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"side\":\"sell\",\"type\":\"market\",\"market\":\"linear\"}";

    private static String plan(String totalQty, String sliceQty, long intervalMs, String... legs) {
        return "{\"name\":\"BTC_TWAP\",\"totalQty\":" + totalQty + ",\"sliceQty\":" + sliceQty + ",\"intervalMs\":" + intervalMs
                + ",\"legs\":[" + String.join(",", legs) + "]}";
    }

    private String createPlan(String json) {
        return data(client.postJson(PLANS, json, admin)).get("planId").asString();
    }

    private JsonNode control(String planId, String action) {
        return data(client.postJson("/api/twap/" + planId + "/control", "{\"action\":\"" + action + "\"}", admin));
    }

    private JsonNode status(String planId) {
        return get("/api/twap/" + planId + "/status");
    }

    /** Creates a plan and replays the recordings again, so the engine holds its legs' books. */
    private String createWithBooks(String json) {
        String id = createPlan(json);
        replayAgain();
        return id;
    }

    private JsonNode awaitState(String planId, String state) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(planId).get("state").asString()).as("%s", status(planId)).isEqualTo(state));
        return status(planId);
    }

    @Test
    void aTwoLeggedPlanRunsFromPendingToCompletedInMatchedSlicesWithTheLastTakingTheRemainder() {
        String id = createWithBooks(plan("0.005", "0.002", 100, SPOT_BUY, PERP_SELL));

        JsonNode pending = status(id);
        assertThat(id).matches("twap_\\d+");
        assertThat(pending.get("state").asString()).isEqualTo("pending");
        assertThat(pending.at("/progress/executed").decimalValue()).isZero();
        assertThat(pending.at("/progress/remaining").decimalValue()).isEqualByComparingTo("0.005");
        assertThat(pending.at("/progress/slicesTotal").intValue()).isEqualTo(3);
        assertThat(pending.get("lastExecutionTs").isNull()).isTrue();

        control(id, "start");
        JsonNode done = awaitState(id, "completed");

        assertThat(done.at("/progress/executed").decimalValue()).isEqualByComparingTo("0.005");
        assertThat(done.at("/progress/remaining").decimalValue()).isZero();
        assertThat(done.at("/progress/slicesDone").intValue()).isEqualTo(3);
        assertThat(done.get("lastExecutionTs").longValue()).isPositive();
        JsonNode slices = get("/api/twap/" + id + "/slices");
        assertThat(slices).hasSize(3);
        String prefix = id.replace("_", "");
        List<String> qtys = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            JsonNode s = slices.get(n - 1);
            assertThat(s.get("slice").intValue()).isEqualTo(n);
            assertThat(s.get("state").asString()).isEqualTo("done");
            assertThat(s.get("outcome").asString()).as("%s", s).isEqualTo("filled");
            assertThat(s.at("/legs/0/orderId").asString()).isEqualTo(prefix + "s" + n + "a1");
            assertThat(s.at("/legs/1/orderId").asString()).isEqualTo(prefix + "s" + n + "b1");
            assertThat(s.at("/legs/0/qty").decimalValue()).isEqualByComparingTo(s.get("qty").decimalValue());
            assertThat(s.at("/legs/1/qty").decimalValue()).isEqualByComparingTo(s.get("qty").decimalValue());
            assertThat(s.get("pnl").decimalValue()).isNegative(); // spot dearer than the perpetual: the plan pays
            qtys.add(s.get("qty").decimalValue().stripTrailingZeros().toPlainString());
        }
        assertThat(qtys).containsExactly("0.002", "0.002", "0.001");
        JsonNode listed = get(PLANS);
        assertThat(listed.get(0).get("planId").asString()).as("newest first").isEqualTo(id);
        assertThat(listed.get(0).get("legs")).hasSize(2);
        assertThat(listed.get(0).at("/legs/1/market").asString()).isEqualTo("linear");
    }

    @Test
    void pauseStopsTheSlicesResumeGoesOnAndCancelEndsThePlanForGood() {
        String id = createWithBooks(plan("0.003", "0.001", 60_000, SPOT_BUY));
        control(id, "start");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(status(id).at("/progress/slicesDone").intValue()).isEqualTo(1));

        JsonNode paused = control(id, "pause");
        assertThat(paused.get("state").asString()).isEqualTo("paused");
        assertThat(paused.get("reason").asString()).isEqualTo("paused by hand");
        assertThat(control(id, "resume").get("state").asString()).isEqualTo("running");
        // the next slice is due a whole interval after the first: a resume does not send one early
        assertThat(status(id).at("/progress/slicesDone").intValue()).isEqualTo(1);

        JsonNode cancelled = control(id, "cancel");
        assertThat(cancelled.get("state").asString()).isEqualTo("cancelled");
        assertThat(cancelled.at("/progress/executed").decimalValue()).isEqualByComparingTo("0.001");
        assertThat(cancelled.at("/progress/remaining").decimalValue()).isEqualByComparingTo("0.002");
        for (String action : List.of("start", "pause", "resume", "cancel")) {
            assertThat(TestClient.error(client.postJson("/api/twap/" + id + "/control", "{\"action\":\"" + action + "\"}",
                    admin), HttpStatus.CONFLICT, "CONFLICT")).contains("is cancelled");
        }
        assertThat(get("/api/twap/" + id + "/slices")).hasSize(1);
    }

    @Test
    void controlsThatCannotApplyAreRefusedAndChangeNothing() {
        String id = createPlan(plan("0.002", "0.001", 1000, SPOT_BUY));

        assertThat(TestClient.error(client.postJson("/api/twap/" + id + "/control", "{\"action\":\"pause\"}", admin),
                HttpStatus.CONFLICT, "CONFLICT")).isEqualTo("plan " + id + " is pending: it cannot pause");
        assertThat(TestClient.error(client.postJson("/api/twap/" + id + "/control", "{\"action\":\"stop\"}", admin),
                HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).startsWith("action: must be start, pause, resume or cancel");
        assertThat(TestClient.error(client.postJson("/api/twap/twap_999/control", "{\"action\":\"start\"}", admin),
                HttpStatus.NOT_FOUND, "NOT_FOUND")).startsWith("planId:");
        TestClient.error(client.get("/api/twap/twap_999/status", admin), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(status(id).get("state").asString()).isEqualTo("pending");

        String viewer = client.signInAsNew("viewer").accessToken();
        TestClient.error(client.postJson(PLANS, plan("0.002", "0.001", 1000, SPOT_BUY), viewer), HttpStatus.FORBIDDEN,
                "FORBIDDEN");
        TestClient.error(client.postJson("/api/twap/" + id + "/control", "{\"action\":\"start\"}", viewer),
                HttpStatus.FORBIDDEN, "FORBIDDEN");
        assertThat(data(client.get("/api/twap/" + id + "/status", viewer)).get("state").asString()).isEqualTo("pending");
    }

    @Test
    void invalidPlansAreRefusedNamingTheFieldAndNothingIsCreated() {
        int before = get(PLANS).size();
        String unknownVenue = "{\"exchange\":\"kraken\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"type\":\"market\"}";
        String unknownSymbol = "{\"exchange\":\"binance\",\"symbol\":\"NOPEUSDT\",\"side\":\"buy\",\"type\":\"market\"}";
        String limitWithoutPrice = "{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"type\":\"limit\"}";
        String marketAsType = "{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"type\":\"linear\"}";
        String spotSell = "{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"type\":\"market\",\"market\":\"linear\"}";
        List<List<String>> cases = List.of(
                List.of(plan("0.001", "0.002", 1000, SPOT_BUY), "sliceQty: 0.002 is more than totalQty 0.001"),
                List.of(plan("0.01", "0.000001", 1000, SPOT_BUY), "sliceQty: sliceQty 0.000001 is not a whole number of binance:spot:BTCUSDT lots"),
                List.of(plan("0.01", "0.00001", 1000, SPOT_BUY), "sliceQty: sliceQty 0.00001 at "),
                List.of(plan("0.00201", "0.002", 1000, SPOT_BUY), "totalQty: the last slice's remainder 0.00001 at "),
                List.of(plan("0.0045", "0.002", 1000, SPOT_BUY, PERP_SELL), "totalQty: the last slice's remainder 0.0005 is not a whole number of binance:linear:BTCUSDT lots"),
                List.of(plan("0.01", "0.002", 50, SPOT_BUY), "intervalMs: 50 is below the minimum 100"),
                List.of(plan("0.01", "0.002", 1000, unknownVenue), "legs[0].exchange:"),
                List.of(plan("0.01", "0.002", 1000, unknownSymbol), "legs[0].symbol: binance:spot:NOPEUSDT is not a known instrument"),
                List.of(plan("0.01", "0.002", 1000, limitWithoutPrice), "legs[0].price: is required"),
                List.of(plan("0.01", "0.002", 1000, marketAsType), "legs[0].type: 'linear' is a market"),
                List.of(plan("0.01", "0.002", 1000, SPOT_BUY, spotSell), "legs[1].side: a two-legged plan buys on one leg and sells on the other"),
                List.of(plan("0.01", "-0.002", 1000, SPOT_BUY), "sliceQty: must be positive"),
                List.of(plan("0.01", "0.002", 1000), "legs: one or two legs are required"),
                List.of("{\"totalQty\":0.01,\"sliceQty\":0.002,\"intervalMs\":1000,\"legs\":[" + SPOT_BUY
                        + "],\"maxAdverseSpreadPercent\":0.1}", "maxAdverseSpreadPercent: applies to two-legged plans only"),
                List.of("{\"totalQty\":0.01,\"sliceQty\":0.002,\"intervalMs\":1000,\"legs\":[" + SPOT_BUY + "],\"speed\":1}",
                        "speed"));
        for (List<String> c : cases) {
            assertThat(TestClient.error(client.postJson(PLANS, c.get(0), admin), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR"))
                    .as("%s", c.get(0)).contains(c.get(1));
        }
        assertThat(get(PLANS)).hasSize(before);
    }

    @Test
    void theKillSwitchPausesARunningPlanSayingWhyAndNothingTradesUntilItIsResumed() {
        String id = createWithBooks(plan("0.01", "0.001", 300, SPOT_BUY));
        data(client.postJson("/api/risk/kill-switch", "{\"engaged\":true,\"reason\":\"twap test\"}", admin));
        try {
            control(id, "start");
            JsonNode paused = awaitState(id, "paused");
            assertThat(paused.get("reason").asString()).contains("halted");
            assertThat(paused.at("/progress/slicesDone").intValue()).isZero();
            assertThat(get("/api/twap/" + id + "/slices")).isEmpty();
        } finally {
            data(client.postJson("/api/risk/kill-switch", "{\"engaged\":false}", admin));
        }
        control(id, "resume");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(status(id).at("/progress/executed").decimalValue()).isPositive());
        control(id, "cancel");
        assertThat(new BigDecimal(status(id).at("/progress/executed").asString())).isPositive();
    }
}

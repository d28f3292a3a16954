package io.crossbook.server.risk;

import static io.crossbook.server.arbitrage.RecordedMarket.SEED;
import static io.crossbook.server.arbitrage.RecordedMarket.SEED_QTY;
import static io.crossbook.server.arbitrage.RecordedMarket.SPOT;
import static io.crossbook.server.arbitrage.RecordedMarket.data;
import static io.crossbook.server.arbitrage.RecordedMarket.decimal;
import static io.crossbook.server.arbitrage.RecordedMarket.vwap;
import static io.crossbook.server.security.TestClient.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.server.arbitrage.RecordedMarketServer;
import io.crossbook.server.security.ServerTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Risk through the REST API (API.md "Risk") on the real server, trading the recorded Binance spot
 * and USDⓈ-M BTCUSDT books: the limits with their audit, a refusal by a limit, the kill switch,
 * the trading state and the status figures. One trade of the seed pair is 0.001 BTC at some
 * 61,800 USDT, i.e. about 62 USD a leg.
 */
@ServerTest
// its own server (the property keeps the context apart from the arbitrage tests'): these tests halt
// trading and change limits
@TestPropertySource(properties = {"crossbook.market-data.replay.speed=max", "crossbook.risk.limits.max-open-orders=50"})
class RiskApiTest extends RecordedMarketServer {
    private static final String LIMITS = "/api/risk/limits";
    private static final String STATUS = "/api/risk/status";
    private static final String KILL_SWITCH = "/api/risk/kill-switch";

    /** application.yml's crossbook.risk.limits, every one of them. */
    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("maxSlippagePercent", "0.5");
        d.put("maxOrderNotional", "10000");
        d.put("maxPositionPerAsset", "50000");
        d.put("maxPositionPerVenue", "25000");
        d.put("maxDailyLoss", "500");
        d.put("maxOpenOrders", "50");
        d.put("minBookLiquidity", "10000");
        d.put("minSpreadPercent", "-0.5");
        d.put("maxVenueDeviationPercent", "1");
        d.put("pairMaxConsecutiveFailures", "3");
        d.put("pairMaxErrorRate", "0.5");
        d.put("pairErrorRateMinSamples", "5");
        d.put("pairErrorWindowMs", "900000");
        d.put("pairPauseMs", "600000");
        d.put("venueMaxErrors", "5");
        d.put("venueErrorWindowMs", "60000");
        d.put("venuePauseMs", "30000");
        d.put("venueMaxPauseMs", "600000");
        d.put("anomalyResumeAfterMs", "60000");
        return d;
    }

    /** Every test starts trading ACTIVE at the default maxOrderNotional, whatever the one before left. */
    @BeforeEach
    void activeAtTheDefaultLimits() {
        data(client.putJson(LIMITS, "{\"maxOrderNotional\":10000}", admin));
        if (!get(STATUS).get("state").asString().equals("ACTIVE")) {
            data(client.postJson(KILL_SWITCH, "{\"engaged\":false,\"reason\":\"next test\"}", admin));
        }
    }

    @Test
    void everyLimitIsServedWithItsConfiguredDefault() {
        assertLimits(get(LIMITS), DEFAULTS);
    }

    @Test
    void anAdminChangesALimitAndTheChangeIsStoredAndAudited() {
        JsonNode answer = data(client.putJson(LIMITS, "{\"maxOrderNotional\":5000}", admin));

        Map<String, String> expected = new LinkedHashMap<>(DEFAULTS);
        expected.put("maxOrderNotional", "5000");
        assertLimits(answer, expected);
        assertLimits(get(LIMITS), expected);
        assertLimits(get(STATUS).get("limits"), expected);
        JsonNode change = get(LIMITS + "/changes").get(0);
        assertThat(change.get("name").asString()).isEqualTo("maxOrderNotional");
        assertThat(change.get("oldValue").asString()).isEqualTo("10000");
        assertThat(change.get("newValue").asString()).isEqualTo("5000");
        assertThat(change.get("changedBy").asString()).isEqualTo("admin");
        assertThat(change.get("changedAt").longValue()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown name                         | {"maxOrderNotionl":5000}                      | maxOrderNotionl: no such limit
            a string                                | {"maxOrderNotional":"5000"}                   | maxOrderNotional: must be a number
            a negative value                        | {"maxOrderNotional":-1}                       | maxOrderNotional must be positive, was -1
            zero open orders                        | {"maxOpenOrders":0}                           | maxOpenOrders must be at least 1, was 0
            an error rate above 1                   | {"pairMaxErrorRate":1.5}                      | pairMaxErrorRate must be at most 1
            a good change with a bad one            | {"maxOrderNotional":7000,"maxDailyLoss":-5}   | maxDailyLoss must be zero or positive
            """)
    void aBadLimitIsAValidationErrorNamingItAndChangesNothing(String what, String body, String message) {
        JsonNode limits = get(LIMITS);
        JsonNode changes = get(LIMITS + "/changes");

        assertThat(error(client.putJson(LIMITS, body, admin), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR"))
                .startsWith(message);

        assertThat(get(LIMITS)).isEqualTo(limits);
        assertThat(get(LIMITS + "/changes")).isEqualTo(changes);
    }

    @Test
    void viewersReadRiskButChangeNothing() {
        String viewer = client.signInAsNew("viewer").accessToken();
        JsonNode limits = get(LIMITS);

        error(client.putJson(LIMITS, "{\"maxOrderNotional\":5000}", viewer), HttpStatus.FORBIDDEN, "FORBIDDEN");
        error(client.postJson(KILL_SWITCH, "{\"engaged\":true}", viewer), HttpStatus.FORBIDDEN, "FORBIDDEN");
        error(client.postJson("/api/risk/state", "{\"state\":\"REDUCING\"}", viewer), HttpStatus.FORBIDDEN, "FORBIDDEN");
        error(client.postJson("/api/risk/resume", "{\"venue\":\"binance\"}", viewer), HttpStatus.FORBIDDEN, "FORBIDDEN");
        for (String read : List.of(STATUS, LIMITS, LIMITS + "/changes", "/api/risk/alerts")) {
            data(client.get(read, viewer));
            error(client.get(read, null), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        }

        assertThat(get(LIMITS)).isEqualTo(limits);
        assertThat(get(STATUS).get("state").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void anExecutionPastMaxOrderNotionalIsRefusedAlertedAndGoesThroughOnceTheLimitIsBack() {
        String id = create(SEED);
        replayAgain(id, SEED_QTY);
        // one leg is 0.001 BTC × ~61,800 USDT ≈ 62 USD: past a 50 USD limit
        data(client.putJson(LIMITS, "{\"maxOrderNotional\":50}", admin));

        String message = error(client.postJson("/api/arbitrage/execute/" + id, "", admin),
                HttpStatus.UNPROCESSABLE_CONTENT, "RISK_REJECTED");

        // the first leg checked sells 0.001 spot BTC at the bids' VWAP
        String notional = SEED_QTY.multiply(vwap(SPOT, true, SEED_QTY)).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        assertThat(message).isEqualTo("order_notional: order notional " + notional
                + " USD exceeds maxOrderNotional 50.00 USD");
        JsonNode alert = awaitAlert("?pairId=" + id, a -> a.get("code").asString().equals("RISK_REJECTED"));
        assertThat(alert.get("rule").asString()).isEqualTo("order_notional");
        assertThat(alert.get("pairId").asString()).isEqualTo(id);
        assertThat(alert.get("severity").asString()).isEqualTo("warning");
        assertThat(alert.get("message").asString()).as("the alert names the pair; its rule is a field of its own")
                .isEqualTo("pair " + id + ": order notional " + notional + " USD exceeds maxOrderNotional 50.00 USD");
        assertThat(get("/api/arbitrage/executions?pairId=" + id).isEmpty()).as("nothing was sent").isTrue();

        data(client.putJson(LIMITS, "{\"maxOrderNotional\":10000}", admin));

        assertThat(execute(id).get("outcome").asString()).isEqualTo("filled");
    }

    @Test
    void theKillSwitchHaltsEveryExecutionUntilReleased() {
        String id = create(SEED);
        replayAgain(id, SEED_QTY);

        JsonNode engaged = data(client.postJson(KILL_SWITCH, "{\"engaged\":true,\"reason\":\"test\"}", admin));

        assertThat(engaged.get("engaged").booleanValue()).isTrue();
        assertThat(engaged.get("state").asString()).isEqualTo("HALTED");
        assertThat(engaged.get("reason").asString()).isEqualTo("test (by admin)");
        assertThat(engaged.get("openOrdersCancelled").intValue()).as("a paper IOC order never rests").isZero();
        JsonNode status = get(STATUS);
        assertThat(status.get("state").asString()).isEqualTo("HALTED");
        assertThat(status.get("killSwitch").booleanValue()).isTrue();
        assertThat(status.get("reason").asString()).isEqualTo("test (by admin)");
        assertThat(error(client.postJson("/api/arbitrage/execute/" + id, "", admin),
                HttpStatus.UNPROCESSABLE_CONTENT, "RISK_REJECTED")).startsWith("state: trading is HALTED (test (by admin))");
        JsonNode alert = awaitAlert("?severity=critical", a -> a.get("code").asString().equals("KILL_SWITCH")
                && a.get("message").asString().contains("test (by admin)"));
        assertThat(alert.get("rule").asString()).isEqualTo("state");
        assertThat(get("/api/arbitrage/executions?pairId=" + id).isEmpty()).isTrue();

        JsonNode released = data(client.postJson(KILL_SWITCH, "{\"engaged\":false}", admin));

        assertThat(released.get("engaged").booleanValue()).isFalse();
        assertThat(released.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(get(STATUS).get("killSwitch").booleanValue()).isFalse();
        assertThat(execute(id).get("outcome").asString()).isEqualTo("filled");
    }

    @Test
    void theStatusShowsExposuresPnlAndNoMadeUpMetricsAfterAnExecution() {
        String id = create(SEED);
        replayAgain(id, SEED_QTY);
        execute(id);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get(STATUS).at("/pnl/executions").intValue()).isPositive());
        JsonNode status = get(STATUS);

        assertThat(status.get("state").asString()).isEqualTo("ACTIVE");
        JsonNode btc = one(status.get("exposures"), e -> e.get("venue").asString().equals("binance")
                && e.get("asset").asString().equals("BTC"));
        // the paper account starts with 0.1 BTC; a reverse trade sells 0.001 spot and buys 0.001 of the
        // perpetual, so holdings plus position stay 0.1 (other tests of this server trade too)
        BigDecimal qty = decimal(btc, "/qty");
        assertThat(qty).isPositive();
        // valued at a BTCUSDT mid of the venue: spot's or the perpetual's, which are 0.1 % apart
        assertThat(decimal(btc, "/valueUsd").doubleValue()).as("valued at a BTCUSDT mid")
                .isCloseTo(qty.multiply(mid(SPOT)).doubleValue(), withinPercentage(0.2));
        assertThat(status.get("exposures").findValuesAsString("asset")).as("USD stablecoins are left out")
                .doesNotContain("USDT");
        assertThat(status.get("exposureByAsset").findValuesAsString("asset")).contains("BTC");
        assertThat(status.at("/pnl/realised").isNumber()).isTrue();
        assertThat(status.at("/pnl/today").isNumber()).isTrue();
        JsonNode metrics = status.get("metrics");
        assertThat(metrics.get("days").intValue()).isGreaterThanOrEqualTo(1);
        for (String figure : List.of("var95", "var99", "sharpe", "sortino")) {
            assertThat(metrics.get(figure).isNull()).as("%s with a day or two of P&L", figure).isTrue();
            assertThat(metrics.get("insufficient").valueStream().map(JsonNode::asString))
                    .as("why %s is missing", figure).anyMatch(note -> note.startsWith(figure + " needs"));
        }
        assertThat(status.get("pauses").isArray()).isTrue();
        assertThat(status.get("ts").longValue()).isPositive();
    }

    @Test
    void theStateCanBeSetToReducingAndBack() {
        assertThat(data(client.postJson("/api/risk/state", "{\"state\":\"REDUCING\",\"reason\":\"winding down\"}", admin))
                .get("state").asString()).isEqualTo("REDUCING");

        JsonNode status = get(STATUS);
        assertThat(status.get("state").asString()).isEqualTo("REDUCING");
        assertThat(status.get("killSwitch").booleanValue()).isFalse();
        assertThat(status.get("reason").asString()).isEqualTo("winding down (by admin)");

        assertThat(data(client.postJson("/api/risk/state", "{\"state\":\"ACTIVE\"}", admin)).get("state").asString())
                .isEqualTo("ACTIVE");
        assertThat(get(STATUS).get("state").asString()).isEqualTo("ACTIVE");
        error(client.postJson("/api/risk/state", "{\"state\":\"SLEEPING\"}", admin), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR");
    }

    @Test
    void resumeNeedsExactlyOneOfAPairOrAKnownVenue() {
        assertThat(error(client.postJson("/api/risk/resume", "{}", admin), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR"))
                .startsWith("body: give either pairId or venue");
        assertThat(error(client.postJson("/api/risk/resume", "{\"pairId\":\"a\",\"venue\":\"binance\"}", admin),
                HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).startsWith("body: give either pairId or venue");
        assertThat(error(client.postJson("/api/risk/resume", "{\"venue\":\"nope\"}", admin), HttpStatus.BAD_REQUEST,
                "VALIDATION_ERROR")).startsWith("venue: ");
        assertThat(data(client.postJson("/api/risk/resume", "{\"venue\":\"binance\"}", admin)).get("resumed").booleanValue())
                .as("nothing was paused").isFalse();
    }

    private JsonNode awaitAlert(String query, Predicate<JsonNode> which) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> alerts = get("/api/risk/alerts" + query).valueStream().filter(which).toList();
            assertThat(alerts).as("alerts%s", query).isNotEmpty();
            found[0] = alerts.getFirst();
        });
        return found[0];
    }

    private static JsonNode one(JsonNode array, Predicate<JsonNode> which) {
        List<JsonNode> found = array.valueStream().filter(which).toList();
        assertThat(found).as("%s", array).hasSize(1);
        return found.getFirst();
    }

    private static void assertLimits(JsonNode limits, Map<String, String> expected) {
        assertThat(limits.propertyNames()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((name, value) -> assertThat(decimal(limits, "/" + name)).as(name)
                .isEqualByComparingTo(new BigDecimal(value)));
    }

    private static BigDecimal mid(BookSnapshot book) {
        return book.bestBid().add(book.bestAsk()).divide(BigDecimal.TWO);
    }
}

package io.crossbook.testkit.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.model.Market;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.LoggedRequest;
import io.crossbook.testkit.sim.RequestKind;
import io.crossbook.testkit.sim.SimAccount;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each fault does what it says, and only as often as it was armed. */
class FaultsTest {
    static final String KEY = "faults-key";
    static final String SECRET = "faults-secret";

    private ExchangeSimulator sim;
    private BinanceClient client;

    @BeforeEach
    void start() {
        sim = BinanceSimulator.builder().account(new SimAccount(KEY, SECRET).spot("USDT", "1000000").futures("USDT", "100000")).start();
        sim.replay().stepUntilBooksReady();
        client = new BinanceClient(sim.restBase(), KEY, SECRET);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void timeoutAfterAcceptBooksTheOrderButTheClientNeverHearsAndItsRetryIsNotASecondOrder() {
        sim.faults().timeoutAfterAccept(1, Duration.ofSeconds(5));
        String order = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=" + belowTheMarket() + "&newClientOrderId=held1";

        assertThatThrownBy(() -> client.signed("POST", "/api/v3/order", order, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(sim.acceptedOrders("held1")).isOne();
        JsonNode booked = BinanceClient.json(client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=held1"));
        assertThat(booked.get("status").asString()).isEqualTo("NEW");
        HttpResponse<String> retry = client.signed("POST", "/api/v3/order", order);
        assertThat(BinanceClient.json(retry).get("msg").asString()).isEqualTo("Duplicate order sent.");
        assertThat(sim.orders()).hasSize(1);
        assertThat(sim.duplicates()).isEmpty();
        assertThat(sim.requests()).filteredOn(r -> r.kind() == RequestKind.PLACE_ORDER).extracting(LoggedRequest::status)
                .containsExactly(0, 400);
    }

    @Test
    void partialFillFillsThatFractionOfTheNextImmediateOrderAndExpiresTheRest() {
        sim.faults().partialFill(1, new BigDecimal("0.5"));
        JsonNode half = BinanceClient.json(client.signed("POST", "/fapi/v1/order",
                "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.003&newClientOrderId=half1&newOrderRespType=RESULT"));
        assertThat(half.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(new BigDecimal(half.get("executedQty").asString())).as("half of 0.003, down to whole lots").isEqualByComparingTo("0.001");
        assertThat(sim.account(KEY).position("BTCUSDT").qty()).isEqualByComparingTo("0.001");

        JsonNode whole = BinanceClient.json(client.signed("POST", "/fapi/v1/order",
                "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.003&newClientOrderId=whole1&newOrderRespType=RESULT"));
        assertThat(whole.get("status").asString()).as("the fault was armed once").isEqualTo("FILLED");
    }

    @Test
    void aRateLimitIsA429WithRetryAfterAndSendingAgainBeforeItPassesIsA418Ban() {
        sim.faults().rateLimitNext(1, Duration.ofSeconds(3));
        HttpResponse<String> limited = client.get("/api/v3/time");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("3");
        assertThat(BinanceClient.json(limited).get("code").asInt()).isEqualTo(-1003);

        HttpResponse<String> banned = client.get("/api/v3/time");
        assertThat(banned.statusCode()).isEqualTo(418);
        assertThat(banned.headers().firstValue("Retry-After")).contains("120");
        assertThat(client.get("/api/v3/exchangeInfo").statusCode()).as("still banned").isEqualTo(418);
        assertThat(client.get("/fapi/v1/time").statusCode()).as("futures have their own budget").isEqualTo(200);
    }

    @Test
    void theWeightLimitAnswers429BeyondItThen418() {
        try (ExchangeSimulator limited = BinanceSimulator.builder().weightLimit(30, Duration.ofMinutes(1)).start();
             BinanceClient c = new BinanceClient(limited.restBase(), "none", "none")) {
            for (int i = 1; i <= 6; i++) {
                HttpResponse<String> depth = c.get("/api/v3/depth?symbol=BTCUSDT&limit=100");
                assertThat(depth.statusCode()).isEqualTo(200);
                assertThat(depth.headers().firstValue("X-MBX-USED-WEIGHT-1M")).contains(String.valueOf(5 * i));
            }
            HttpResponse<String> over = c.get("/api/v3/depth?symbol=BTCUSDT&limit=100");
            assertThat(over.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(c.get("/api/v3/time").statusCode()).isEqualTo(418);
            assertThat(limited.maxWeightInAnyWindow(BinanceSimProtocol.SPOT_LIMITS, Duration.ofMinutes(1))).as("every request sent counts")
                    .isEqualTo(36);
        }
    }

    @Test
    void aServerErrorAnswersTheTargetedRequestsOnlyAndServesNothing() {
        sim.faults().serverErrorNext(1, 503, RequestKind.PLACE_ORDER);
        assertThat(client.get("/api/v3/time").statusCode()).isEqualTo(200);
        HttpResponse<String> failed = client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=e1");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(BinanceClient.json(failed).get("code").asInt()).isEqualTo(-1008);
        assertThat(sim.orders()).isEmpty();
        assertThat(client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=e1")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void rejectNextOrdersRefusesInTheExchangesWordsAndBooksNothing() {
        sim.faults().rejectNextOrders(1, "-2010", "Account has insufficient balance for requested action.");
        HttpResponse<String> refused = client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=r1");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(BinanceClient.json(refused).get("code").asInt()).isEqualTo(-2010);
        assertThat(BinanceClient.json(refused).get("msg").asString()).isEqualTo("Account has insufficient balance for requested action.");
        assertThat(sim.acceptedOrders("r1")).isZero();
        assertThat(client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=r1")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void delayedResponsesArriveNoSoonerThanTheDelay() {
        sim.faults().delayResponses(1, Duration.ofMillis(400), RequestKind.SERVER_TIME);
        long start = System.nanoTime();
        assertThat(client.get("/api/v3/time").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void refusingConnectionsKeepsNewSocketsOutButLeavesOpenOnesAndRestAlone() {
        try (WsRecorder open = WsRecorder.connect(ws("/stream?streams=btcusdt@bookTicker"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.openWebSockets() == 1);

            sim.faults().refuseConnections(true);

            assertThatThrownBy(() -> WsRecorder.connect(ws("/stream?streams=btcusdt@trade"))).isInstanceOf(IllegalStateException.class);
            assertThat(client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5").statusCode()).isEqualTo(200);
            assertThat(sim.openWebSockets()).isOne();
            sim.replay().step(300);
            await().atMost(Duration.ofSeconds(5)).until(() -> !open.texts.isEmpty());

            sim.faults().refuseConnections(false);
            try (WsRecorder again = WsRecorder.connect(ws("/stream?streams=btcusdt@trade"))) {
                await().atMost(Duration.ofSeconds(5)).until(() -> sim.openWebSockets() == 2);
            }
        }
    }

    @Test
    void disconnectAllClosesEveryPublicAndPrivateSocket() {
        String listenKey = BinanceClient.json(client.keyed("POST", "/fapi/v1/listenKey", "")).get("listenKey").asString();
        try (WsRecorder market = WsRecorder.connect(ws("/stream?streams=btcusdt@trade"));
             WsRecorder user = WsRecorder.connect(ws("/ws/" + listenKey))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.openWebSockets() == 2);

            sim.faults().disconnectAll();

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(market.closeCode).isEqualTo(1001);
                assertThat(user.closeCode).isEqualTo(1001);
                assertThat(sim.openWebSockets()).isZero();
            });
            try (WsRecorder again = WsRecorder.connect(ws("/stream?streams=btcusdt@trade"))) {
                await().atMost(Duration.ofSeconds(5)).until(() -> sim.openWebSockets() == 1);
            }
        }
    }

    @Test
    void aDroppedDepthMessageLeavesAGapInTheUpdateIdsWhileTheExchangeBookMovesOn() {
        try (WsRecorder spot = WsRecorder.connect(ws("/stream?streams=btcusdt@depth@100ms"));
             WsRecorder futures = WsRecorder.connect(ws("/public/stream?streams=btcusdt@depth@0ms"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.openWebSockets() == 2);
            sim.replay().step(100);
            sim.faults().dropNextDepthMessages(1);
            sim.replay().step(1000);
            long spotBookId = sim.replay().book(Market.SPOT, "BTCUSDT").lastUpdateId();
            long futuresBookId = sim.replay().book(Market.LINEAR, "BTCUSDT").lastUpdateId();
            await().atMost(Duration.ofSeconds(5)).until(() -> lastU(spot) == spotBookId && lastU(futures) == futuresBookId);

            List<JsonNode> spotDiffs = data(spot);
            int spotGaps = 0;
            for (int i = 1; i < spotDiffs.size(); i++) {
                if (spotDiffs.get(i).get("U").asLong() != spotDiffs.get(i - 1).get("u").asLong() + 1) {
                    spotGaps++;
                }
            }
            List<JsonNode> futuresDiffs = data(futures);
            int futuresGaps = 0;
            for (int i = 1; i < futuresDiffs.size(); i++) {
                if (futuresDiffs.get(i).get("pu").asLong() != futuresDiffs.get(i - 1).get("u").asLong()) {
                    futuresGaps++;
                }
            }
            assertThat(spotGaps + futuresGaps).as("one message dropped, one gap").isOne();
        }
        try (WsRecorder clean = WsRecorder.connect(ws("/stream?streams=btcusdt@depth@100ms"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.openWebSockets() == 1);
            sim.faults().corruptNextDepthMessages(1, text -> text.replace("\"depthUpdate\"", "\"depthUpd4te\""));
            sim.replay().step(300);
            await().atMost(Duration.ofSeconds(5)).until(() -> clean.texts.size() > 2);
            assertThat(clean.texts).filteredOn(t -> t.contains("depthUpd4te")).hasSize(1);
            assertThat(clean.texts.getFirst()).contains("depthUpd4te");
        }
    }

    private static long lastU(WsRecorder recorder) {
        List<JsonNode> diffs = data(recorder);
        return diffs.isEmpty() ? -1 : diffs.getLast().get("u").asLong();
    }

    private static List<JsonNode> data(WsRecorder recorder) {
        return recorder.texts.stream().map(t -> JsonMapper.shared().readTree(t).get("data")).toList();
    }

    private String belowTheMarket() {
        return sim.replay().book(Market.SPOT, "BTCUSDT", 1).bestBid().subtract(new BigDecimal("1000")).toPlainString();
    }

    private URI ws(String resource) {
        return sim.wsBase().resolve(resource);
    }
}

package io.crossbook.server.arbitrage;

import static io.crossbook.server.arbitrage.RecordedMarket.LINEAR;
import static io.crossbook.server.arbitrage.RecordedMarket.SPOT;
import static io.crossbook.server.arbitrage.RecordedMarket.data;
import static io.crossbook.server.arbitrage.RecordedMarket.find;
import static io.crossbook.server.arbitrage.RecordedMarket.vwap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.crossbook.server.marketdata.FeedState;
import io.crossbook.server.marketdata.MarketDataService;
import io.crossbook.server.security.ServerTest;
import io.crossbook.server.security.TestClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * A {@link ServerTest} server replaying the {@link RecordedMarket}, and the calls the arbitrage API
 * tests make on it as the admin. Each test starts once both replays have finished, so the
 * collectors' books are the recordings' final ones.
 */
public abstract class RecordedMarketServer {
    private static final List<String> COLLECTORS = List.of("binance:spot", "binance:linear");

    @Autowired
    protected MockMvcTester mvc;
    @Autowired
    protected MarketDataService marketData;
    protected TestClient client;
    protected String admin;

    @DynamicPropertySource
    protected static void recordings(DynamicPropertyRegistry registry) {
        RecordedMarket.register(registry);
    }

    @BeforeEach
    protected void signInOnceTheRecordingsAreReplayed() {
        client = new TestClient(mvc);
        admin = client.signInAsAdmin().accessToken();
        awaitReplaysFinished();
    }

    /** The {@code data} of a successful GET as the admin. */
    protected JsonNode get(String path) {
        return data(client.get(path, admin));
    }

    /** Creates a pair; its id. */
    protected String create(String json) {
        return data(client.postJson("/api/monitoring/pairs", json, admin)).get("id").asString();
    }

    /** Executes a pair once in paper mode; the execution. */
    protected JsonNode execute(String pairId) {
        return data(client.postJson("/api/arbitrage/execute/" + pairId, "", admin));
    }

    /** The pair's entry in {@code GET /api/monitoring/prices}. */
    protected JsonNode pricesOf(String pairId) {
        return find(get("/api/monitoring/prices"), "pairId", pairId);
    }

    /**
     * Replays both recordings again, through the collectors' API, so that the engine sees every
     * update of the books a pair created since watches, and waits until it prices the pair
     * {@code pairId} ({@code qty} a trade) at the final books.
     */
    protected void replayAgain(String pairId, BigDecimal qty) {
        replayAgain();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode prices = pricesOf(pairId);
            assertThat(prices.get("status").asString()).isEqualTo("priced");
            assertThat(prices.at("/leg1/bid").doubleValue()).isCloseTo(vwap(SPOT, true, qty).doubleValue(), within(1e-9));
            assertThat(prices.at("/leg1/ask").doubleValue()).isCloseTo(vwap(SPOT, false, qty).doubleValue(), within(1e-9));
            assertThat(prices.at("/leg2/bid").doubleValue()).isCloseTo(vwap(LINEAR, true, qty).doubleValue(), within(1e-9));
            assertThat(prices.at("/leg2/ask").doubleValue()).isCloseTo(vwap(LINEAR, false, qty).doubleValue(), within(1e-9));
        });
    }

    /** Replays both recordings again, so the engine sees every update of the books it has started watching since. */
    protected void replayAgain() {
        // all stopped before any starts: a pair never trades between a restarted book and one about to stop
        for (String id : COLLECTORS) {
            data(client.postJson("/api/qingxi/collectors/stop", "{\"id\":\"" + id + "\"}", admin));
        }
        for (String id : COLLECTORS) {
            data(client.postJson("/api/qingxi/collectors/start", "{\"id\":\"" + id + "\"}", admin));
        }
        awaitReplaysFinished();
    }

    private void awaitReplaysFinished() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> marketData.collectors().stream()
                .allMatch(c -> c.status().state() == FeedState.FINISHED));
    }
}

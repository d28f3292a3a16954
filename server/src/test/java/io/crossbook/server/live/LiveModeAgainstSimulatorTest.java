package io.crossbook.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.OrderSide;
import io.crossbook.server.security.HttpAdmin;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.binance.BinanceSimulator;
import io.crossbook.venues.binance.BinanceEndpoints;
import io.crossbook.venues.binance.BinanceTrading;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.ExchangeClock;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The server in live mode against the Binance simulator (test equipment, hence the 'simulator'
 * profile): before it starts, someone left a resting order on the account that Crossbook's journal
 * does not know. Start-up reconciliation reports it as an alert and, by the default policy, leaves
 * it alone; the account API shows the exchange's own balances.
 */
@ActiveProfiles(LiveTrading.SIMULATOR_PROFILE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crossbook.db.sqlite-file=target/test-db/${random.uuid}/crossbook.db",
        "crossbook.security.admin-password=" + LiveModeAgainstSimulatorTest.ADMIN_PASSWORD,
        "crossbook.security.bcrypt-cost=4",
        "crossbook.market-data.feeds=",
        "crossbook.trading.mode=live",
        "crossbook.credentials.binance.api-key=" + LiveModeAgainstSimulatorTest.KEY,
        "crossbook.credentials.binance.api-secret=" + LiveModeAgainstSimulatorTest.SECRET})
class LiveModeAgainstSimulatorTest {
    static final String ADMIN_PASSWORD = "live-mode-test-admin";
    static final String KEY = "simulated-binance-key-for-the-live-mode-test";
    static final String SECRET = "simulated-binance-secret-for-the-live-mode-test";
    private static final String STRANGER = "someoneElses1";

    private static final ExchangeSimulator SIMULATOR = BinanceSimulator.builder()
            .account(new SimAccount(KEY, SECRET).spot("USDT", "5000").spot("BTC", "0.2").futures("USDT", "3000"))
            .start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        SIMULATOR.replay().stepUntilBooksReady();
        BinanceTrading api = new BinanceTrading(new SignedRestClient(HttpClient.newHttpClient()), endpoints(),
                ApiCredentials.of(KEY, SECRET), new ExchangeClock(Clock.systemUTC()), Duration.ofSeconds(5),
                new AccountLimiter(io.crossbook.core.model.Venue.BINANCE, BinanceTrading.SPOT_LIMITS),
                new AccountLimiter(io.crossbook.core.model.Venue.BINANCE, BinanceTrading.FUTURES_LIMITS));
        api.place(new OrderRequest(STRANGER, BinanceSimulator.SPOT_BTCUSDT, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("0.001"), new BigDecimal("30000")));
        registry.add("crossbook.trading.endpoints.binance", () -> SIMULATOR.restBase().toString());
        registry.add("crossbook.trading.binance-futures-endpoint", () -> SIMULATOR.restBase().toString());
        registry.add("crossbook.trading.private-streams.binance-spot", () -> SIMULATOR.wsBase().resolve("/ws-api/v3").toString());
        registry.add("crossbook.trading.private-streams.binance-futures", () -> SIMULATOR.wsBase() + "/private/ws");
    }

    private static BinanceEndpoints endpoints() {
        URI rest = SIMULATOR.restBase();
        return new BinanceEndpoints(rest, rest, SIMULATOR.wsBase(), SIMULATOR.wsBase());
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Test
    void anOpenOrderTheJournalDoesNotKnowIsReportedAndLeftAlone() {
        HttpAdmin admin = new HttpAdmin("http://127.0.0.1:" + port, ADMIN_PASSWORD);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode alerts = admin.send("GET", "/api/risk/alerts", null);
            assertThat(alerts.values()).anySatisfy(a -> {
                assertThat(a.path("code").asString()).isEqualTo("RECONCILE_MISMATCH");
                assertThat(a.path("message").asString()).contains("binance", STRANGER, "not in the journal", "left as it is");
            });
        });
        assertThat(SIMULATOR.orders()).filteredOn(o -> o.clientOrderId().equals(STRANGER))
                .singleElement().satisfies(o -> assertThat(o.status().isOpen()).as("still open").isTrue());
    }

    @Test
    void thePrivateStreamsAreOpenedAtTheConfiguredEndpoints() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(SIMULATOR.requests()).as("the USDⓈ-M stream's listen key was asked for")
                    .anySatisfy(r -> assertThat(r.path()).isEqualTo("/fapi/v1/listenKey"));
            assertThat(SIMULATOR.openWebSockets()).as("the spot WebSocket API session and the USDⓈ-M stream")
                    .isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void theAccountIsTheExchangesOwn() {
        HttpAdmin admin = new HttpAdmin("http://127.0.0.1:" + port, ADMIN_PASSWORD);

        JsonNode account = admin.send("GET", "/api/account/binance", null);

        assertThat(account.path("mode").asString()).isEqualTo("live");
        assertThat(account.path("balances").values()).anySatisfy(b -> {
            assertThat(b.path("asset").asString()).isEqualTo("BTC");
            assertThat(new BigDecimal(b.path("free").asString())).isEqualByComparingTo("0.2");
        });
    }
}

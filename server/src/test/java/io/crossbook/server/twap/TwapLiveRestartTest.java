package io.crossbook.server.twap;

import static io.crossbook.server.arbitrage.RecordedMarket.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.server.arbitrage.RecordedMarket;
import io.crossbook.server.live.LiveTrading;
import io.crossbook.server.security.ServerTest;
import io.crossbook.server.security.TestClient;
import io.crossbook.store.db.Sqlite;
import io.crossbook.store.trading.OrderRepository;
import io.crossbook.store.trading.StoredOrder;
import io.crossbook.store.twap.StoredTwapPlan;
import io.crossbook.store.twap.StoredTwapSlice;
import io.crossbook.store.twap.TwapRepository;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimOrder;
import io.crossbook.testkit.sim.binance.BinanceSimulator;
import io.crossbook.venues.binance.BinanceEndpoints;
import io.crossbook.venues.binance.BinanceTrading;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.ExchangeClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Live TWAP plans after a restart with a slice in flight, against the Binance simulator (test
 * equipment, hence the 'simulator' profile). The first process journalled each plan's slice and its
 * order as sent and died before the exchange's answer came back. This server starts on that journal
 * and asks the exchange what became of the orders: the one the exchange filled is counted with the
 * exchange's fill, and its plan completes; the one still open at the exchange may yet fill, so its
 * plan comes back paused, naming it. Neither order is sent again, and nothing new is sent.
 */
@ServerTest
@ActiveProfiles(LiveTrading.SIMULATOR_PROFILE)
@TestPropertySource(properties = {"crossbook.trading.mode=live",
        "crossbook.credentials.binance.api-key=" + TwapLiveRestartTest.KEY,
        "crossbook.credentials.binance.api-secret=" + TwapLiveRestartTest.SECRET})
class TwapLiveRestartTest {
    static final String KEY = "simulated-binance-key-for-the-twap-restart-test";
    static final String SECRET = "simulated-binance-secret-for-the-twap-restart-test";
    /** Its last slice was in flight; the exchange filled the order. */
    private static final String FILLED_PLAN = "twap_1";
    private static final String FILLED_AT_EXCHANGE = "twap1s2a1";
    /** Its first slice was in flight; the order rests at the exchange, open. */
    private static final String OPEN_PLAN = "twap_2";
    private static final String OPEN_AT_EXCHANGE = "twap2s1a1";
    private static final BigDecimal SLICE = new BigDecimal("0.001");
    private static final String LEGS = "[{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"type\":\"market\",\"market\":\"spot\"}]";
    private static final Path DB = Path.of("target", "test-db", UUID.randomUUID().toString(), "crossbook.db");

    private static final ExchangeSimulator SIMULATOR = BinanceSimulator.builder()
            .account(new SimAccount(KEY, SECRET).spot("USDT", "5000"))
            .start();

    @Autowired
    MockMvcTester mvc;

    @DynamicPropertySource
    static void theJournalTheFirstProcessLeft(DynamicPropertyRegistry registry) {
        RecordedMarket.register(registry);
        registry.add("crossbook.db.sqlite-file", DB::toString);
        registry.add("crossbook.trading.endpoints.binance", () -> SIMULATOR.restBase().toString());
        registry.add("crossbook.trading.binance-futures-endpoint", () -> SIMULATOR.restBase().toString());
        SIMULATOR.replay().stepUntilBooksReady();
        diedWithSlicesInFlight();
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Test
    void theFilledSliceCountsAsTheExchangeFilledItAndThePlanWithAnOrderStillOpenComesBackPausedNamingIt() {
        TestClient client = new TestClient(mvc);
        String admin = client.signInAsAdmin().accessToken();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode paused = data(client.get("/api/twap/" + OPEN_PLAN + "/status", admin));
            assertThat(paused.get("state").asString()).as("%s", paused).isEqualTo("paused");
            assertThat(paused.get("reason").asString()).contains(OPEN_AT_EXCHANGE, "open at the exchange");
            JsonNode completed = data(client.get("/api/twap/" + FILLED_PLAN + "/status", admin));
            assertThat(completed.get("state").asString()).as("%s", completed).isEqualTo("completed");
        });

        JsonNode completed = data(client.get("/api/twap/" + FILLED_PLAN + "/status", admin));
        assertThat(completed.at("/progress/executed").decimalValue()).isEqualByComparingTo("0.002");
        JsonNode slices = data(client.get("/api/twap/" + FILLED_PLAN + "/slices", admin));
        assertThat(slices.valueStream().map(s -> s.get("slice").asInt() + " " + s.get("outcome").asString()).toList())
                .containsExactly("1 filled", "2 filled");
        assertThat(slices.get(1).get("detail").asString()).startsWith("settled after a restart")
                .contains(FILLED_AT_EXCHANGE + " filled 0.001");

        OrderRepository journal = new OrderRepository(JdbcClient.create(database()));
        SimOrder filled = SIMULATOR.orders().getFirst();
        StoredOrder filledRow = journal.find(FILLED_AT_EXCHANGE).orElseThrow();
        assertThat(filledRow.state()).isEqualTo(StoredOrder.FILLED);
        assertThat(filledRow.exchangeOrderId()).isEqualTo(Long.toString(filled.orderId()));
        assertThat(filledRow.filledQty()).isEqualByComparingTo(SLICE);
        assertThat(filledRow.avgPrice()).isEqualByComparingTo(filled.avgPrice());
        assertThat(filledRow.fee()).isPositive();
        StoredOrder openRow = journal.find(OPEN_AT_EXCHANGE).orElseThrow();
        assertThat(openRow.state()).isEqualTo(StoredOrder.ACCEPTED);
        assertThat(openRow.exchangeOrderId()).isEqualTo(Long.toString(SIMULATOR.orders().get(1).orderId()));

        assertThat(SIMULATOR.orders()).extracting(SimOrder::clientOrderId).as("nothing sent again, nothing new")
                .containsExactly(FILLED_AT_EXCHANGE, OPEN_AT_EXCHANGE);
        assertThat(SIMULATOR.duplicates()).isEmpty();
    }

    /**
     * At the exchange: plan 1's last order filled, plan 2's first resting. In the journal: plan 1
     * running with slice 1 done and slice 2 sending, plan 2 running with slice 1 sending, both
     * orders submitted (their answers never came).
     */
    private static void diedWithSlicesInFlight() {
        BigDecimal ask = SIMULATOR.replay().book(Market.SPOT, "BTCUSDT", 1).bestAsk();
        BigDecimal bound = ask.multiply(new BigDecimal("1.01")).setScale(2, RoundingMode.DOWN);
        BigDecimal below = ask.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.DOWN);
        BinanceTrading exchange = exchange();
        exchange.place(new OrderRequest(FILLED_AT_EXCHANGE, BinanceSimulator.SPOT_BTCUSDT, OrderSide.BUY, OrderType.LIMIT,
                TimeInForce.IOC, SLICE, bound));
        exchange.place(new OrderRequest(OPEN_AT_EXCHANGE, BinanceSimulator.SPOT_BTCUSDT, OrderSide.BUY, OrderType.LIMIT,
                TimeInForce.GTC, SLICE, below));

        DriverManagerDataSource db = database();
        long t = System.currentTimeMillis() - 60_000;
        TwapRepository plans = new TwapRepository(db);
        plans.insert(new StoredTwapPlan(FILLED_PLAN, "last slice in flight", LEGS, new BigDecimal("0.002"), SLICE, 1000, null,
                StoredTwapPlan.RUNNING, null, SLICE, 1, 3, 0, null, t, t, t + 1000, t + 1000));
        plans.insert(new StoredTwapPlan(OPEN_PLAN, "first slice in flight", LEGS, new BigDecimal("0.003"), SLICE, 1000, null,
                StoredTwapPlan.RUNNING, null, BigDecimal.ZERO, 0, 2, 0, null, t, t, t, t));
        plans.saveAll(List.of(), List.of(
                new StoredTwapSlice(FILLED_PLAN, 1, "twap1s1", SLICE, StoredTwapSlice.DONE, "filled", SLICE, new BigDecimal("0.06"),
                        null, "[]", "filled", t, t + 100),
                new StoredTwapSlice(FILLED_PLAN, 2, "twap1s2", SLICE, StoredTwapSlice.SENDING, null, BigDecimal.ZERO, null, null,
                        "[]", null, t + 1000, null),
                new StoredTwapSlice(OPEN_PLAN, 1, "twap2s1", SLICE, StoredTwapSlice.SENDING, null, BigDecimal.ZERO, null, null,
                        "[]", null, t, null)));
        OrderRepository orders = new OrderRepository(JdbcClient.create(db));
        orders.upsert(new StoredOrder("twap1s1a1", "twap1s1", "binance", "spot", "BTCUSDT", "buy", "limit", "ioc", SLICE, bound,
                StoredOrder.FILLED, "7999999999", SLICE, ask, new BigDecimal("0.06"), "USDT", null, null, t, t + 100));
        orders.upsert(submitted(FILLED_AT_EXCHANGE, "twap1s2", "ioc", bound, t + 1000));
        orders.upsert(submitted(OPEN_AT_EXCHANGE, "twap2s1", "gtc", below, t));
    }

    private static StoredOrder submitted(String id, String executionId, String timeInForce, BigDecimal price, long ts) {
        return new StoredOrder(id, executionId, "binance", "spot", "BTCUSDT", "buy", "limit", timeInForce, SLICE, price,
                StoredOrder.SUBMITTED, null, BigDecimal.ZERO, null, BigDecimal.ZERO, null, null, null, ts, ts);
    }

    /** The server's database file, with its schema (created on first use, as the first process left it). */
    private static DriverManagerDataSource database() {
        try {
            Files.createDirectories(DB.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DriverManagerDataSource db = new DriverManagerDataSource(Sqlite.url(DB.toAbsolutePath()));
        db.setConnectionProperties(Sqlite.connectionProperties());
        Flyway.configure().dataSource(db).load().migrate();
        return db;
    }

    private static BinanceTrading exchange() {
        BinanceEndpoints endpoints = new BinanceEndpoints(SIMULATOR.restBase(), SIMULATOR.restBase(), SIMULATOR.wsBase(),
                SIMULATOR.wsBase());
        return new BinanceTrading(new SignedRestClient(HttpClient.newHttpClient()), endpoints, ApiCredentials.of(KEY, SECRET),
                new ExchangeClock(Clock.systemUTC()), Duration.ofSeconds(5),
                new AccountLimiter(Venue.BINANCE, BinanceTrading.SPOT_LIMITS),
                new AccountLimiter(Venue.BINANCE, BinanceTrading.FUTURES_LIMITS));
    }
}

package io.crossbook.venues.trading;

import static io.crossbook.testkit.sim.binance.BinanceSimulator.USDM_BTCUSDT;
import static io.crossbook.testkit.sim.okx.OkxSimulator.SPOT_BTC_USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.ExecutionResult.Outcome;
import io.crossbook.core.exec.LegExecution.Leg;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.LoggedRequest;
import io.crossbook.testkit.sim.RequestKind;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.binance.BinanceSimulator;
import io.crossbook.testkit.sim.okx.OkxSimulator;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.MarketDataConnection;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.okx.OkxProtocol;
import io.crossbook.venues.okx.OkxTrading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 on OKX: the real adapters ({@link OkxTrading} under {@link LiveVenue} with its private
 * stream, and {@link OkxProtocol} under {@link MarketDataConnection}) against the OKX simulator, which
 * replays the recorded BTC-USDT spot book. The two-leg scenario is a spot/perpetual pair across
 * exchanges: BTC-USDT bought on OKX, BTCUSDT sold on the simulated Binance USDⓈ-M.
 */
class LiveOkxAgainstSimulatorTest {
    private static final String SYMBOL = "BTC-USDT";
    private static final BigDecimal QTY = new BigDecimal("0.010");
    private static final String PASSPHRASE = "scenario-passphrase";

    private ExchangeSimulator sim;
    private ExchangeSimulator binance;
    private LegScenario scenario;
    private MarketDataConnection connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        if (scenario != null) {
            scenario.close();
        }
        for (ExchangeSimulator s : new ExchangeSimulator[] {sim, binance}) {
            if (s != null) {
                s.close();
            }
        }
    }

    /** An IOC buy takes the replayed asks; the fills, fee in BTC at OKX's 0.1 % taker rate, add up to what the simulator booked. */
    @Test
    void anIocBuyFillsAgainstTheReplayedBook() {
        start(account("100000"));
        LiveVenue venue = scenario.venue(trading());

        ExecutionResult result = scenario.execute("okx1", buy(venue), null);

        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        SimAccount.Balance btc = sim.account(SimTrading.KEY).spotBalance("BTC");
        assertThat(btc.free()).as("0.01 BTC less the 0.1 %% fee taken in BTC").isEqualByComparingTo("0.00999");
        List<OrderEvent.Filled> fills = scenario.events.stream().filter(e -> e instanceof OrderEvent.Filled)
                .map(e -> (OrderEvent.Filled) e).toList();
        assertThat(fills.stream().map(OrderEvent.Filled::qty).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(QTY);
        assertThat(fills.stream().map(OrderEvent.Filled::fee).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0.00001");
        assertThat(sim.duplicates()).isEmpty();
        assertThat(scenario.alerts).isEmpty();
    }

    /** Too little USDT: OKX's sCode 51008 reaches the engine as INSUFFICIENT_FUNDS and nothing is booked. */
    @Test
    void tooLittleBalanceIsRefusedAsInsufficientFunds() {
        start(account("50"));
        LiveVenue venue = scenario.venue(trading());

        ExecutionResult result = scenario.execute("okx2", buy(venue), null);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.first().failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(scenario.events).filteredOn(e -> e instanceof OrderEvent.Rejected)
                .allSatisfy(e -> assertThat(((OrderEvent.Rejected) e).message()).contains("51008", "Insufficient USDT balance"));
        assertThat(sim.orders()).isEmpty();
    }

    /** The answer to the order is lost after OKX took it: the venue finds it by clOrdId and never sends it again. */
    @Test
    void aTimeoutAfterAcceptIsFoundByClientIdWithoutADuplicate() {
        start(account("100000"));
        LiveVenue venue = scenario.venue(trading());
        sim.faults().timeoutAfterAccept(1, Duration.ofSeconds(3));

        ExecutionResult result = scenario.execute("okx3", buy(venue), null);

        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        assertThat(scenario.submitted).extracting(OrderRequest::clientOrderId).containsExactly("okx3a1");
        assertThat(sim.acceptedOrders("okx3a1")).isOne();
        assertThat(sim.requests()).filteredOn(r -> r.kind() == RequestKind.PLACE_ORDER).extracting(LoggedRequest::status)
                .containsExactly(0);
        assertThat(sim.account(SimTrading.KEY).spotBalance("BTC").free()).isEqualByComparingTo("0.00999");
        assertThat(sim.duplicates()).isEmpty();
    }

    /** OKX refuses the spot leg for lack of USDT (and the retry): the perpetual sold on Binance is bought back, flat on both. */
    @Test
    void aRefusedSpotLegUnwindsThePerpetualToFlat() {
        start(account("50"));
        binance = BinanceSimulator.builder().account(new SimAccount(SimTrading.KEY, SimTrading.SECRET).futures("USDT", "100000")).start();
        binance.replay().stepUntilBooksReady();
        LiveVenue okx = scenario.venue(trading());
        LiveVenue perp = scenario.polledVenue(SimTrading.trading(binance));
        BigDecimal bid = binance.replay().book(Market.LINEAR, "BTCUSDT").bestBid();

        ExecutionResult result = scenario.execute("okx4", buy(okx), new Leg(perp, USDM_BTCUSDT, OrderSide.SELL, QTY, bid,
                bid.multiply(new BigDecimal("0.998")).setScale(1, RoundingMode.UP)));

        assertThat(result.outcome()).isEqualTo(Outcome.UNWOUND);
        assertThat(result.first().failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(binance.orders()).noneMatch(o -> o.status().isOpen()));
        assertThat(binance.account(SimTrading.KEY).position("BTCUSDT").qty()).as("the perpetual bought back").isZero();
        assertThat(sim.orders()).isEmpty();
        assertThat(sim.duplicates()).isEmpty();
        assertThat(binance.duplicates()).isEmpty();
        assertThat(scenario.alerts).isEmpty();
    }

    /**
     * The public adapter's book matches the simulator's level for level as the replay moves; a push
     * with a wrong checksum is never applied: the adapter resubscribes, takes the new snapshot and
     * matches again.
     */
    @Test
    void thePublicBookSyncsAndResyncsAfterABadChecksum() throws Exception {
        sim = OkxSimulator.builder().start();
        sim.replay().stepUntilBooksReady();
        connection = SimBooks.connect(new OkxProtocol(Market.SPOT, sim.restBase(), sim.wsBase().resolve("/ws/v5/public")), SYMBOL);
        awaitSameBook();

        sim.replay().step(20);
        awaitSameBook();
        assertThat(stats().checksumFailures()).isZero();
        assertThat(stats().checksumsVerified()).isPositive();

        sim.faults().corruptNextDepthMessages(1, "books:" + SYMBOL, text -> text.replaceFirst("\"checksum\":-?\\d+", "\"checksum\":12345"));
        sim.replay().step(20);
        await().atMost(Duration.ofSeconds(30)).until(() -> stats().resyncs() >= 1);
        awaitSameBook();
        assertThat(stats().checksumFailures()).isOne();

        sim.replay().playAll();
        awaitSameBook();
        assertThat(stats().checksumFailures()).isOne();
        assertThat(stats().gaps()).isZero();
    }

    // ---- the harness ----

    private void start(SimAccount account) {
        sim = OkxSimulator.builder().account(account).start();
        sim.replay().stepUntilBooksReady();
        scenario = new LegScenario();
    }

    private static SimAccount account(String usdt) {
        return new SimAccount(SimTrading.KEY, SimTrading.SECRET).passphrase(PASSPHRASE).spot("USDT", usdt);
    }

    private OkxTrading trading() {
        return new OkxTrading(new SignedRestClient(HttpClient.newHttpClient(), Duration.ofMillis(500)), sim.restBase(),
                sim.wsBase().resolve("/ws/v5/private"), new ApiCredentials(SimTrading.KEY, SimTrading.SECRET, PASSPHRASE),
                new ExchangeClock(Clock.systemUTC()), SimTrading.RECV_WINDOW, new AccountLimiter(Venue.OKX, OkxTrading.LIMITS));
    }

    /** Buy {@link #QTY} at most 0.2 % through the replayed ask, on the tick. */
    private Leg buy(LiveVenue venue) {
        BigDecimal ask = sim.replay().book(Market.SPOT, SYMBOL).bestAsk();
        return new Leg(venue, SPOT_BTC_USDT, OrderSide.BUY, QTY, ask, ask.multiply(new BigDecimal("1.002")).setScale(1, RoundingMode.DOWN));
    }

    private void awaitSameBook() {
        SimBooks.awaitSame(connection, sim, Market.SPOT, SYMBOL);
    }

    private FeedStats stats() throws Exception {
        return SimBooks.stats(connection);
    }
}

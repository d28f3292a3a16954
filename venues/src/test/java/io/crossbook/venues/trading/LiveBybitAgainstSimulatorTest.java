package io.crossbook.venues.trading;

import static io.crossbook.testkit.sim.bybit.BybitSimulator.LINEAR_XRPUSDT;
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
import io.crossbook.testkit.sim.bybit.BybitSimulator;
import io.crossbook.venues.bybit.BybitProtocol;
import io.crossbook.venues.bybit.BybitTrading;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.MarketDataConnection;
import io.crossbook.venues.common.SignedRestClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 on Bybit: the real adapters ({@link BybitTrading} under {@link LiveVenue} with its private
 * stream, and {@link BybitProtocol} under {@link MarketDataConnection}) against the Bybit simulator,
 * which replays the recorded XRPUSDT linear book. The recordings hold no second Bybit instrument, so
 * the two-leg scenario hedges between two accounts on that one perpetual.
 */
class LiveBybitAgainstSimulatorTest {
    private static final String SYMBOL = "XRPUSDT";
    private static final BigDecimal QTY = new BigDecimal("100");
    private static final String OTHER_KEY = "second-key";
    private static final String OTHER_SECRET = "second-secret";

    private ExchangeSimulator sim;
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
        if (sim != null) {
            sim.close();
        }
    }

    /** An IOC buy takes the replayed asks; the stream's fills add up to what the simulator booked, at Bybit's taker fee. */
    @Test
    void anIocBuyFillsAgainstTheReplayedBook() {
        start(rich(SimTrading.KEY, SimTrading.SECRET));
        LiveVenue venue = scenario.venue(trading(SimTrading.KEY, SimTrading.SECRET));
        BigDecimal ask = sim.replay().book(Market.LINEAR, SYMBOL).bestAsk();

        ExecutionResult result = scenario.execute("byb1", buy(venue), null);

        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        SimAccount.Position position = sim.account(SimTrading.KEY).position(SYMBOL);
        assertThat(position.qty()).isEqualByComparingTo(QTY);
        assertThat(position.entryPrice()).isGreaterThanOrEqualTo(ask);
        List<OrderEvent.Filled> fills = scenario.events.stream().filter(e -> e instanceof OrderEvent.Filled)
                .map(e -> (OrderEvent.Filled) e).toList();
        assertThat(fills.stream().map(OrderEvent.Filled::qty).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(QTY);
        BigDecimal notional = fills.stream().map(f -> f.qty().multiply(f.price())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(fills.stream().map(OrderEvent.Filled::fee).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("Bybit's 0.055 %% taker fee").isEqualByComparingTo(notional.multiply(new BigDecimal("0.00055")));
        assertThat(sim.duplicates()).isEmpty();
        assertThat(scenario.alerts).isEmpty();
    }

    /** Too little margin: Bybit's retCode 110007 reaches the engine as INSUFFICIENT_FUNDS, with Bybit's message, and nothing is booked. */
    @Test
    void tooLittleMarginIsRefusedAsInsufficientFunds() {
        start(new SimAccount(SimTrading.KEY, SimTrading.SECRET).futures("USDT", "10"));
        LiveVenue venue = scenario.venue(trading(SimTrading.KEY, SimTrading.SECRET));

        ExecutionResult result = scenario.execute("byb2", buy(venue), null);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.first().failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(scenario.events).filteredOn(e -> e instanceof OrderEvent.Rejected)
                .allSatisfy(e -> assertThat(((OrderEvent.Rejected) e).message()).contains("110007", "Insufficient available balance"));
        assertThat(sim.orders()).isEmpty();
        assertThat(sim.account(SimTrading.KEY).position(SYMBOL).qty()).isZero();
    }

    /** The answer to the order is lost after Bybit took it: the venue finds it by orderLinkId and never sends it again. */
    @Test
    void aTimeoutAfterAcceptIsFoundByClientIdWithoutADuplicate() {
        start(rich(SimTrading.KEY, SimTrading.SECRET));
        LiveVenue venue = scenario.venue(trading(SimTrading.KEY, SimTrading.SECRET));
        sim.faults().timeoutAfterAccept(1, Duration.ofSeconds(3));

        ExecutionResult result = scenario.execute("byb3", buy(venue), null);

        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        assertThat(scenario.submitted).extracting(OrderRequest::clientOrderId).containsExactly("byb3a1");
        assertThat(sim.acceptedOrders("byb3a1")).isOne();
        assertThat(sim.requests()).filteredOn(r -> r.kind() == RequestKind.PLACE_ORDER).extracting(LoggedRequest::status)
                .as("one order sent, its answer dropped").containsExactly(0);
        assertThat(sim.account(SimTrading.KEY).position(SYMBOL).qty()).isEqualByComparingTo(QTY);
        assertThat(sim.duplicates()).isEmpty();
    }

    /**
     * One account buys, the other cannot sell for lack of margin (refused, retried once, refused
     * again): the bought leg is sold back and both accounts end flat.
     */
    @Test
    void aRefusedLegUnwindsTheFilledOneToFlat() {
        start(rich(SimTrading.KEY, SimTrading.SECRET), new SimAccount(OTHER_KEY, OTHER_SECRET).futures("USDT", "10"));
        LiveVenue buyer = scenario.venue(trading(SimTrading.KEY, SimTrading.SECRET));
        LiveVenue seller = scenario.venue(trading(OTHER_KEY, OTHER_SECRET));
        BigDecimal bid = sim.replay().book(Market.LINEAR, SYMBOL).bestBid();

        ExecutionResult result = scenario.execute("byb4", buy(buyer), new Leg(seller, LINEAR_XRPUSDT, OrderSide.SELL, QTY, bid,
                bid.multiply(new BigDecimal("0.998")).setScale(4, RoundingMode.UP)));

        assertThat(result.outcome()).isEqualTo(Outcome.UNWOUND);
        assertThat(result.second().failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(scenario.submitted).extracting(OrderRequest::clientOrderId).contains("byb4au1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sim.orders()).noneMatch(o -> o.status().isOpen()));
        assertThat(sim.account(SimTrading.KEY).position(SYMBOL).qty()).as("the buyer sold back").isZero();
        assertThat(sim.account(OTHER_KEY).position(SYMBOL).qty()).isZero();
        assertThat(sim.duplicates()).isEmpty();
        assertThat(scenario.alerts).isEmpty();
    }

    /**
     * The public adapter subscribes {@code orderbook.200} (the recording is {@code orderbook.500}) and its
     * book matches the simulator's level for level as the replay moves; a delta dropped on its topic is
     * a gap in {@code u}: it resubscribes, takes the new snapshot and matches again, never having
     * applied a delta across the gap.
     */
    @Test
    void thePublicBookSyncsAndResyncsAfterAGap() throws Exception {
        sim = BybitSimulator.builder().start();
        sim.replay().stepUntilBooksReady();
        connection = SimBooks.connect(new BybitProtocol(Market.LINEAR, sim.restBase(), sim.wsBase()), SYMBOL);
        awaitSameBook();

        sim.replay().step(10);
        awaitSameBook();
        assertThat(stats().gaps()).isZero();

        sim.faults().dropNextDepthMessages(1, "orderbook.200." + SYMBOL);
        sim.replay().step(10);
        await().atMost(Duration.ofSeconds(30)).until(() -> stats().resyncs() >= 1);
        awaitSameBook();
        assertThat(stats().gaps()).isOne();

        sim.replay().playAll();
        awaitSameBook();
        assertThat(stats().gaps()).isOne();
    }

    // ---- the harness ----

    private void start(SimAccount... accounts) {
        ExchangeSimulator.Builder builder = BybitSimulator.builder();
        for (SimAccount account : accounts) {
            builder.account(account);
        }
        sim = builder.start();
        sim.replay().stepUntilBooksReady();
        scenario = new LegScenario();
    }

    private static SimAccount rich(String key, String secret) {
        return new SimAccount(key, secret).futures("USDT", "100000");
    }

    private BybitTrading trading(String key, String secret) {
        return new BybitTrading(new SignedRestClient(HttpClient.newHttpClient(), Duration.ofMillis(500)), sim.restBase(),
                sim.wsBase().resolve("/v5/private"), ApiCredentials.of(key, secret), new ExchangeClock(Clock.systemUTC()),
                SimTrading.RECV_WINDOW, new AccountLimiter(Venue.BYBIT, BybitTrading.LIMITS),
                id -> id.equals(LINEAR_XRPUSDT.id()) ? LINEAR_XRPUSDT : null);
    }

    /** Buy {@link #QTY} at most 0.2 % through the replayed ask, on the tick. */
    private Leg buy(LiveVenue venue) {
        BigDecimal ask = sim.replay().book(Market.LINEAR, SYMBOL).bestAsk();
        return new Leg(venue, LINEAR_XRPUSDT, OrderSide.BUY, QTY, ask, ask.multiply(new BigDecimal("1.002")).setScale(4, RoundingMode.DOWN));
    }

    private void awaitSameBook() {
        SimBooks.awaitSame(connection, sim, Market.LINEAR, SYMBOL);
    }

    private FeedStats stats() throws Exception {
        return SimBooks.stats(connection);
    }
}

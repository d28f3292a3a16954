package io.crossbook.venues.trading;

import static io.crossbook.testkit.sim.binance.BinanceSimulator.SPOT_BTCUSDT;
import static io.crossbook.testkit.sim.binance.BinanceSimulator.USDM_BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.ExecutionResult.Outcome;
import io.crossbook.core.exec.LegExecution;
import io.crossbook.core.exec.LegExecution.Leg;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimOrder;
import io.crossbook.testkit.sim.binance.BinanceSimulator;
import io.crossbook.venues.binance.BinanceTrading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, leg failures: a spot/perpetual execution (buy 0.01 BTC on Binance spot, sell 0.01 on
 * USDⓈ-M) runs through {@link LegExecution} and two {@link LiveVenue}s over one real
 * {@link BinanceTrading}, against the Binance simulator with a fault armed. Whatever fails, the
 * execution ends hedged or flat within {@link LegScenario#BOUND}, as the simulator's own book-keeping shows,
 * and no client order id is ever accepted twice. The private stream stays closed: the venues learn
 * order state over REST, polled every 50 ms.
 */
class LiveAgainstSimulatorLegsTest {
    static final BigDecimal QTY = new BigDecimal("0.010");

    private ExchangeSimulator sim;
    private LegScenario scenario;

    @AfterEach
    void stop() {
        if (scenario != null) {
            scenario.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    /** The execution with nothing armed: both legs fill in full. */
    @Test
    void bothLegsFill() {
        start(richAccount());

        ExecutionResult result = execute();

        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        assertThat(result.hedgedBaseQty()).isEqualByComparingTo(QTY);
        assertHedged(QTY);
    }

    /** Spot has too little USDT for the buy: the refused leg is retried once, refused again, and the sold perpetual is bought back. */
    @Test
    void aLegRefusedForInsufficientBalanceUnwindsTheOtherToFlat() {
        start(new SimAccount(SimTrading.KEY, SimTrading.SECRET).spot("USDT", "50").spot("BTC", "1").futures("USDT", "100000"));

        ExecutionResult result = execute();

        assertThat(result.outcome()).isEqualTo(Outcome.UNWOUND);
        assertThat(result.first().success()).isFalse();
        assertThat(result.first().failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(result.hedgedBaseQty()).isZero();
        assertThat(scenario.submitted).extracting(OrderRequest::clientOrderId).contains("scen1bu1");
        assertHedged(BigDecimal.ZERO);
        assertThat(sim.account(SimTrading.KEY).position("BTCUSDT").qty()).as("the perpetual is flat again").isZero();
    }

    /** The simulator's own refusal fault (-2010) on whichever leg is placed first: still hedged or flat. */
    @Test
    void anInjectedRefusalEndsHedgedOrFlat() {
        start(richAccount());
        sim.faults().rejectNextOrders(1, "-2010", "Account has insufficient balance for requested action.");

        ExecutionResult result = execute();

        assertThat(result.outcome()).isIn(Outcome.FILLED, Outcome.UNWOUND);
        assertThat(scenario.events).filteredOn(e -> e instanceof OrderEvent.Rejected).hasSize(1);
        assertHedged(result.hedgedBaseQty());
    }

    /** Half of one leg fills and the rest expires: the short leg is retried for the missing half, and both legs end at 0.01. */
    @Test
    void aPartialFillIsRetriedToHedged() {
        start(richAccount());
        sim.faults().partialFill(1, new BigDecimal("0.5"));

        ExecutionResult result = execute();

        assertThat(result.outcome()).isIn(Outcome.FILLED, Outcome.HEDGED_PARTIAL, Outcome.UNWOUND);
        assertThat(scenario.submitted).as("a retry or an unwind was sent").hasSizeGreaterThan(2);
        assertThat(sim.orders()).anyMatch(o -> o.status() == SimOrder.Status.EXPIRED
                && o.executedQty().compareTo(new BigDecimal("0.005")) == 0);
        assertHedged(result.hedgedBaseQty());
    }

    /** One place answer is lost after the exchange took the order: the venue finds it by its client id, never re-sends it, and the legs end hedged. */
    @Test
    void aTimeoutAfterAcceptIsFoundByClientIdAndEndsHedged() {
        start(richAccount());
        sim.faults().timeoutAfterAccept(1, Duration.ofSeconds(3));

        ExecutionResult result = execute();

        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        assertThat(scenario.submitted).as("nothing sent in place of the lost answer").hasSize(2);
        assertThat(sim.acceptedOrders("scen1a1")).isOne();
        assertThat(sim.acceptedOrders("scen1b1")).isOne();
        assertHedged(QTY);
    }

    /** Both place answers are lost: both orders are found by their client ids and the execution fills. */
    @Test
    void bothLegsTimingOutAfterAcceptEndHedged() {
        start(richAccount());
        sim.faults().timeoutAfterAccept(2, Duration.ofSeconds(3));

        ExecutionResult result = execute();

        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        assertThat(scenario.submitted).hasSize(2);
        assertThat(sim.acceptedOrders("scen1a1")).isOne();
        assertThat(sim.acceptedOrders("scen1b1")).isOne();
        assertHedged(QTY);
    }

    // ---- the harness ----

    private static SimAccount richAccount() {
        return new SimAccount(SimTrading.KEY, SimTrading.SECRET).spot("USDT", "100000").spot("BTC", "1").futures("USDT", "100000");
    }

    private LiveVenue spotVenue;
    private LiveVenue perpVenue;

    private void start(SimAccount account) {
        sim = BinanceSimulator.builder().account(account).start();
        sim.replay().stepUntilBooksReady();
        scenario = new LegScenario();
        BinanceTrading trading = SimTrading.trading(sim);
        spotVenue = scenario.polledVenue(trading);
        perpVenue = scenario.polledVenue(trading);
    }

    /** Runs the execution and waits (at most {@link LegScenario#BOUND}) for its result. */
    private ExecutionResult execute() {
        BigDecimal ask = sim.replay().book(Market.SPOT, "BTCUSDT").bestAsk();
        BigDecimal bid = sim.replay().book(Market.LINEAR, "BTCUSDT").bestBid();
        // The limits: 0.2 % through the touch, on the tick (the slippage bound is wider, the worst price binds).
        Leg buy = new Leg(spotVenue, SPOT_BTCUSDT, OrderSide.BUY, QTY, ask,
                ask.multiply(new BigDecimal("1.002")).setScale(2, RoundingMode.DOWN));
        Leg sell = new Leg(perpVenue, USDM_BTCUSDT, OrderSide.SELL, QTY, bid,
                bid.multiply(new BigDecimal("0.998")).setScale(1, RoundingMode.UP));
        return scenario.execute("scen1", buy, sell);
    }

    /** The simulator booked {@code hedged} on each leg: the base bought on spot equals the base sold on the perpetual, nothing doubled. */
    private void assertHedged(BigDecimal hedged) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sim.orders()).noneMatch(o -> o.status().isOpen()));
        BigDecimal spot = SimTrading.netFilled(sim, Market.SPOT);
        BigDecimal perp = SimTrading.netFilled(sim, Market.LINEAR);
        assertThat(spot.add(perp)).as("net base over both legs at the simulator (spot %s, perpetual %s)", spot, perp).isZero();
        assertThat(spot).as("spot bought").isEqualByComparingTo(hedged);
        assertThat(sim.account(SimTrading.KEY).position("BTCUSDT").qty()).as("the simulator's perpetual position")
                .isEqualByComparingTo(hedged.negate());
        assertThat(sim.duplicates()).isEmpty();
        assertThat(SimTrading.eachAcceptedOnce(sim)).as("each client order id accepted at most once").isTrue();
        assertThat(scenario.alerts).isEmpty();
    }
}

package io.crossbook.core.exec;

import static io.crossbook.core.exec.ManualScheduler.T0;
import static io.crossbook.core.exec.TestInstruments.BINANCE_SPOT;
import static io.crossbook.core.exec.TestInstruments.BYBIT_PERP;
import static io.crossbook.core.exec.TestMarket.bookOf;
import static io.crossbook.core.model.OrderSide.BUY;
import static io.crossbook.core.model.OrderSide.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.exec.LegExecution.Leg;
import io.crossbook.core.exec.ExecutionResult.Outcome;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Buys 0.5 BTC on Binance spot (expected 62000, 10 bp fee) and sells 0.5 on the Bybit perpetual
 * (expected 62200, 5.5 bp fee) through paper venues 10 ms away. With 10 bp slippage the limits are
 * 62062 for the buy and 62137.8 for the sell.
 */
class LegExecutionTest {
    static final String ID = "arb20250615x0001";
    static final long T0_MS = T0 / 1_000_000;
    static final Duration LATENCY = Duration.ofMillis(10);

    final ManualScheduler time = new ManualScheduler();
    final TestMarket market = new TestMarket();
    final Recorder recorder = new Recorder();
    final PaperAccount spot = account(Venue.BINANCE, "100000");
    final PaperAccount perp = account(Venue.BYBIT, "100000");
    ExecutionPolicy policy = new ExecutionPolicy(dec("0.001"), Duration.ofMillis(200), Duration.ofSeconds(1), 2);

    {
        market.show(bookOf(BINANCE_SPOT).bid("61990.00", "1").ask("62000.00", "0.3").ask("62001.00", "0.5").build());
        market.show(bookOf(BYBIT_PERP).bid("62200.0", "0.2").bid("62190.0", "1").ask("62210.0", "1").build());
    }

    /** What the server would persist: every order sent, every event, the result. */
    static final class Recorder implements ExecutionListener {
        final List<OrderRequest> submitted = new ArrayList<>();
        final List<Long> submittedTs = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final List<ExecutionResult> results = new ArrayList<>();

        @Override
        public void orderSubmitted(String executionId, OrderRequest order, long ts) {
            submitted.add(order);
            submittedTs.add(ts - T0_MS);
        }

        @Override
        public void orderEvent(String executionId, OrderRequest order, OrderEvent event) {
            events.add(EventLog.render(event));
        }

        @Override
        public void finished(ExecutionResult result) {
            results.add(result);
        }

        ExecutionResult result() {
            assertThat(results).hasSize(1);
            return results.getFirst();
        }

        List<String> ids() {
            return submitted.stream().map(OrderRequest::clientOrderId).toList();
        }
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static PaperAccount account(Venue venue, String usdt) {
        return new PaperAccount(venue, Map.of("USDT", dec(usdt)), BigDecimal.ONE);
    }

    PaperVenue paper(PaperAccount account, String takerRate, Duration latency) {
        return new PaperVenue(account.venue(), account, market, time, time, id -> dec(takerRate), latency);
    }

    Leg buySpot(PaperVenue venue) {
        return new Leg(venue, BINANCE_SPOT, BUY, dec("0.5"), dec("62000.00"));
    }

    Leg sellPerp(PaperVenue venue) {
        return new Leg(venue, BYBIT_PERP, SELL, dec("0.5"), dec("62200.0"));
    }

    LegExecution start(Leg first, Leg second) {
        LegExecution execution = new LegExecution(ID, first, second, policy, time, time, recorder);
        execution.start();
        return execution;
    }

    LegExecution startDefault() {
        return start(buySpot(paper(spot, "0.001", LATENCY)), sellPerp(paper(perp, "0.00055", LATENCY)));
    }

    @Test
    void bothLegsGoOutAtOnceAsLimitIocOrdersAtTheSlippageBoundAndFill() {
        LegExecution execution = startDefault();

        assertThat(recorder.ids()).containsExactly(ID + "a1", ID + "b1");
        assertThat(recorder.submittedTs).containsExactly(0L, 0L);
        assertThat(recorder.events).as("both sent before either hears back").isEmpty();
        assertThat(recorder.submitted).allSatisfy(o -> {
            assertThat(o.type()).isEqualTo(OrderType.LIMIT);
            assertThat(o.timeInForce()).isEqualTo(TimeInForce.IOC);
            assertThat(o.qty()).isEqualByComparingTo("0.5");
        });
        assertThat(recorder.submitted.get(0).limitPrice()).isEqualByComparingTo("62062");
        assertThat(recorder.submitted.get(1).limitPrice()).isEqualByComparingTo("62137.8");
        assertThat(execution.state()).isEqualTo(LegExecution.State.WORKING);

        time.advanceTo(LATENCY);

        ExecutionResult result = recorder.result();
        assertThat(execution.state()).isEqualTo(LegExecution.State.DONE);
        assertThat(execution.result()).isSameAs(result);
        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        assertThat(result.hedgedBaseQty()).isEqualByComparingTo("0.5");
        assertThat(result.residualBaseQty()).isZero();
        // buy 0.3 @ 62000 + 0.2 @ 62001 = 31000.2, fees 31.0002
        assertThat(result.first().averagePrice()).isEqualByComparingTo("62000.4");
        assertThat(result.first().fees()).isEqualByComparingTo("31.0002");
        // sell 0.2 @ 62200 + 0.3 @ 62190 = 31097, fees 6.842 + 10.26135
        assertThat(result.second().averagePrice()).isEqualByComparingTo("62194");
        assertThat(result.second().fees()).isEqualByComparingTo("17.10335");
        assertThat(result.fees()).isEqualByComparingTo("48.10355");
        // 31097 - 31000.2 - 48.10355
        assertThat(result.pnl()).isEqualByComparingTo("48.69645");
        assertThat(result.first().clientOrderIds()).containsExactly(ID + "a1");
        assertThat(result.second().clientOrderIds()).containsExactly(ID + "b1");
        assertThat(result.first().exchangeOrderId()).isEqualTo("paper-1");
        assertThat(result.first().success()).isTrue();
        assertThat(result.second().success()).isTrue();
        assertThat(result.second().failureCode()).isNull();
        assertThat(result.startedTs()).isEqualTo(T0_MS);
        assertThat(result.finishedTs()).isEqualTo(T0_MS + 10);
        assertThat(result.detail()).isEqualTo("both legs filled 0.5");
        assertThat(spot.free("BTC")).isEqualByComparingTo("0.5");
        assertThat(perp.positions().get(BYBIT_PERP.id())).isEqualByComparingTo("-0.5");
    }

    @Test
    void whenOneLegIsRejectedTheOthersFillIsUnwoundToFlatWithoutReusingAnyClientOrderId() {
        PaperAccount poor = account(Venue.BYBIT, "1000");
        start(buySpot(paper(spot, "0.001", LATENCY)), sellPerp(paper(poor, "0.00055", LATENCY)));
        time.advanceTo(Duration.ofSeconds(2));

        ExecutionResult result = recorder.result();
        assertThat(result.outcome()).isEqualTo(Outcome.UNWOUND);
        assertThat(recorder.ids()).containsExactly(ID + "a1", ID + "b1", ID + "b2", ID + "b3", ID + "au1")
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[A-Za-z0-9]{1,32}"));
        OrderRequest unwind = recorder.submitted.getLast();
        assertThat(unwind.side()).isEqualTo(SELL);
        assertThat(unwind.type()).isEqualTo(OrderType.MARKET);
        assertThat(unwind.qty()).isEqualByComparingTo("0.5");
        assertThat(result.first().filledBaseQty()).isZero();
        assertThat(result.second().filledBaseQty()).isZero();
        assertThat(result.hedgedBaseQty()).isZero();
        assertThat(result.residualBaseQty()).isZero();
        assertThat(result.second().failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(result.second().success()).isFalse();
        // bought 31000.2 and sold 0.5 @ 61990 = 30995; fees 31.0002 + 30.995
        assertThat(result.pnl()).isEqualByComparingTo("-67.1952");
        assertThat(spot.free("BTC")).isZero();
        assertThat(spot.free("USDT")).isEqualByComparingTo("99932.8048");
        assertThat(result.finishedTs()).isEqualTo(T0_MS + 20);
    }

    @Test
    void aPartialFillOnOneLegIsRetriedForTheRestAndThenBothAreFilled() {
        market.show(bookOf(BYBIT_PERP).bid("62200.0", "0.2").ask("62210.0", "1").build());
        LegExecution execution = startDefault();
        time.advanceTo(LATENCY);

        assertThat(execution.state()).isEqualTo(LegExecution.State.HEDGING);
        assertThat(recorder.submitted.getLast().clientOrderId()).isEqualTo(ID + "b2");
        assertThat(recorder.submitted.getLast().qty()).isEqualByComparingTo("0.3");
        market.show(bookOf(BYBIT_PERP).bid("62150.0", "1").ask("62160.0", "1").build());
        time.advanceTo(Duration.ofMillis(20));

        ExecutionResult result = recorder.result();
        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        assertThat(result.second().clientOrderIds()).containsExactly(ID + "b1", ID + "b2");
        assertThat(result.second().filledBaseQty()).isEqualByComparingTo("0.5");
        // (0.2 × 62200 + 0.3 × 62150) / 0.5
        assertThat(result.second().averagePrice()).isEqualByComparingTo("62170");
        assertThat(result.second().fees()).isEqualByComparingTo("17.09675");
        assertThat(perp.positions().get(BYBIT_PERP.id())).isEqualByComparingTo("-0.5");
    }

    @Test
    void aLegStillOpenAtItsTimeoutIsCancelledAndItsLateFillStillCounts() {
        LegExecution execution = start(buySpot(paper(spot, "0.001", LATENCY)),
                sellPerp(paper(perp, "0.00055", Duration.ofMillis(500))));
        time.advanceTo(Duration.ofMillis(300));

        assertThat(execution.state()).isEqualTo(LegExecution.State.WORKING);
        time.advanceTo(Duration.ofSeconds(2));

        ExecutionResult result = recorder.result();
        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        assertThat(result.finishedTs()).isEqualTo(T0_MS + 500);
        assertThat(result.detail()).isEqualTo("both legs filled 0.5; " + ID + "b1 still open after 200 ms: cancel sent");
        assertThat(recorder.ids()).containsExactly(ID + "a1", ID + "b1");
        assertThat(recorder.events).filteredOn(e -> e.startsWith(ID + "b1")).containsExactly(
                ID + "b1 accepted paper-1 at +0ms",
                ID + "b1 filled 0.2 @ 62200 fee 6.842 USDT at +500ms",
                ID + "b1 filled 0.3 @ 62190 fee 10.26135 USDT at +500ms",
                ID + "b1 closed 0.5: filled at +500ms");
    }

    @Test
    void retriesNeverChaseThePriceBeyondTheSlippageBoundAndTheExcessIsThenUnwound() {
        market.show(bookOf(BYBIT_PERP).bid("62200.0", "0.2").ask("62210.0", "1").build());
        startDefault();
        time.advanceTo(LATENCY);
        market.show(bookOf(BYBIT_PERP).bid("62100.0", "5").ask("62110.0", "5").build()); // fell below 62137.8
        time.advanceTo(Duration.ofSeconds(2));

        ExecutionResult result = recorder.result();
        assertThat(result.outcome()).isEqualTo(Outcome.UNWOUND);
        assertThat(recorder.submitted).filteredOn(o -> o.instrument().equals(BYBIT_PERP))
                .extracting(OrderRequest::clientOrderId).containsExactly(ID + "b1", ID + "b2", ID + "b3");
        assertThat(recorder.submitted).filteredOn(o -> o.instrument().equals(BYBIT_PERP))
                .allSatisfy(o -> assertThat(o.limitPrice()).isEqualByComparingTo("62137.8"));
        assertThat(recorder.events).contains(
                ID + "b2 closed 0: remaining 0.3 cancelled: limit reached at +20ms",
                ID + "b3 closed 0: remaining 0.3 cancelled: limit reached at +30ms",
                ID + "au1 filled 0.3 @ 61990 fee 18.597 USDT at +40ms");
        assertThat(result.hedgedBaseQty()).isEqualByComparingTo("0.2");
        assertThat(result.first().filledBaseQty()).isEqualByComparingTo("0.2");
        assertThat(result.second().filledBaseQty()).isEqualByComparingTo("0.2");
        assertThat(result.first().clientOrderIds()).containsExactly(ID + "a1", ID + "au1");
        // -31000.2 + 0.3 × 61990 + 0.2 × 62200 - fees (31.0002 + 18.597 + 6.842)
        assertThat(result.pnl()).isEqualByComparingTo("-19.6392");
        assertThat(result.detail()).isEqualTo("hedged 0.2 of 0.5, the excess unwound; " + ID + "au1 unwinds 0.3 after 2 retries");
        assertThat(spot.free("BTC")).isEqualByComparingTo("0.2");
    }

    @Test
    void whenTheUnwindItselfIsRejectedTheOpenExcessIsReportedAsImbalanced() {
        policy = new ExecutionPolicy(dec("0.001"), Duration.ofMillis(200), Duration.ofSeconds(1), 0);
        market.show(bookOf(BYBIT_PERP).bid("62100.0", "5").ask("62110.0", "5").build());
        start(buySpot(paper(spot, "0.001", LATENCY)), sellPerp(paper(perp, "0.00055", Duration.ofMillis(50))));
        time.advanceTo(Duration.ofMillis(30));
        market.show(bookOf(BINANCE_SPOT).bid("61990.00", "1").ask("62000.00", "1").invalid()); // the feed drops
        time.advanceTo(Duration.ofSeconds(2));

        ExecutionResult result = recorder.result();
        assertThat(result.outcome()).isEqualTo(Outcome.IMBALANCED);
        assertThat(result.residualBaseQty()).isEqualByComparingTo("0.5");
        assertThat(result.hedgedBaseQty()).isZero();
        assertThat(result.first().filledBaseQty()).isEqualByComparingTo("0.5");
        assertThat(result.first().failureCode()).isEqualTo("EXCHANGE_UNAVAILABLE");
        assertThat(result.first().failureMessage()).isEqualTo("no valid book for binance:spot:BTCUSDT");
        assertThat(result.detail()).startsWith("IMBALANCED: 0.5 BTC left open, unwinding failed; ");
        assertThat(recorder.ids()).containsExactly(ID + "a1", ID + "b1", ID + "au1");
        assertThat(spot.free("BTC")).isEqualByComparingTo("0.5");
    }

    @Test
    void equalPartialFillsAreHedgedPartiallyWithoutRetries() {
        market.show(bookOf(BINANCE_SPOT).bid("61990.00", "1").ask("62000.00", "0.3").build());
        market.show(bookOf(BYBIT_PERP).bid("62200.0", "0.3").ask("62210.0", "1").build());
        startDefault();
        time.advanceTo(Duration.ofSeconds(2));

        ExecutionResult result = recorder.result();
        assertThat(result.outcome()).isEqualTo(Outcome.HEDGED_PARTIAL);
        assertThat(result.hedgedBaseQty()).isEqualByComparingTo("0.3");
        assertThat(result.first().success()).isFalse();
        assertThat(recorder.ids()).containsExactly(ID + "a1", ID + "b1");
        assertThat(result.detail()).isEqualTo("hedged 0.3 of 0.5");
    }

    @Test
    void whenNeitherLegFillsTheExecutionFailsWithNothingToPay() {
        market.show(bookOf(BINANCE_SPOT).bid("62090.00", "1").ask("62100.00", "1").build());
        market.show(bookOf(BYBIT_PERP).bid("62100.0", "1").ask("62110.0", "1").build());
        startDefault();
        time.advanceTo(Duration.ofSeconds(2));

        ExecutionResult result = recorder.result();
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.first().averagePrice()).isNull();
        assertThat(result.pnl()).isZero();
        assertThat(result.fees()).isZero();
        assertThat(recorder.ids()).containsExactly(ID + "a1", ID + "b1");
    }

    @Test
    void aDifferenceBelowBothLotsIsReportedAsResidualNotTraded() {
        Instrument coarseSpot = new Instrument(Venue.BINANCE, Market.SPOT, "BTCUSDT", "BTC", "USDT",
                dec("0.01"), dec("0.002"), dec("0.002"), BigDecimal.ZERO, BigDecimal.ONE);
        Instrument contracts = new Instrument(Venue.BYBIT, Market.LINEAR, "BTCUSDT", "BTC", "USDT",
                dec("0.1"), dec("5"), dec("5"), BigDecimal.ZERO, dec("0.001"));
        market.show(bookOf(coarseSpot).bid("61990.00", "1").ask("62000.00", "1").build());
        market.show(bookOf(contracts).bid("62200.0", "5").ask("62210.0", "50").build()); // 5 contracts: 0.005 BTC
        policy = new ExecutionPolicy(dec("0.001"), Duration.ofMillis(200), Duration.ofSeconds(1), 0);
        start(new Leg(paper(spot, "0.001", LATENCY), coarseSpot, BUY, dec("0.01"), dec("62000")),
                new Leg(paper(perp, "0.00055", LATENCY), contracts, SELL, dec("0.01"), dec("62200")));
        time.advanceTo(Duration.ofSeconds(2));

        ExecutionResult result = recorder.result();
        assertThat(recorder.submitted.get(1).qty()).as("0.01 BTC in contracts").isEqualByComparingTo("10");
        assertThat(recorder.submitted.getLast().qty()).as("0.005 rounded down to lots of 0.002")
                .isEqualByComparingTo("0.004");
        assertThat(result.outcome()).isEqualTo(Outcome.UNWOUND);
        assertThat(result.first().filledBaseQty()).isEqualByComparingTo("0.006");
        assertThat(result.second().filledBaseQty()).isEqualByComparingTo("0.005");
        assertThat(result.residualBaseQty()).isEqualByComparingTo("0.001");
        assertThat(result.detail()).startsWith("hedged 0.005 of 0.01, the excess unwound; "
                + "residual 0.001 left unhedged: too small for a lot");
    }

    // ---- a single leg (no second) ----

    @Test
    void aSingleLegGoesOutAloneAndFilledItsPnlIsItsCashFlowLessFees() {
        LegExecution execution = start(buySpot(paper(spot, "0.001", LATENCY)), null);
        assertThat(recorder.ids()).containsExactly(ID + "a1");
        assertThat(recorder.submitted.getFirst().limitPrice()).isEqualByComparingTo("62062");
        time.advanceTo(LATENCY);

        ExecutionResult result = recorder.result();
        assertThat(execution.state()).isEqualTo(LegExecution.State.DONE);
        assertThat(result.outcome()).isEqualTo(Outcome.FILLED);
        assertThat(result.second()).isNull();
        assertThat(result.hedgedBaseQty()).isEqualByComparingTo("0.5");
        assertThat(result.residualBaseQty()).isZero();
        assertThat(result.first().clientOrderIds()).containsExactly(ID + "a1");
        assertThat(result.first().success()).isTrue();
        // buy 0.3 @ 62000 + 0.2 @ 62001 = 31000.2, fees 31.0002
        assertThat(result.first().averagePrice()).isEqualByComparingTo("62000.4");
        assertThat(result.fees()).isEqualByComparingTo("31.0002");
        assertThat(result.pnl()).isEqualByComparingTo("-31031.2002");
        assertThat(result.detail()).isEqualTo("filled 0.5");
        assertThat(result.finishedTs()).isEqualTo(T0_MS + 10);
        assertThat(spot.free("BTC")).isEqualByComparingTo("0.5");
    }

    @Test
    void aSingleLegThatFillsShortIsPartialAndNeverRetried() {
        // 0.2 @ 62200, then 62100: below the sell's limit 62200 × 0.999 = 62137.8
        market.show(bookOf(BYBIT_PERP).bid("62200.0", "0.2").bid("62100.0", "1").ask("62210.0", "1").build());
        start(sellPerp(paper(perp, "0.00055", LATENCY)), null);
        time.advanceTo(Duration.ofSeconds(10));

        ExecutionResult result = recorder.result();
        assertThat(result.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(result.second()).isNull();
        assertThat(recorder.ids()).containsExactly(ID + "a1");
        assertThat(result.hedgedBaseQty()).isEqualByComparingTo("0.2");
        assertThat(result.residualBaseQty()).isZero();
        assertThat(result.first().filledBaseQty()).isEqualByComparingTo("0.2");
        assertThat(result.first().success()).isFalse();
        // sold 0.2 @ 62200 = 12440, fee 6.842
        assertThat(result.pnl()).isEqualByComparingTo("12433.158");
        assertThat(result.detail()).isEqualTo("filled 0.2 of 0.5");
        assertThat(perp.positions().get(BYBIT_PERP.id())).isEqualByComparingTo("-0.2");
    }

    @Test
    void aSingleLegRejectedFailsWithItsRejectionAndNothingToPay() {
        start(buySpot(paper(account(Venue.BINANCE, "1000"), "0.001", LATENCY)), null);
        time.advanceTo(Duration.ofSeconds(10));

        ExecutionResult result = recorder.result();
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.second()).isNull();
        assertThat(recorder.ids()).containsExactly(ID + "a1");
        assertThat(result.hedgedBaseQty()).isZero();
        assertThat(result.first().failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(result.first().averagePrice()).isNull();
        assertThat(result.fees()).isZero();
        assertThat(result.pnl()).isZero();
        assertThat(result.detail()).startsWith("nothing filled; " + ID + "a1 rejected: INSUFFICIENT_FUNDS ");
        assertThat(result.finishedTs()).isEqualTo(T0_MS);
    }

    @Test
    void aLegsWorstPriceCapsItsIocLimitBeyondTheSlippageBound() {
        PaperVenue binance = paper(spot, "0.001", LATENCY);
        PaperVenue bybit = paper(perp, "0.00055", LATENCY);
        BigDecimal slippage = policy.slippage();
        // buy: min(62000 × 1.001 = 62062, worst)
        assertThat(new Leg(binance, BINANCE_SPOT, BUY, dec("0.5"), dec("62000"), dec("62030"))
                .entryOrder("x", dec("0.5"), slippage).limitPrice()).isEqualByComparingTo("62030");
        assertThat(new Leg(binance, BINANCE_SPOT, BUY, dec("0.5"), dec("62000"), dec("62100"))
                .entryOrder("x", dec("0.5"), slippage).limitPrice()).isEqualByComparingTo("62062");
        // sell: max(62200 × 0.999 = 62137.8, worst)
        assertThat(new Leg(bybit, BYBIT_PERP, SELL, dec("0.5"), dec("62200"), dec("62150"))
                .entryOrder("x", dec("0.5"), slippage).limitPrice()).isEqualByComparingTo("62150");
        assertThat(new Leg(bybit, BYBIT_PERP, SELL, dec("0.5"), dec("62200"), dec("62100"))
                .entryOrder("x", dec("0.5"), slippage).limitPrice()).isEqualByComparingTo("62137.8");

        // the cap holds at the venue: 62001 is within the slippage bound but beyond the worst price
        start(new Leg(binance, BINANCE_SPOT, BUY, dec("0.5"), dec("62000.4"), dec("62000.50")), null);
        assertThat(recorder.submitted.getFirst().limitPrice()).isEqualByComparingTo("62000.5");
        time.advanceTo(LATENCY);
        ExecutionResult result = recorder.result();
        assertThat(result.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(result.first().filledBaseQty()).isEqualByComparingTo("0.3");
        assertThat(result.first().averagePrice()).isEqualByComparingTo("62000");
    }

    @Test
    void badInputIsRefusedNamingTheFieldBeforeAnythingIsSent() {
        PaperVenue binance = paper(spot, "0.001", LATENCY);
        PaperVenue bybit = paper(perp, "0.00055", LATENCY);

        assertThatThrownBy(() -> new Leg(bybit, BYBIT_PERP, SELL, dec("0.0005"), dec("62200")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseQty 0.0005 is not a whole number of lots of 0.001 for bybit:linear:BTCUSDT");
        assertThatThrownBy(() -> new Leg(binance, BYBIT_PERP, SELL, dec("0.5"), dec("62200")))
                .hasMessage("instrument bybit:linear:BTCUSDT is not on binance");
        assertThatThrownBy(() -> new Leg(bybit, BYBIT_PERP, SELL, dec("0.5"), dec("0")))
                .hasMessage("expectedPrice must be positive, was 0");
        assertThatThrownBy(() -> new LegExecution("arb-1", buySpot(binance), sellPerp(bybit), policy, time, time,
                recorder)).hasMessage("executionId must be 1 to 24 letters or digits, was 'arb-1'");
        assertThatThrownBy(() -> new LegExecution(ID, buySpot(binance),
                new Leg(bybit, BYBIT_PERP, SELL, dec("0.4"), dec("62200")), policy, time, time, recorder))
                .hasMessage("the legs must trade the same baseQty, were 0.5 and 0.4");
        assertThatThrownBy(() -> new ExecutionPolicy(dec("1"), Duration.ofMillis(200), Duration.ofSeconds(1), 2))
                .hasMessage("slippage must be in [0, 1), was 1");
        assertThatThrownBy(() -> new ExecutionPolicy(dec("0.001"), Duration.ZERO, Duration.ofSeconds(1), 2))
                .hasMessage("legTimeout must be positive, was PT0S");
        assertThat(recorder.submitted).isEmpty();

        LegExecution execution = start(buySpot(binance), sellPerp(bybit));
        assertThatThrownBy(execution::start).isInstanceOf(IllegalStateException.class);
        assertThat(recorder.submitted).hasSize(2);
    }
}

package io.crossbook.core.risk;

import static io.crossbook.core.exec.ExecutionResult.Outcome.FAILED;
import static io.crossbook.core.model.OrderSide.BUY;
import static io.crossbook.core.model.OrderSide.SELL;
import static io.crossbook.core.risk.RiskFixture.BINANCE_SPOT;
import static io.crossbook.core.risk.RiskFixture.BYBIT_PERP;
import static io.crossbook.core.risk.RiskFixture.OKX_SPOT;
import static io.crossbook.core.risk.RiskFixture.assertAllowed;
import static io.crossbook.core.risk.RiskFixture.assertRefused;
import static io.crossbook.core.risk.RiskFixture.book;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskFixture.Sent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kill switch, the trading state and what {@link RiskEngine#status} reports. */
class RiskEngineStateTest {
    final RiskFixture f = new RiskFixture();

    @Test
    void theKillSwitchCancelsEveryOpenOrderOnEveryVenueAndRefusesNewOnes() {
        // away from the books (asks 50000 / 50010, bids 49990 / 50000): they rest
        Sent binanceBuy = f.trade(f.gtc(BINANCE_SPOT, BUY, "0.01", "40000"));
        Sent binanceSell = f.trade(f.gtc(BINANCE_SPOT, SELL, "0.01", "60000"));
        Sent bybitBuy = f.trade(f.gtc(BYBIT_PERP, BUY, "0.01", "40000"));
        List<Sent> resting = List.of(binanceBuy, binanceSell, bybitBuy);
        assertThat(f.paper.get(Venue.BINANCE).openOrders()).hasSize(2);
        assertThat(f.paper.get(Venue.BYBIT).openOrders()).hasSize(1);
        assertThat(f.status().openOrders()).isEqualTo(3);

        long t = f.now();
        f.run(() -> f.risk.halt("test"));
        assertThat(f.risk.state()).isEqualTo(TradingState.HALTED);
        assertThat(f.alerts).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(EngineAlert.CRITICAL);
            assertThat(a.code()).isEqualTo("KILL_SWITCH");
            assertThat(a.rule()).isEqualTo("state");
            assertThat(a.message()).isEqualTo("trading HALTED: test; cancel sent for 3 open orders");
            assertThat(a.ts()).isEqualTo(t);
        });

        // the cancels travel with the paper latency
        f.at(t + 49);
        assertThat(resting).noneMatch(Sent::closed);
        f.at(t + 50);
        for (Sent s : resting) {
            assertThat(s.events()).last().isInstanceOfSatisfying(OrderEvent.Closed.class, c -> {
                assertThat(c.reason()).isEqualTo("cancelled");
                assertThat(c.filledQty()).isEqualByComparingTo("0");
            });
        }
        assertThat(f.paper.get(Venue.BINANCE).openOrders()).isEmpty();
        assertThat(f.paper.get(Venue.BYBIT).openOrders()).isEmpty();
        RiskEngine.Status halted = f.status();
        assertThat(halted.state()).isEqualTo(TradingState.HALTED);
        assertThat(halted.reason()).isEqualTo("test");
        assertThat(halted.stateSince()).isEqualTo(t);
        assertThat(halted.openOrders()).isZero();

        assertRefused(f.submit(f.market(OKX_SPOT, BUY, "0.01")), "state");
        assertThat(f.check("p1").rule()).isEqualTo("state");

        f.run(() -> f.risk.setState(TradingState.ACTIVE, "all clear"));
        assertThat(f.alerts("TRADING_STATE")).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(EngineAlert.INFO);
            assertThat(a.message()).isEqualTo("trading HALTED -> ACTIVE: all clear");
        });
        assertAllowed(f.submit(f.market(OKX_SPOT, BUY, "0.01")));
        assertThat(f.check("p1")).isNull();
    }

    @Test
    void anOrderSentAgainUnderItsIdIsStillCountedAndCancelledByTheKillSwitch() {
        OrderRequest order = f.gtc(BINANCE_SPOT, BUY, "0.01", "40000");
        Sent first = f.trade(order);
        // a resend under the same client order id: the venue refuses it as a second order
        Sent again = f.trade(order);
        assertThat(again.rejected().code()).isEqualTo("VALIDATION_ERROR");
        assertThat(f.paper.get(Venue.BINANCE).openOrders()).hasSize(1);
        assertThat(f.status().openOrders()).isEqualTo(1);

        f.run(() -> f.risk.halt("test"));
        assertThat(f.alerts("KILL_SWITCH").getFirst().message()).endsWith("cancel sent for 1 open orders");
        f.settle();
        assertThat(first.closed()).isTrue();
        assertThat(f.paper.get(Venue.BINANCE).openOrders()).isEmpty();
    }

    @Test
    void anEngineStartedHaltedStaysHalted() {
        RiskEngine restarted = new RiskEngine(f.engine, f.engine, f.books::get, f.accounts, id -> RiskFixture.FEE,
                RiskLimits.DEFAULTS, TradingState.HALTED, "kill switch before the restart", f.alerts::add);
        RiskRefusal r = f.call(() -> restarted.checkExecution("p1", false, null, List.of(f.legsOf("p1"))));
        assertThat(r.rule()).isEqualTo("state");
        assertThat(r.message()).contains("HALTED (kill switch before the restart)");
    }

    static String exposure(RiskEngine.Exposure e) {
        return e.venue() + " " + e.asset() + " " + e.qty().stripTrailingZeros().toPlainString() + " "
                + (e.valueUsd() == null ? "unvalued" : e.valueUsd().toPlainString());
    }

    @Test
    void statusValuesEveryExposureAtAMidOfItsOwnVenueElseAnotherAndLeavesUsdOut() {
        RiskFixture f = new RiskFixture(Map.of(Venue.OKX,
                Map.of("USDT", "10000", "USDC", "500", "BTC", "0.1", "ETH", "2")));
        f.show(book(BYBIT_PERP).bid("50100.0", "1").ask("50200.0", "1"));
        assertAllowed(f.trade(f.market(BYBIT_PERP, BUY, "0.02"))); // Bybit: 0.1 BTC held and a 0.02 long
        BookSnapshot binance = f.show(book(BINANCE_SPOT).bid("49990.00", "1").ask("50010.00", "1")); // mid 50000
        f.show(book(OKX_SPOT).bid("49900.0", "1").ask("50000.0", "1")); // mid 49950

        RiskEngine.Status s = f.status();
        assertThat(s.exposures()).extracting(RiskEngineStateTest::exposure).containsExactlyInAnyOrder(
                "binance BTC 0.1 5000.00", // 0.1 × 50000
                "bybit BTC 0.12 6018.00", // 0.12 × 50150, the perp's mid
                "okx BTC 0.1 4995.00", // 0.1 × 49950
                "okx ETH 2 unvalued"); // no ETH book anywhere
        assertThat(s.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(s.limits()).isEqualTo(RiskLimits.DEFAULTS);
        assertThat(s.openOrders()).isZero();
        assertThat(s.dailyPnl()).isEqualByComparingTo("0");
        assertThat(s.pauses()).isEmpty();

        // with only Binance's book, the others are valued at its mid
        RiskEngine.Status onlyBinance = f.call(() -> f.risk.status(List.of(binance)));
        assertThat(onlyBinance.exposures()).extracting(RiskEngineStateTest::exposure).containsExactlyInAnyOrder(
                "binance BTC 0.1 5000.00", "bybit BTC 0.12 6000.00", "okx BTC 0.1 5000.00", "okx ETH 2 unvalued");
    }

    @Test
    void statusCountsOpenOrdersAndListsEveryPause() {
        f.setLimits("venueMaxErrors", 3, "venuePauseMs", 10_000, "venueMaxPauseMs", 25_000,
                "pairMaxConsecutiveFailures", 2, "pairMaxErrorRate", "1", "pairPauseMs", 60_000,
                "anomalyResumeAfterMs", 30_000);
        assertAllowed(f.trade(f.gtc(BINANCE_SPOT, BUY, "0.01", "40000")));
        long t = f.now();
        f.executed("p2", FAILED, FAILED);
        for (int i = 0; i < 3; i++) {
            f.run(() -> f.risk.onDisconnect(Venue.OKX, "websocket closed"));
        }
        f.run(() -> f.risk.onAnomaly(BYBIT_PERP.id(), AnomalyKind.STALE_FEED, "no update for 30 s"));

        RiskEngine.Status s = f.status();
        assertThat(s.openOrders()).isEqualTo(1);
        assertThat(s.pauses()).containsExactlyInAnyOrder(
                new Pause("pair", "p2", "consecutive_failures", "2 failed executions in a row (limit 2)", t,
                        t + 60_000),
                new Pause("instrument", "bybit:linear:BTCUSDT", "STALE_FEED", "no update for 30 s", t, 0),
                new Pause("venue", "okx", "venue_errors",
                        "3 errors within 60 s (limit 3), the last DISCONNECTED: websocket closed", t, t + 10_000));

        f.at(t + 60_000);
        assertThat(f.status().pauses()).extracting(Pause::scope).containsExactly("instrument");
    }
}

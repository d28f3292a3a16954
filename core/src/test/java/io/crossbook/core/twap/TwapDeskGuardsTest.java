package io.crossbook.core.twap;

import static io.crossbook.core.twap.TwapDesk.Action.CANCEL;
import static io.crossbook.core.twap.TwapDesk.Action.RESUME;
import static io.crossbook.core.twap.TwapFixture.BINANCE_SPOT;
import static io.crossbook.core.twap.TwapFixture.BYBIT_PERP;
import static io.crossbook.core.twap.TwapFixture.T;
import static io.crossbook.core.twap.TwapFixture.binanceBuy;
import static io.crossbook.core.twap.TwapFixture.buy;
import static io.crossbook.core.twap.TwapFixture.buySpotSellPerp;
import static io.crossbook.core.twap.TwapFixture.plan;
import static io.crossbook.core.twap.TwapFixture.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskFixture;
import io.crossbook.core.risk.TradingState;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What keeps a slice from going: the write-ahead, the guards that skip it, the kill switch. */
class TwapDeskGuardsTest {
    final TwapFixture t = new TwapFixture();

    // ---- write-ahead ----

    @Test
    void noOrderGoesUntilTheSliceHandedOverIsStoredAndSent() {
        t.hold = true;
        t.start(binanceBuy("0.01", "0.002"));

        assertThat(t.starting).singleElement().satisfies(s -> {
            assertThat(s.slice().planId()).isEqualTo("twap_1");
            assertThat(s.slice().number()).isEqualTo(1);
            assertThat(s.slice().executionId()).isEqualTo("twap1s1");
            assertThat(s.slice().qty()).isEqualByComparingTo("0.002");
            assertThat(s.slice().startedTs()).isEqualTo(T);
            assertThat(s.slice().done()).isFalse();
            assertThat(s.progress().state()).isEqualTo(TwapState.RUNNING);
            assertThat(s.progress().nextSlice()).isEqualTo(2);
            assertThat(s.progress().lastExecutionTs()).isEqualTo(T);
        });
        t.at(500);
        assertThat(t.submitted).isEmpty();
        assertThat(t.f.paper.get(Venue.BINANCE).openOrders()).isEmpty();
        assertThat(t.f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.1");

        t.f.run(t.starting.getFirst().send());
        assertThat(t.sent()).containsExactly("twap1s1a1 +500");
        t.at(550);
        assertThat(t.slicesOver()).containsExactly("1 0.002 FILLED 0.002");
        assertThat(t.f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.102");
    }

    @Test
    void aSliceThatCannotBeStoredIsNotSentPausesThePlanAndItsNumberIsUsedAgainAfterResume() {
        t.hold = true;
        t.start(binanceBuy("0.01", "0.002"));
        t.at(100);
        t.f.run(() -> t.starting.getFirst().notStored().accept("disk full"));

        assertThat(t.alerts).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(EngineAlert.CRITICAL);
            assertThat(a.code()).isEqualTo("TWAP_NOT_STORED");
            assertThat(a.message()).isEqualTo("plan twap_1: slice 1 could not be stored and was not sent: disk full");
            assertThat(a.ts()).isEqualTo(T + 100);
        });
        TwapProgress paused = t.progress();
        assertThat(paused.state()).isEqualTo(TwapState.PAUSED);
        assertThat(paused.reason()).isEqualTo("slice 1 could not be stored: disk full");
        assertThat(paused.nextSlice()).isEqualTo(1);
        assertThat(paused.slicesDone()).isZero();
        t.at(3000);
        assertThat(t.submitted).isEmpty();
        assertThat(t.starting).hasSize(1);

        t.hold = false;
        t.control("twap_1", RESUME);
        assertThat(t.starting).extracting(s -> s.slice().number()).containsExactly(1, 1);
        assertThat(t.sent()).containsExactly("twap1s1a1 +3000");
        t.at(3050);
        assertThat(summary(t.progress())).isEqualTo("RUNNING 0.002 1/5");
    }

    @Test
    void aPlanCancelledWhileItsSliceAwaitsStorageDropsItsBooksWhenTheSliceIsNotStored() {
        t.hold = true;
        t.start(binanceBuy("0.01", "0.002"));
        t.control("twap_1", CANCEL);
        assertThat(t.watched).last().isEqualTo(Set.of(BINANCE_SPOT.id()));

        t.f.run(() -> t.starting.getFirst().notStored().accept("disk full"));
        assertThat(t.progress().state()).isEqualTo(TwapState.CANCELLED);
        assertThat(t.alerts("TWAP_NOT_STORED")).hasSize(1);
        assertThat(t.watched).last().isEqualTo(Set.<InstrumentId>of());
        t.at(5000);
        assertThat(t.submitted).isEmpty();
    }

    // ---- guards ----

    @Test
    void aBuyLegsLimitPriceSkipsSlicesWhileTheBooksVwapIsAboveItAndCapsEveryOrdersLimit() {
        t.start(plan("0.006", "0.002", buy(BINANCE_SPOT, "50010")));
        // VWAP 50000 is within 50010; the IOC limit would be 50000 × 1.001 = 50050, capped at 50010
        assertThat(t.sent()).containsExactly("twap1s1a1 +0");
        assertThat(t.progress().skips()).isZero();

        t.at(500);
        t.binanceAsk("50020");
        t.at(1000);
        assertThat(t.submitted).hasSize(1);
        TwapProgress skipped = t.progress();
        assertThat(skipped.skips()).isEqualTo(1);
        assertThat(skipped.lastSkip()).isEqualTo(
                "binance:spot:BTCUSDT: the book's VWAP 50020 for 0.002 is above the limit price 50010");
        assertThat(skipped.state()).isEqualTo(TwapState.RUNNING);
        assertThat(skipped.nextSlice()).as("a skip takes no slice number").isEqualTo(2);
        assertThat(t.progress.getLast().slice()).isNull();
        assertThat(t.progress.getLast().progress()).isEqualTo(skipped);
        t.at(2000);
        assertThat(t.progress().skips()).isEqualTo(2);

        t.at(2500);
        t.binanceAsk("50005");
        t.at(3000);
        // 50005 × 1.001 = 50055.005, capped at 50010
        assertThat(t.sent()).containsExactly("twap1s1a1 +0", "twap1s2a1 +3000");
        t.at(3050);
        assertThat(t.submitted).extracting(s -> s.order().limitPrice())
                .allSatisfy(limit -> assertThat(limit).isEqualByComparingTo("50010"));
        assertThat(t.results().getLast().first().averagePrice()).isEqualByComparingTo("50005");
        assertThat(summary(t.progress())).isEqualTo("RUNNING 0.004 2/3");
    }

    @Test
    void aSellLegsLimitPriceSkipsSlicesWhileTheBooksVwapIsBelowItAndFloorsItsOrdersLimit() {
        t.start(plan("0.006", "0.002", new TwapLeg(BYBIT_PERP, OrderSide.SELL, TwapFixture.dec("49980"))));
        // VWAP 50000 is above 49980; the IOC limit would be 50000 × 0.999 = 49950, floored at 49980
        assertThat(t.sent()).containsExactly("twap1s1a1 +0");
        assertThat(t.submitted.getFirst().order().limitPrice()).isEqualByComparingTo("49980");

        t.at(500);
        t.bybitBid("49970");
        t.at(1000);
        assertThat(t.submitted).hasSize(1);
        assertThat(t.progress().lastSkip()).isEqualTo(
                "bybit:linear:BTCUSDT: the book's VWAP 49970 for 0.002 is below the limit price 49980");
        assertThat(t.slicesOver()).containsExactly("1 0.002 FILLED 0.002");
    }

    @Test
    void aLegWithoutAValidBookOrWithTooThinABookIsSkippedAndTriedAgain() {
        t.f.books.remove(BINANCE_SPOT.id());
        t.start(binanceBuy("0.01", "0.002"));
        assertThat(t.submitted).isEmpty();
        assertThat(t.progress().lastSkip()).isEqualTo("binance:spot:BTCUSDT has no valid book");

        t.f.show(RiskFixture.book(BINANCE_SPOT).bid("49990.00", "1").ask("50000.00", "0.001"));
        t.at(1000);
        assertThat(t.submitted).isEmpty();
        assertThat(t.progress().lastSkip()).isEqualTo("binance:spot:BTCUSDT: the book is too thin for 0.002");
        assertThat(t.progress().skips()).isEqualTo(2);

        t.binanceAsk("50000");
        t.at(2000);
        assertThat(t.sent()).containsExactly("twap1s1a1 +2000");
    }

    @Test
    void aTwoLeggedSliceIsSkippedWhileTheAdverseSpreadNetOfFeesIsAboveTheBoundThenBothLegsTrade() {
        // buy Binance at its ask 50000, sell Bybit at its bid 49900:
        // (50000 × 1.001 - 49900 × 0.999) / ((50000 + 49900) / 2) × 100 = 199.9 / 49950 × 100 = 0.40020 %
        t.bybitBid("49900");
        t.start(buySpotSellPerp("0.01", "0.25"));
        assertThat(t.submitted).isEmpty();
        assertThat(t.progress().lastSkip()).isEqualTo(
                "adverse spread 0.4002% net of fees is above maxAdverseSpreadPercent 0.25%");

        // sell at 50000: (50050 - 49950) / 50000 × 100 = 0.2 %, within 0.25
        t.at(500);
        t.bybitBid("50000");
        t.at(1000);
        assertThat(t.sent()).containsExactly("twap1s1a1 +1000", "twap1s1b1 +1000");
        OrderRequest sell = t.submitted.get(1).order();
        assertThat(sell.instrument()).isEqualTo(BYBIT_PERP);
        assertThat(sell.limitPrice()).isEqualByComparingTo("49950"); // 50000 × 0.999
        t.at(1050);

        assertThat(t.slicesOver()).containsExactly("1 0.002 FILLED 0.002");
        assertThat(summary(t.progress())).isEqualTo("RUNNING 0.002 1/5");
        assertThat(t.f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.102");
        assertThat(t.f.accounts.get(Venue.BYBIT).positions().get(BYBIT_PERP.id())).isEqualByComparingTo("-0.002");
        // two matched legs count toward the day's P&L: 100 bought, 100 sold, 0.1 + 0.1 in fees
        assertThat(t.results().getFirst().pnl()).isEqualByComparingTo("-0.2");
        assertThat(t.f.status().dailyPnl()).isEqualByComparingTo("-0.2");
    }

    @Test
    void aSliceTheRiskEngineRefusesIsASkipNotAFailedSlice() {
        TwapFixture poor = TwapFixture.withBalances(Venue.BINANCE, Map.of("USDT", "50"));
        poor.start(binanceBuy("0.01", "0.002"));
        poor.at(4000);

        TwapProgress p = poor.progress();
        assertThat(poor.submitted).isEmpty();
        assertThat(p.state()).as("skips never fail a plan").isEqualTo(TwapState.RUNNING);
        assertThat(p.skips()).isEqualTo(5);
        // 0.002 × 50000 + 0.1 fee
        assertThat(p.lastSkip()).isEqualTo("risk balance: binance account: the order needs 100.1 USDT, 50 free");
        assertThat(poor.alerts).isEmpty();
        assertThat(poor.f.alerts("RISK_REJECTED")).singleElement()
                .satisfies(a -> assertThat(a.rule()).isEqualTo("balance"));
    }

    // ---- the kill switch ----

    @Test
    void aHaltPausesThePlanAtItsNextSliceAndOnceActiveAndResumedItTradesAgain() {
        t.start(binanceBuy("0.01", "0.002"));
        t.at(500);
        t.f.run(() -> t.f.risk.halt("test"));
        t.at(999);
        assertThat(t.progress().state()).isEqualTo(TwapState.RUNNING);

        t.at(1000);
        TwapProgress paused = t.progress();
        assertThat(paused.state()).isEqualTo(TwapState.PAUSED);
        assertThat(paused.reason()).contains("halted").contains("kill switch");
        assertThat(paused.skips()).isZero();
        assertThat(t.progress.getLast().progress()).isEqualTo(paused);
        t.at(2500);
        assertThat(t.sent()).containsExactly("twap1s1a1 +0");

        t.f.run(() -> t.f.risk.setState(TradingState.ACTIVE, "all clear"));
        t.control("twap_1", RESUME);
        assertThat(t.sent()).containsExactly("twap1s1a1 +0", "twap1s2a1 +2500");
        t.at(2550);
        assertThat(summary(t.progress())).isEqualTo("RUNNING 0.004 2/5");
    }
}

package io.crossbook.core.twap;

import static io.crossbook.core.exec.ExecutionResult.Outcome.IMBALANCED;
import static io.crossbook.core.exec.ExecutionResult.Outcome.UNWOUND;
import static io.crossbook.core.twap.TwapFixture.BINANCE_SPOT;
import static io.crossbook.core.twap.TwapFixture.BYBIT_PERP;
import static io.crossbook.core.twap.TwapFixture.binanceBuy;
import static io.crossbook.core.twap.TwapFixture.buySpotSellPerp;
import static io.crossbook.core.twap.TwapFixture.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskFixture;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What slices execute: short fills carried to later slices, failed slices, two legs that do not match. */
class TwapDeskOutcomeTest {
    final TwapFixture t = new TwapFixture();

    @Test
    void aShortFillIsCarriedToALaterSliceAndThePlanExecutesExactlyItsTotal() {
        // 0.002 walks 0.0015 @ 50000 and 0.0005 @ 50300: VWAP (75 + 25.15) / 0.002 = 50075, so the IOC
        // limit is 50075 × 1.001 = 50125.075 and the 50300 level is beyond it: only 0.0015 fills.
        // The 51000 level keeps the side above minBookLiquidity.
        t.f.show(RiskFixture.book(BINANCE_SPOT).bid("49990.00", "1").ask("50000.00", "0.0015")
                .ask("50300.00", "0.0005").ask("51000.00", "1"));
        t.start(binanceBuy("0.006", "0.002"));
        assertThat(t.progress().slicesTotal()).isEqualTo(3);
        assertThat(t.submitted.getFirst().order().limitPrice()).isEqualByComparingTo("50125.075");
        assertThat(t.submitted.getFirst().order().expectedPrice()).isEqualByComparingTo("50075");
        t.at(50);

        assertThat(t.orderEvents).containsExactly("twap_1 twap1s1a1 accepted", "twap_1 twap1s1a1 filled 0.0015 @ 50000",
                "twap_1 twap1s1a1 closed 0.0015: remaining 0.0005 cancelled: limit reached");
        assertThat(t.slicesOver()).containsExactly("1 0.002 PARTIAL 0.0015");
        TwapProgress shortFill = t.progress();
        assertThat(summary(shortFill)).as("the shortfall takes one more slice").isEqualTo("RUNNING 0.0015 1/4");
        assertThat(shortFill.remaining()).isEqualByComparingTo("0.0045");

        t.binanceAsk("50000");
        t.at(3050);
        assertThat(t.starting).extracting(s -> TwapFixture.plain(s.slice().qty()))
                .containsExactly("0.002", "0.002", "0.002", "0.0005");
        assertThat(t.sent()).containsExactly("twap1s1a1 +0", "twap1s2a1 +1000", "twap1s3a1 +2000", "twap1s4a1 +3000");
        TwapProgress done = t.progress();
        assertThat(summary(done)).isEqualTo("COMPLETED 0.006 4/4");
        assertThat(done.executed()).isEqualByComparingTo("0.006");
        assertThat(t.f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.106");
    }

    /** Sends the slice due at {@code ms} into a book that moves away before it arrives: it fills nothing. */
    void sliceMissesTheBook(long ms) {
        t.at(ms);
        t.binanceAsk("50100"); // above the limit 50050
        t.f.settle();
        t.binanceAsk("50000");
    }

    @Test
    void maxFailedSlicesInARowThatExecuteNothingFailThePlanWithAWarning() {
        t.start(binanceBuy("0.02", "0.002"));
        t.at(500);
        sliceMissesTheBook(1000);
        sliceMissesTheBook(2000);
        t.at(3050); // slice 4 fills: the count starts over
        sliceMissesTheBook(4000);
        sliceMissesTheBook(5000);
        assertThat(t.progress().state()).isEqualTo(TwapState.RUNNING);
        assertThat(t.alerts).isEmpty();

        sliceMissesTheBook(6000);
        assertThat(t.slicesOver()).containsExactly("1 0.002 FILLED 0.002", "2 0.002 FAILED 0", "3 0.002 FAILED 0",
                "4 0.002 FILLED 0.002", "5 0.002 FAILED 0", "6 0.002 FAILED 0", "7 0.002 FAILED 0");
        TwapProgress failed = t.progress();
        assertThat(failed.state()).isEqualTo(TwapState.FAILED);
        assertThat(failed.reason()).isEqualTo("3 slices in a row executed nothing; the last: nothing filled");
        assertThat(failed.executed()).isEqualByComparingTo("0.004");
        assertThat(t.alerts).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(EngineAlert.WARNING);
            assertThat(a.code()).isEqualTo("TWAP_FAILED");
            assertThat(a.message()).isEqualTo(
                    "plan twap_1: 3 slices in a row executed nothing; the last: nothing filled");
        });
        assertThat(t.watched).last().isEqualTo(Set.<InstrumentId>of());
        t.at(20_000);
        assertThat(t.ids()).hasSize(7);
    }

    @Test
    void aLegRefusedAtItsVenueIsUnwoundOnTheOtherAndThePlanCountsNothingForTheSlice() {
        t.hold = true;
        t.start(buySpotSellPerp("0.01", null));
        // after the slice was checked and stored, Bybit trips its venue breaker: its orders are refused
        t.f.run(() -> {
            for (int i = 0; i < 5; i++) {
                t.f.risk.onDisconnect(Venue.BYBIT, "websocket closed");
            }
        });
        t.f.run(t.starting.getFirst().send());
        t.at(100);

        assertThat(t.ids()).containsExactly("twap1s1a1", "twap1s1b1", "twap1s1b2", "twap1s1b3", "twap1s1au1");
        assertThat(t.orderEvents).contains("twap_1 twap1s1b1 rejected RISK_REJECTED",
                "twap_1 twap1s1au1 filled 0.002 @ 49990");
        ExecutionResult r = t.results().getFirst();
        assertThat(r.outcome()).isEqualTo(UNWOUND);
        assertThat(r.hedgedBaseQty()).isZero();
        assertThat(r.second().failureCode()).isEqualTo("RISK_REJECTED");
        assertThat(summary(t.progress())).isEqualTo("RUNNING 0 1/6");
        assertThat(t.f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.1");
        // bought 0.002 @ 50000, sold back @ 49990: -100 + 99.98 - 0.1 - 0.09998 in fees
        assertThat(r.pnl()).isEqualByComparingTo("-0.21998");
        assertThat(t.f.status().dailyPnl()).isEqualByComparingTo("-0.21998");

        t.hold = false;
        t.at(1000);
        assertThat(t.progress().lastSkip()).startsWith("risk venue_paused: trading on bybit is paused until ");
        assertThat(t.ids()).hasSize(5);
    }

    @Test
    void aSliceWhoseSellLegFillsShortIsUnwoundToTheHedgedQtyWhichAloneCounts() {
        t.start(buySpotSellPerp("0.004", null));
        // before the legs arrive, the Bybit bid at 50000 shrinks to 0.001 and the next is 49000, below
        // the sell's limit 49950: a1 fills 0.002, b1 0.001
        t.f.show(RiskFixture.book(BYBIT_PERP).bid("50000.0", "0.001").bid("49000.0", "1").ask("50010.0", "1"));
        t.at(50);
        assertThat(t.ids()).as("the short leg retried for the rest").endsWith("twap1s1b2");
        t.at(60);
        t.bybitBid("49000"); // the retry b2 finds nothing within its limit, b3 is refused for slippage
        t.at(150);

        assertThat(t.ids()).containsExactly("twap1s1a1", "twap1s1b1", "twap1s1b2", "twap1s1b3", "twap1s1au1");
        assertThat(t.submitted.getLast().order().qty()).isEqualByComparingTo("0.001");
        ExecutionResult r = t.results().getFirst();
        assertThat(r.outcome()).isEqualTo(UNWOUND);
        assertThat(r.hedgedBaseQty()).isEqualByComparingTo("0.001");
        assertThat(r.first().filledBaseQty()).isEqualByComparingTo("0.001");
        assertThat(r.second().filledBaseQty()).isEqualByComparingTo("0.001");
        // 2 slices planned; 0.003 remains, 2 more
        assertThat(summary(t.progress())).isEqualTo("RUNNING 0.001 1/3");
        assertThat(t.f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.101");
        assertThat(t.f.accounts.get(Venue.BYBIT).positions().get(BYBIT_PERP.id())).isEqualByComparingTo("-0.001");
        // -100 + 0.001 × 49990 + 0.001 × 50000, fees 0.1 + 0.04999 + 0.05
        assertThat(r.pnl()).isEqualByComparingTo("-0.20999");
    }

    @Test
    void aSliceLeftImbalancedFailsThePlanWithACriticalAlert() {
        t.start(buySpotSellPerp("0.01", null));
        // the sell's limit is 49950: at 49900 the sell and its retries fill nothing (each within the
        // risk engine's 0.5 % slippage of 50000, so they are sent) while the buy fills 0.002
        t.bybitBid("49900");
        t.at(120);
        assertThat(t.ids()).containsExactly("twap1s1a1", "twap1s1b1", "twap1s1b2", "twap1s1b3");
        // Binance's feed drops before the unwind: it is refused, the 0.002 bought stays open
        t.f.books.remove(BINANCE_SPOT.id());
        t.at(150);

        assertThat(t.ids()).endsWith("twap1s1au1");
        ExecutionResult r = t.results().getFirst();
        assertThat(r.outcome()).isEqualTo(IMBALANCED);
        assertThat(r.residualBaseQty()).isEqualByComparingTo("0.002");
        TwapProgress failed = t.progress();
        assertThat(summary(failed)).isEqualTo("FAILED 0 1/6");
        assertThat(failed.reason()).startsWith(
                "slice 1 left the legs imbalanced: IMBALANCED: 0.002 BTC left open, unwinding failed; ");
        assertThat(t.alerts).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(EngineAlert.CRITICAL);
            assertThat(a.code()).isEqualTo("LEG_IMBALANCE");
            assertThat(a.message()).startsWith("plan twap_1 slice 1 left an open imbalance: IMBALANCED: 0.002 BTC");
        });
        assertThat(t.f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.102");
        assertThat(t.watched).last().isEqualTo(Set.<InstrumentId>of());
        t.binanceAsk("50000");
        t.bybitBid("50000");
        t.at(5000);
        assertThat(t.ids()).hasSize(5);
    }
}

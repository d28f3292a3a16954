package io.crossbook.core.twap;

import static io.crossbook.core.twap.TwapDesk.Action.CANCEL;
import static io.crossbook.core.twap.TwapDesk.Action.PAUSE;
import static io.crossbook.core.twap.TwapDesk.Action.RESUME;
import static io.crossbook.core.twap.TwapDesk.Action.START;
import static io.crossbook.core.twap.TwapFixture.BINANCE_SPOT;
import static io.crossbook.core.twap.TwapFixture.BYBIT_PERP;
import static io.crossbook.core.twap.TwapFixture.T;
import static io.crossbook.core.twap.TwapFixture.binanceBuy;
import static io.crossbook.core.twap.TwapFixture.buySpotSellPerp;
import static io.crossbook.core.twap.TwapFixture.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When slices go: the interval on the engine clock, the controls, a restored plan, the books watched. */
class TwapDeskScheduleTest {
    final TwapFixture t = new TwapFixture();

    @Test
    void slicesGoEveryIntervalOfEngineTimeTheFirstAtOnceAndTheLastTakesTheRemainder() {
        t.add(binanceBuy("0.005", "0.002"));
        assertThat(t.progress().state()).isEqualTo(TwapState.PENDING);
        assertThat(t.submitted).isEmpty();

        t.control("twap_1", START);
        assertThat(t.sent()).containsExactly("twap1s1a1 +0");
        assertThat(t.submitted.getFirst().order()).satisfies(o -> {
            assertThat(o.instrument()).isEqualTo(BINANCE_SPOT);
            assertThat(o.type()).isEqualTo(OrderType.LIMIT);
            assertThat(o.timeInForce()).isEqualTo(TimeInForce.IOC);
            assertThat(o.qty()).isEqualByComparingTo("0.002");
            assertThat(o.limitPrice()).isEqualByComparingTo("50050"); // 50000 × 1.001
            assertThat(o.expectedPrice()).isEqualByComparingTo("50000");
        });
        assertThat(t.submitted.getFirst().planId()).isEqualTo("twap_1");
        assertThat(t.submitted.getFirst().executionId()).isEqualTo("twap1s1");

        t.at(999);
        assertThat(t.ids()).as("nothing between slices").hasSize(1);
        assertThat(summary(t.progress())).isEqualTo("RUNNING 0.002 1/3");
        t.at(1000);
        assertThat(t.sent()).containsExactly("twap1s1a1 +0", "twap1s2a1 +1000");
        t.at(1999);
        assertThat(t.ids()).hasSize(2);
        t.at(2000);
        assertThat(t.sent()).containsExactly("twap1s1a1 +0", "twap1s2a1 +1000", "twap1s3a1 +2000");
        assertThat(t.submitted.getLast().order().qty()).as("the remainder").isEqualByComparingTo("0.001");
        t.at(2050);

        TwapProgress done = t.progress();
        assertThat(done.state()).isEqualTo(TwapState.COMPLETED);
        assertThat(done.executed()).isEqualByComparingTo("0.005");
        assertThat(done.remaining()).isEqualByComparingTo("0");
        assertThat(done.slicesDone()).isEqualTo(3);
        assertThat(done.slicesTotal()).isEqualTo(3);
        assertThat(done.nextSlice()).isEqualTo(4);
        assertThat(done.reason()).isNull();
        assertThat(done.startedTs()).isEqualTo(T);
        assertThat(done.lastExecutionTs()).isEqualTo(T + 2000);
        assertThat(t.starting).extracting(s -> s.slice().number() + " " + s.slice().executionId() + " "
                + TwapFixture.plain(s.slice().qty()) + " +" + (s.slice().startedTs() - T))
                .containsExactly("1 twap1s1 0.002 +0", "2 twap1s2 0.002 +1000", "3 twap1s3 0.001 +2000");
        assertThat(t.slicesOver()).containsExactly("1 0.002 FILLED 0.002", "2 0.002 FILLED 0.002",
                "3 0.001 FILLED 0.001");
        assertThat(t.progress).extracting(p -> summary(p.progress())).containsExactly(
                "RUNNING 0 0/3", "RUNNING 0.002 1/3", "RUNNING 0.004 2/3", "COMPLETED 0.005 3/3");
        // 0.005 bought at 50000: 250 USDT and 0.25 in fees
        assertThat(t.f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.105");
        assertThat(t.f.accounts.get(Venue.BINANCE).free("USDT")).isEqualByComparingTo("9749.75");

        t.at(10_000);
        assertThat(t.ids()).as("no order after completion").hasSize(3);
        assertThat(t.progress().state()).isEqualTo(TwapState.COMPLETED);
    }

    @Test
    void aPausedPlanSendsNothingAndOnResumeLongAfterItsLastSliceTradesAtOnce() {
        t.start(binanceBuy("0.01", "0.002"));
        t.at(1500);
        assertThat(t.sent()).containsExactly("twap1s1a1 +0", "twap1s2a1 +1000");

        TwapProgress paused = t.control("twap_1", PAUSE);
        assertThat(paused.state()).isEqualTo(TwapState.PAUSED);
        assertThat(paused.reason()).isEqualTo("paused by hand");
        t.at(4999);
        assertThat(t.ids()).as("no slice while paused").hasSize(2);

        t.at(5000);
        assertThat(t.control("twap_1", RESUME).state()).isEqualTo(TwapState.RUNNING);
        assertThat(t.progress().reason()).isNull();
        assertThat(t.sent()).as("more than an interval since the last slice: the next at once")
                .containsExactly("twap1s1a1 +0", "twap1s2a1 +1000", "twap1s3a1 +5000");
        t.at(6000);
        assertThat(t.sent()).endsWith("twap1s4a1 +6000");
    }

    @Test
    void onResumeShortlyAfterASliceTheNextWaitsOneIntervalFromIt() {
        t.start(binanceBuy("0.01", "0.002"));
        assertThat(t.sent()).containsExactly("twap1s1a1 +0");
        t.control("twap_1", PAUSE); // slice 1 in flight
        t.at(200);
        assertThat(t.progress().executed()).as("the slice in flight finished while paused")
                .isEqualByComparingTo("0.002");
        assertThat(t.progress().state()).isEqualTo(TwapState.PAUSED);

        t.control("twap_1", RESUME);
        t.at(999);
        assertThat(t.ids()).as("not at the resume").hasSize(1);
        t.at(1000);
        assertThat(t.sent()).containsExactly("twap1s1a1 +0", "twap1s2a1 +1000");
    }

    @Test
    void aSliceDueWhileOneIsInFlightGoesOnceThatOneIsOver() {
        t.hold = true;
        t.start(binanceBuy("0.01", "0.002"));
        t.at(1000);
        assertThat(t.starting).as("slice 1 awaits storage: slice 2 waits").hasSize(1);

        t.hold = false;
        t.at(1500);
        t.f.run(t.starting.getFirst().send());
        t.at(1549);
        assertThat(t.sent()).containsExactly("twap1s1a1 +1500");
        t.at(1550);
        assertThat(t.sent()).containsExactly("twap1s1a1 +1500", "twap1s2a1 +1550");
        t.at(2549);
        assertThat(t.ids()).hasSize(2);
        t.at(2550);
        assertThat(t.sent()).last().isEqualTo("twap1s3a1 +2550");
    }

    @Test
    void controlsRefuseWhatThePlansStateDoesNotAllowAndAnUnknownPlan() {
        assertThat(t.refused("nope", START, "NOT_FOUND")).isEqualTo("planId: no plan 'nope' is known to the engine");
        t.add(binanceBuy("0.01", "0.002"));
        assertThat(t.refused("twap_1", PAUSE, "CONFLICT")).isEqualTo("plan twap_1 is pending: it cannot pause");
        t.refused("twap_1", RESUME, "CONFLICT");
        assertThat(t.progress().state()).isEqualTo(TwapState.PENDING);

        t.control("twap_1", START);
        assertThat(t.refused("twap_1", START, "CONFLICT")).isEqualTo("plan twap_1 is running: it cannot start");
        t.refused("twap_1", RESUME, "CONFLICT");
        t.control("twap_1", PAUSE);
        t.refused("twap_1", PAUSE, "CONFLICT");
        assertThat(t.ids()).as("the refused start sent nothing").containsExactly("twap1s1a1");
    }

    @Test
    void aCancelledPlanSendsNoMoreSlicesButTheOneInFlightFinishesAndCounts() {
        t.start(binanceBuy("0.01", "0.002"));
        t.at(10);
        TwapProgress cancelled = t.control("twap_1", CANCEL);
        assertThat(cancelled.state()).isEqualTo(TwapState.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("cancelled by hand");
        assertThat(cancelled.executed()).isEqualByComparingTo("0");

        t.at(50);
        assertThat(t.slicesOver()).containsExactly("1 0.002 FILLED 0.002");
        assertThat(t.progress().state()).isEqualTo(TwapState.CANCELLED);
        assertThat(t.progress().executed()).isEqualByComparingTo("0.002");
        assertThat(t.progress().slicesDone()).isEqualTo(1);
        t.at(5000);
        assertThat(t.ids()).containsExactly("twap1s1a1");

        for (TwapDesk.Action action : TwapDesk.Action.values()) {
            assertThat(t.refused("twap_1", action, "CONFLICT")).startsWith("plan twap_1 is cancelled: it cannot ");
        }
    }

    @Test
    void aRestoredRunningPlanTradesOneIntervalAfterItsLastSliceContinuingItsNumbersAndExecuted() {
        TwapPlan plan = binanceBuy("0.01", "0.002");
        t.restore(plan, new TwapProgress("twap_1", TwapState.RUNNING, null, new BigDecimal("0.006"),
                new BigDecimal("0.004"), 3, 5, 1, "an old skip", 4, T - 3300, T - 300, T - 300));
        assertThat(summary(t.progress())).isEqualTo("RUNNING 0.006 3/5");
        assertThat(t.progress().lastSkip()).isEqualTo("an old skip");

        t.at(699);
        assertThat(t.submitted).as("not before lastExecutionTs + intervalMs").isEmpty();
        t.at(700);
        assertThat(t.sent()).containsExactly("twap1s4a1 +700");
        t.at(1699);
        assertThat(summary(t.progress())).isEqualTo("RUNNING 0.008 4/5");
        t.at(1700);
        t.at(1750);
        assertThat(t.sent()).containsExactly("twap1s4a1 +700", "twap1s5a1 +1700");
        assertThat(summary(t.progress())).isEqualTo("COMPLETED 0.01 5/5");
        assertThat(t.progress().skips()).isEqualTo(1);
        assertThat(t.progress().startedTs()).isEqualTo(T - 3300);

        assertThatThrownBy(() -> t.f.run(() -> t.desk.restore(plan, t.progress())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("plan twap_1 is already known");
    }

    @Test
    void aRestoredRunningPlanWhoseIntervalIsPastTradesAtOnceAndAPausedOneWaitsForResume() {
        t.restore(binanceBuy("0.01", "0.002"), new TwapProgress("twap_1", TwapState.RUNNING, null, BigDecimal.ZERO,
                new BigDecimal("0.01"), 0, 5, 0, null, 1, T - 60_000, T - 5000, T - 5000));
        t.restore(TwapFixture.plan("twap_2", "0.01", "0.002", null, TwapFixture.buy(BINANCE_SPOT)),
                new TwapProgress("twap_2", TwapState.PAUSED, "paused by hand", BigDecimal.ZERO, new BigDecimal("0.01"),
                        0, 5, 0, null, 1, T - 60_000, T - 5000, T - 5000));
        assertThat(t.sent()).containsExactly("twap1s1a1 +0");

        t.at(3000);
        assertThat(t.ids()).noneMatch(id -> id.startsWith("twap2"));
        assertThat(t.desk.progress("twap_2").state()).isEqualTo(TwapState.PAUSED);
        t.control("twap_2", RESUME);
        assertThat(t.ids()).last().isEqualTo("twap2s1a1");
    }

    @Test
    void aPlanResumedBeforeItEverSentASliceTradesAtOnce() {
        t.f.books.remove(BINANCE_SPOT.id());
        t.start(binanceBuy("0.01", "0.002"));
        assertThat(t.progress().skips()).isEqualTo(1);
        t.control("twap_1", PAUSE);
        assertThat(t.progress().lastExecutionTs()).isNull();
        t.at(100);
        t.binanceAsk("50000");

        t.control("twap_1", RESUME);
        assertThat(t.sent()).containsExactly("twap1s1a1 +100");
    }

    @Test
    void watchHearsTheInstrumentsOfThePlansNotOverAndDropsThemOnceOver() {
        t.add(binanceBuy("0.002", "0.002"));
        t.add(TwapFixture.plan("twap_2", "0.01", "0.002", null, TwapFixture.buy(BINANCE_SPOT),
                TwapFixture.sell(BYBIT_PERP)));
        assertThat(t.watched).containsExactly(Set.of(BINANCE_SPOT.id()), Set.of(BINANCE_SPOT.id(), BYBIT_PERP.id()));

        t.control("twap_2", CANCEL);
        assertThat(t.watched).last().isEqualTo(Set.of(BINANCE_SPOT.id()));
        t.control("twap_1", START);
        t.at(49);
        assertThat(t.watched).as("running").hasSize(3);
        t.at(50);
        assertThat(t.progress().state()).isEqualTo(TwapState.COMPLETED);
        assertThat(t.watched).containsExactly(Set.of(BINANCE_SPOT.id()), Set.of(BINANCE_SPOT.id(), BYBIT_PERP.id()),
                Set.of(BINANCE_SPOT.id()), Set.<InstrumentId>of());
    }

    @Test
    void watchDropsACancelledPlansInstrumentsOnceTheSliceInFlightIsOver() {
        t.start(buySpotSellPerp("0.01", null));
        assertThat(t.ids()).containsExactly("twap1s1a1", "twap1s1b1");
        t.at(10);
        t.control("twap_1", CANCEL);
        assertThat(t.watched).as("the slice in flight still needs its books").last()
                .isEqualTo(Set.of(BINANCE_SPOT.id(), BYBIT_PERP.id()));

        t.at(50);
        assertThat(t.slicesOver()).containsExactly("1 0.002 FILLED 0.002");
        assertThat(t.watched).as("cancelled and nothing in flight").last().isEqualTo(Set.<InstrumentId>of());
        assertThat(t.watched).hasSize(2);
    }
}

package io.crossbook.server.twap;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.twap.TwapLeg;
import io.crossbook.core.twap.TwapPlan;
import io.crossbook.core.twap.TwapProgress;
import io.crossbook.core.twap.TwapSlice;
import io.crossbook.core.twap.TwapState;
import io.crossbook.server.arbitrage.ArbitrageReplay;
import io.crossbook.server.arbitrage.SpotPerpReplay;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.Speed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A two-legged plan replayed on the recorded Binance spot and USDⓈ-M BTCUSDT excerpts
 * (2024-08-08, spot some 40 to 50 USDT above the perpetual) through the same desks, risk gates and
 * paper venues as the server, on the recording's clock.
 */
class TwapReplayTest {
    private static final List<ReplaySource> SOURCES = SpotPerpReplay.excerpts();
    private static final Instrument SPOT = SOURCES.get(0).instruments().get("BTCUSDT");
    private static final Instrument PERP = SOURCES.get(1).instruments().get("BTCUSDT");
    private static final BigDecimal TOTAL = new BigDecimal("0.01");
    private static final BigDecimal SLICE = new BigDecimal("0.002");

    /** Everything the replay reported, in order. */
    private record Run(List<TwapProgress> progress, List<TwapSlice> slices, List<OrderRequest> orders) {
        TwapProgress last() {
            return progress.getLast();
        }

        List<TwapSlice> finished() {
            return slices.stream().filter(TwapSlice::done).toList();
        }
    }

    @Test
    void buysSpotAndSellsThePerpetualInFiveMatchedSlicesOneIntervalApartOnTheRecordingsClock() {
        Run run = replay(plan(SPOT, PERP, null));

        assertThat(run.last().state()).isEqualTo(TwapState.COMPLETED);
        assertThat(run.last().executed()).isEqualByComparingTo(TOTAL);
        assertThat(run.last().remaining()).isZero();
        List<TwapSlice> slices = run.finished();
        assertThat(slices).extracting(TwapSlice::number).containsExactly(1, 2, 3, 4, 5);
        for (TwapSlice s : slices) {
            ExecutionResult r = s.result();
            assertThat(r.outcome()).as("slice %d: %s", s.number(), r.detail()).isEqualTo(ExecutionResult.Outcome.FILLED);
            assertThat(r.first().instrument()).isEqualTo(SPOT.id());
            assertThat(r.first().side()).isEqualTo(OrderSide.BUY);
            assertThat(r.first().filledBaseQty()).isEqualByComparingTo(SLICE);
            assertThat(r.second().instrument()).isEqualTo(PERP.id());
            assertThat(r.second().side()).isEqualTo(OrderSide.SELL);
            assertThat(r.second().filledBaseQty()).isEqualByComparingTo(SLICE);
            // spot above the perpetual: buying the one and selling the other costs the spread and both fees
            assertThat(r.pnl()).isNegative();
            assertThat(r.pnl()).isEqualByComparingTo(SLICE.multiply(r.second().averagePrice())
                    .subtract(SLICE.multiply(r.first().averagePrice())).subtract(r.fees()));
        }
        for (int i = 1; i < slices.size(); i++) {
            assertThat(slices.get(i).startedTs() - slices.get(i - 1).startedTs()).as("between slices %d and %d", i, i + 1)
                    .isBetween(1_000L, 1_100L);
        }
        assertThat(run.orders()).extracting(OrderRequest::clientOrderId).containsExactly(
                "twap1s1a1", "twap1s1b1", "twap1s2a1", "twap1s2b1", "twap1s3a1", "twap1s3b1", "twap1s4a1", "twap1s4b1",
                "twap1s5a1", "twap1s5b1");
    }

    @Test
    void theAdverseSpreadGuardSkipsTheCostlyDirectionWithItsFigureAndLetsTheCheapOneTrade() {
        BigDecimal bound = new BigDecimal("0.1");
        // buying spot (the dearer market) and selling the perpetual costs the 40-50 USDT spread plus both
        // fees, about 0.23 % of the mid; the other way the spread is in the plan's favour and the fees
        // alone cost about 0.07 %
        Run costly = replay(plan(SPOT, PERP, bound));
        Run cheap = replay(plan(PERP, SPOT, bound));

        assertThat(costly.orders()).isEmpty();
        assertThat(costly.last().executed()).isZero();
        assertThat(costly.last().skips()).isGreaterThan(5);
        assertThat(costly.last().lastSkip()).startsWith("adverse spread 0.2").contains("is above maxAdverseSpreadPercent 0.1%");
        assertThat(costly.last().state()).isEqualTo(TwapState.RUNNING);

        assertThat(cheap.last().state()).isEqualTo(TwapState.COMPLETED);
        assertThat(cheap.last().executed()).isEqualByComparingTo(TOTAL);
    }

    @Test
    void theSameRecordingGivesTheSameSlicesFillsAndPnlEveryTime() {
        Run first = replay(plan(SPOT, PERP, null));
        Run second = replay(plan(SPOT, PERP, null));

        assertThat(second.finished()).isEqualTo(first.finished());
        assertThat(second.progress()).isEqualTo(first.progress());
    }

    private static TwapPlan plan(Instrument buy, Instrument sell, BigDecimal maxAdverseSpreadPercent) {
        return new TwapPlan("twap_1", "replayed", TOTAL, SLICE, 1_000,
                List.of(new TwapLeg(buy, OrderSide.BUY, null), new TwapLeg(sell, OrderSide.SELL, null)),
                maxAdverseSpreadPercent);
    }

    private static Run replay(TwapPlan plan) {
        List<TwapProgress> progress = new ArrayList<>();
        List<TwapSlice> slices = new ArrayList<>();
        List<OrderRequest> orders = new ArrayList<>();
        ArbitrageReplay.Observer observer = new ArbitrageReplay.Observer() {
            @Override
            public void event(String name, Object data) {
                switch (name) {
                    case "twap_progress" -> progress.add((TwapProgress) data);
                    case "twap_slice" -> slices.add((TwapSlice) data);
                    case "order_submitted" -> orders.add((OrderRequest) ((List<?>) data).get(2));
                    default -> {
                    }
                }
            }
        };
        ArbitrageReplay.Config config = SpotPerpReplay.config(SpotPerpReplay.fees(new BigDecimal("0.001"),
                new BigDecimal("0.0005")));
        new ArbitrageReplay(SOURCES, List.of(), List.of(plan), config, observer).run(Speed.MAX, n -> {
        });
        return new Run(progress, slices, orders);
    }
}

package io.crossbook.core.twap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.ExecutionPolicy;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link TwapDesk} on a {@link RiskFixture}: the fixture's driven engine is its clock and
 * scheduler, its books the market, its risk gates the venues (paper, 0.1 % taker fee, 50 ms away),
 * with 10 bp slippage, a 2 s leg timeout, a 5 s hedge window, 2 retries and 3 failed slices in a
 * row before a plan fails. It records everything the desk reports. The books start at Binance spot
 * 49990 / 50000 and Bybit perp 50000 / 50010, 1 BTC a level; the engine at {@link #T}.
 */
final class TwapFixture implements TwapDesk.Events {
    /** When the engine starts, epoch ms. */
    static final long T = RiskFixture.T0;
    static final Instrument BINANCE_SPOT = RiskFixture.BINANCE_SPOT;
    static final Instrument BYBIT_PERP = RiskFixture.BYBIT_PERP;

    /** A progress event and the slice it reports, if any. */
    record Progress(TwapProgress progress, TwapSlice slice) {
    }

    /** A slice handed to {@link #sliceStarting}, with what stores it or not. */
    record Starting(TwapProgress progress, TwapSlice slice, Runnable send, Consumer<String> notStored) {
    }

    /** An order the desk submitted, {@code ts} epoch ms. */
    record Submitted(String planId, String executionId, OrderRequest order, long ts) {
        String id() {
            return order.clientOrderId();
        }
    }

    final RiskFixture f;
    final List<Set<InstrumentId>> watched = new ArrayList<>();
    final List<Progress> progress = new ArrayList<>();
    final List<Starting> starting = new ArrayList<>();
    final List<Submitted> submitted = new ArrayList<>();
    final List<String> orderEvents = new ArrayList<>();
    final List<EngineAlert> alerts = new ArrayList<>();
    final TwapDesk desk;
    /** While true, a slice handed to {@link #sliceStarting} is held: the test stores it, or not. */
    boolean hold;

    TwapFixture() {
        this(new RiskFixture());
    }

    TwapFixture(RiskFixture f) {
        this.f = f;
        desk = new TwapDesk(f.engine, f.engine, f.books::get, f.gates, f.risk, id -> RiskFixture.FEE, watched::add,
                new TwapDesk.Settings(new ExecutionPolicy(new BigDecimal("0.001"), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), 2), 3), this);
    }

    /** A fixture whose venue starts with these balances instead of 10000 USDT and 0.1 BTC. */
    static TwapFixture withBalances(Venue venue, Map<String, String> balances) {
        return new TwapFixture(new RiskFixture(Map.of(venue, balances)));
    }

    // ---- what the desk reports ----

    @Override
    public void progress(TwapPlan plan, TwapProgress p, TwapSlice slice) {
        progress.add(new Progress(p, slice));
    }

    @Override
    public void sliceStarting(TwapPlan plan, TwapProgress p, TwapSlice slice, Runnable send, Consumer<String> notStored) {
        starting.add(new Starting(p, slice, send, notStored));
        if (!hold) {
            send.run();
        }
    }

    @Override
    public void orderSubmitted(String planId, String executionId, OrderRequest order, long ts) {
        submitted.add(new Submitted(planId, executionId, order, ts));
    }

    @Override
    public void orderEvent(String planId, String executionId, OrderRequest order, OrderEvent event) {
        orderEvents.add(planId + " " + render(event));
    }

    @Override
    public void alert(EngineAlert alert) {
        alerts.add(alert);
    }

    static String render(OrderEvent event) {
        return switch (event) {
            case OrderEvent.Accepted a -> a.clientOrderId() + " accepted";
            case OrderEvent.Filled x -> x.clientOrderId() + " filled " + plain(x.qty()) + " @ " + plain(x.price());
            case OrderEvent.Closed c -> c.clientOrderId() + " closed " + plain(c.filledQty()) + ": " + c.reason();
            case OrderEvent.Rejected r -> r.clientOrderId() + " rejected " + r.code();
        };
    }

    // ---- plans ----

    static TwapLeg buy(Instrument instrument) {
        return new TwapLeg(instrument, OrderSide.BUY, null);
    }

    static TwapLeg buy(Instrument instrument, String limitPrice) {
        return new TwapLeg(instrument, OrderSide.BUY, dec(limitPrice));
    }

    static TwapLeg sell(Instrument instrument) {
        return new TwapLeg(instrument, OrderSide.SELL, null);
    }

    /** Plan {@code twap_1}: slices of {@code sliceQty} every second, no spread bound. */
    static TwapPlan plan(String totalQty, String sliceQty, TwapLeg... legs) {
        return plan("twap_1", totalQty, sliceQty, null, legs);
    }

    static TwapPlan plan(String id, String totalQty, String sliceQty, String maxAdverseSpreadPercent, TwapLeg... legs) {
        return new TwapPlan(id, "test plan", dec(totalQty), dec(sliceQty), 1000, List.of(legs),
                maxAdverseSpreadPercent == null ? null : dec(maxAdverseSpreadPercent));
    }

    /** Buys {@code totalQty} on Binance spot in slices of {@code sliceQty} every second. */
    static TwapPlan binanceBuy(String totalQty, String sliceQty) {
        return plan(totalQty, sliceQty, buy(BINANCE_SPOT));
    }

    /** Buys on Binance spot and sells on the Bybit perpetual, in slices of 0.002 every second. */
    static TwapPlan buySpotSellPerp(String totalQty, String maxAdverseSpreadPercent) {
        return plan("twap_1", totalQty, "0.002", maxAdverseSpreadPercent, buy(BINANCE_SPOT), sell(BYBIT_PERP));
    }

    // ---- driving the desk on the engine ----

    void add(TwapPlan plan) {
        f.run(() -> desk.add(plan));
    }

    /** Restores a stored plan now, and runs a slice it has due at once. */
    void restore(TwapPlan plan, TwapProgress saved) {
        f.run(() -> desk.restore(plan, saved));
        f.later(0);
    }

    /** Controls a plan now, and runs a slice that the control made due at once. */
    TwapProgress control(String planId, TwapDesk.Action action) {
        TwapProgress p = f.call(() -> desk.control(planId, action));
        f.later(0);
        return p;
    }

    TwapProgress start(TwapPlan plan) {
        add(plan);
        return control(plan.id(), TwapDesk.Action.START);
    }

    /** The control is refused with {@code code}; returns why. */
    String refused(String planId, TwapDesk.Action action, String code) {
        TwapDesk.ControlRefused e = catchThrowableOfType(TwapDesk.ControlRefused.class,
                () -> f.call(() -> desk.control(planId, action)));
        assertThat(e).as("%s %s", action, planId).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        return e.getMessage();
    }

    /** Moves the engine to {@code T + ms}. */
    void at(long ms) {
        f.at(T + ms);
    }

    /** Makes Binance spot's only ask {@code price}, for 1 BTC, with a bid 10 below. */
    void binanceAsk(String price) {
        BigDecimal ask = dec(price);
        f.show(RiskFixture.book(BINANCE_SPOT).bid(ask.subtract(BigDecimal.TEN).toPlainString(), "1").ask(price, "1"));
    }

    /** Makes Bybit perp's only bid {@code price}, for 1 BTC, with an ask 10 above. */
    void bybitBid(String price) {
        BigDecimal bid = dec(price);
        f.show(RiskFixture.book(BYBIT_PERP).bid(price, "1").ask(bid.add(BigDecimal.TEN).toPlainString(), "1"));
    }

    // ---- what happened ----

    TwapProgress progress() {
        return desk.progress("twap_1");
    }

    /** The client order ids submitted, in order. */
    List<String> ids() {
        return submitted.stream().map(Submitted::id).toList();
    }

    /** {@code <client order id> +<ms since T>} of every order submitted. */
    List<String> sent() {
        return submitted.stream().map(s -> s.id() + " +" + (s.ts() - T)).toList();
    }

    /** Each slice over, as {@code <number> <qty> <outcome> <executed>}. */
    List<String> slicesOver() {
        return progress.stream().filter(p -> p.slice() != null)
                .map(p -> p.slice().number() + " " + plain(p.slice().qty()) + " " + p.slice().result().outcome() + " "
                        + plain(p.slice().executed()))
                .toList();
    }

    /** The results of the slices over, in order. */
    List<ExecutionResult> results() {
        return progress.stream().filter(p -> p.slice() != null).map(p -> p.slice().result()).toList();
    }

    /** The desk's alerts with this code. */
    List<EngineAlert> alerts(String code) {
        return alerts.stream().filter(a -> a.code().equals(code)).toList();
    }

    /** The plan's published state, what it executed, and its slices done of total. */
    static String summary(TwapProgress p) {
        return p.state() + " " + plain(p.executed()) + " " + p.slicesDone() + "/" + p.slicesTotal();
    }

    static BigDecimal dec(String value) {
        return RiskFixture.dec(value);
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

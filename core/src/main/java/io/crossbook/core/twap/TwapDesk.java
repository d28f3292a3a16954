package io.crossbook.core.twap;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.engine.EngineClock;
import io.crossbook.core.engine.Scheduler;
import io.crossbook.core.exec.ExecutionListener;
import io.crossbook.core.exec.ExecutionPolicy;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.ExecutionVenue;
import io.crossbook.core.exec.LegExecution;
import io.crossbook.core.exec.MarketView;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.TakerFees;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskEngine;
import io.crossbook.core.risk.RiskRefusal;
import io.crossbook.core.risk.TradingState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs TWAP plans on the engine thread. A running plan tries a slice every {@code intervalMs} of
 * engine time, the first at once: {@code sliceQty}, or what remains when that is less, priced
 * through each leg's book. A slice its guards would breach — no valid book, a book too thin, a
 * leg's limit price, a two-legged plan's {@code maxAdverseSpreadPercent}, or the risk engine's
 * checks of its orders — is skipped, reported, and tried again at the next interval. Otherwise it
 * is handed to {@link Events#sliceStarting} to be stored, and only then sent: the legs go through
 * the same {@link LegExecution} as arbitrage legs, to the venues they are given (the risk engine's
 * gates), under client order ids derived from the plan id and the slice number.
 *
 * <p>What a slice executes (hedged on both legs, or filled on its one) counts toward
 * {@code totalQty}; a slice that fills short leaves the rest to the slices after it. A plan is
 * completed when nothing remains, failed when a slice leaves the legs imbalanced or
 * {@code maxFailedSlices} slices in a row execute nothing, and paused by itself when trading is
 * halted. Pausing and cancelling stop the next slices; a slice in flight finishes.
 *
 * <p>Everything but {@link #progress} and {@link #plans} must be called on the engine thread.
 */
public final class TwapDesk {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The leg policy of a slice, and how many slices in a row may execute nothing before a plan fails. */
    public record Settings(ExecutionPolicy policy, int maxFailedSlices) {
        public Settings {
            Objects.requireNonNull(policy, "policy");
            if (maxFailedSlices < 1) {
                throw new IllegalArgumentException("maxFailedSlices must be at least 1, was " + maxFailedSlices);
            }
        }
    }

    /**
     * What the desk reports, on the engine thread. Implementations must not block. The defaults
     * store nothing: a server stores every change, a replay or a benchmark need not.
     */
    public interface Events {
        /**
         * A plan changed: its state, a skipped slice, or a slice over ({@code slice} then, else
         * null). Store and publish it; it need not be durable before the engine goes on.
         */
        default void progress(TwapPlan plan, TwapProgress progress, TwapSlice slice) {
        }

        /**
         * A slice is about to be sent: store the plan and the slice durably, then run {@code send}
         * on the engine thread; or, if they cannot be stored, run {@code notStored} there with why.
         */
        default void sliceStarting(TwapPlan plan, TwapProgress progress, TwapSlice slice, Runnable send,
                                   Consumer<String> notStored) {
            send.run();
        }

        default void orderSubmitted(String planId, String executionId, OrderRequest order, long ts) {
        }

        default void orderEvent(String planId, String executionId, OrderRequest order, OrderEvent event) {
        }

        default void alert(EngineAlert alert) {
        }
    }

    public enum Action {
        START, PAUSE, RESUME, CANCEL;

        public static Action parse(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /** Why a control was refused; {@code code} is an API error code ({@code NOT_FOUND}, {@code CONFLICT}). */
    public static final class ControlRefused extends RuntimeException {
        private final String code;

        public ControlRefused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A slice not sent this time, and why; {@code finalRemainder} when it is the plan's rest and too small ever to trade. */
    private static final class Skip extends Exception {
        final boolean finalRemainder;

        Skip(String reason) {
            this(reason, false);
        }

        Skip(String reason, boolean finalRemainder) {
            super(reason, null, false, false);
            this.finalRemainder = finalRemainder;
        }
    }

    private static final class Run {
        final TwapPlan plan;
        TwapState state;
        String reason;
        BigDecimal executed;
        int slicesDone;
        int nextSlice;
        int skips;
        String lastSkip;
        Long startedTs;
        Long lastExecutionTs;
        int failedInARow;
        TwapSlice inFlight;
        boolean dueWhileInFlight;
        long timer;

        Run(TwapPlan plan, TwapProgress saved) {
            this.plan = plan;
            this.state = saved.state();
            this.reason = saved.reason();
            this.executed = saved.executed();
            this.slicesDone = saved.slicesDone();
            this.nextSlice = saved.nextSlice();
            this.skips = saved.skips();
            this.lastSkip = saved.lastSkip();
            this.startedTs = saved.startedTs();
            this.lastExecutionTs = saved.lastExecutionTs();
        }

        BigDecimal remaining() {
            return plan.totalQty().subtract(executed);
        }
    }

    private final EngineClock clock;
    private final Scheduler scheduler;
    private final MarketView market;
    private final Map<Venue, ExecutionVenue> venues;
    private final RiskEngine risk;
    private final TakerFees fees;
    private final Consumer<Set<InstrumentId>> watch;
    private final Settings settings;
    private final Events events;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, TwapProgress> published = new ConcurrentHashMap<>();
    private Set<InstrumentId> watched = Set.of();

    /**
     * @param venues the venues slices trade on: the risk engine's gates
     * @param watch  hears the instruments the plans not yet over trade, whenever they change: their
     *               books must reach {@code market}
     */
    public TwapDesk(EngineClock clock, Scheduler scheduler, MarketView market, Map<Venue, ExecutionVenue> venues,
                    RiskEngine risk, TakerFees fees, Consumer<Set<InstrumentId>> watch, Settings settings,
                    Events events) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.market = Objects.requireNonNull(market, "market");
        this.venues = Map.copyOf(venues);
        this.risk = Objects.requireNonNull(risk, "risk");
        this.fees = Objects.requireNonNull(fees, "fees");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
    }

    // ---- published views, any thread ----

    /** A plan's latest progress, or null for a plan this desk does not run. */
    public TwapProgress progress(String planId) {
        return published.get(planId);
    }

    public Collection<TwapProgress> plans() {
        return List.copyOf(published.values());
    }

    // ---- engine thread ----

    /** A new plan, pending until started. */
    public void add(TwapPlan plan) {
        restore(plan, new TwapProgress(plan.id(), TwapState.PENDING, null, BigDecimal.ZERO, plan.totalQty(), 0,
                TwapPlan.slicesTotal(plan.totalQty(), plan.sliceQty(), 0, BigDecimal.ZERO, BigDecimal.ZERO), 0, null, 1, null, null, clock.nowMillis()));
    }

    /**
     * A plan as it was stored, with no slice in flight (a restart settles those first): a running
     * plan tries its next slice one interval after its last, or at once if that is past.
     */
    public void restore(TwapPlan plan, TwapProgress saved) {
        if (runs.containsKey(plan.id())) {
            throw new IllegalArgumentException("plan " + plan.id() + " is already known");
        }
        Run run = new Run(plan, saved);
        runs.put(plan.id(), run);
        rewatch();
        publish(run);
        if (run.state == TwapState.RUNNING) {
            schedule(run, nextDue(run));
        }
    }

    /** Starts, pauses, resumes or cancels a plan; throws {@link ControlRefused} when it cannot. */
    public TwapProgress control(String planId, Action action) {
        Run run = runs.get(planId);
        if (run == null) {
            throw new ControlRefused("NOT_FOUND", "planId: no plan '" + planId + "' is known to the engine");
        }
        TwapState from = run.state;
        boolean allowed = switch (action) {
            case START -> from == TwapState.PENDING;
            case PAUSE -> from == TwapState.RUNNING;
            case RESUME -> from == TwapState.PAUSED;
            case CANCEL -> !from.isFinal();
        };
        if (!allowed) {
            throw new ControlRefused("CONFLICT", "plan " + planId + " is " + from.id() + ": it cannot "
                    + action.name().toLowerCase(Locale.ROOT));
        }
        run.timer++; // a timer set before this change no longer applies
        switch (action) {
            case START -> {
                run.startedTs = clock.nowMillis();
                running(run);
                schedule(run, clock.nowNanos());
            }
            case RESUME -> {
                running(run);
                schedule(run, nextDue(run));
            }
            case PAUSE -> finish(run, null, TwapState.PAUSED, "paused by hand");
            case CANCEL -> finish(run, null, TwapState.CANCELLED, "cancelled by hand");
        }
        return published.get(planId);
    }

    private void running(Run run) {
        run.state = TwapState.RUNNING;
        run.reason = null;
        run.failedInARow = 0;
        report(run, null);
    }

    /** One interval after the last slice was sent, or now if that is past or there was none. */
    private long nextDue(Run run) {
        long now = clock.nowNanos();
        return run.lastExecutionTs == null ? now : Math.max(now, (run.lastExecutionTs + run.plan.intervalMs()) * 1_000_000L);
    }

    private void schedule(Run run, long atNanos) {
        long timer = ++run.timer;
        scheduler.at(atNanos, () -> {
            if (run.timer == timer) {
                attempt(run);
            }
        });
    }

    /** A slice is due. */
    private void attempt(Run run) {
        if (run.state != TwapState.RUNNING) {
            return;
        }
        if (run.inFlight != null) {
            run.dueWhileInFlight = true;
            return;
        }
        long now = clock.nowNanos();
        schedule(run, now + run.plan.intervalMs() * 1_000_000L);
        if (risk.state() == TradingState.HALTED) {
            finish(run, null, TwapState.PAUSED, "trading is halted (kill switch): resume the plan once trading is active again");
            return;
        }
        BigDecimal qty = sliceQty(run);
        if (qty.signum() == 0) {
            finish(run, null, TwapState.COMPLETED, "the remaining " + plain(run.remaining())
                    + " is less than a lot of every leg: left unexecuted");
            return;
        }
        List<LegExecution.Leg> legs;
        try {
            legs = price(run, qty);
        } catch (Skip skip) {
            if (skip.finalRemainder) {
                finish(run, null, TwapState.COMPLETED, "the remaining " + plain(qty) + " cannot be traded: " + skip.getMessage());
            } else {
                skip(run, skip.getMessage());
            }
            return;
        }
        List<OrderRequest> orders = new ArrayList<>();
        for (LegExecution.Leg leg : legs) {
            orders.add(leg.entryOrder("risk-check", qty, settings.policy().slippage()));
        }
        RiskRefusal refusal = risk.checkOrders(orders);
        if (refusal != null) {
            skip(run, "risk " + refusal.rule() + ": " + refusal.message());
            return;
        }
        int number = run.nextSlice++;
        TwapSlice slice = new TwapSlice(run.plan.id(), number, run.plan.executionId(number), qty, clock.nowMillis(), null);
        Long lastSent = run.lastExecutionTs;
        run.inFlight = slice;
        run.lastExecutionTs = slice.startedTs();
        events.sliceStarting(run.plan, snapshot(run), slice, () -> send(run, slice, legs),
                why -> notStored(run, slice, lastSent, why));
        publish(run);
    }

    /** What the next slice trades: {@code sliceQty} or the remainder, in whole lots of every leg. */
    private static BigDecimal sliceQty(Run run) {
        BigDecimal qty = run.plan.sliceQty().min(run.remaining());
        for (TwapLeg leg : run.plan.legs()) {
            Instrument i = leg.instrument();
            BigDecimal lot = i.toBaseQty(i.lotSize());
            qty = qty.divideToIntegralValue(lot).multiply(lot);
        }
        return qty.signum() <= 0 ? BigDecimal.ZERO : qty.stripTrailingZeros();
    }

    /** Each leg at its book's VWAP for {@code qty}, or why the slice cannot go now. */
    private List<LegExecution.Leg> price(Run run, BigDecimal qty) throws Skip {
        List<LegExecution.Leg> legs = new ArrayList<>();
        for (TwapLeg leg : run.plan.legs()) {
            Instrument instrument = leg.instrument();
            BookSnapshot book = market.book(instrument.id());
            if (book == null) {
                throw new Skip(instrument.id() + " has no valid book");
            }
            BigDecimal orderQty = instrument.toOrderQty(qty);
            BigDecimal price = book.averagePrice(leg.side().takes(), orderQty);
            if (price == null) {
                throw new Skip(instrument.id() + ": the book is too thin for " + plain(qty));
            }
            BigDecimal limit = leg.limitPrice();
            if (limit != null && (leg.side() == OrderSide.BUY ? price.compareTo(limit) > 0 : price.compareTo(limit) < 0)) {
                throw new Skip(instrument.id() + ": the book's VWAP " + plain(price) + " for " + plain(qty) + " is "
                        + (leg.side() == OrderSide.BUY ? "above" : "below") + " the limit price " + plain(limit));
            }
            if (orderQty.compareTo(instrument.minQty()) < 0 || qty.multiply(price).compareTo(instrument.minNotional()) < 0) {
                throw new Skip(instrument.id() + ": " + plain(qty) + " at " + plain(price) + " is below the minimum order ("
                        + plain(instrument.minQty()) + " and " + plain(instrument.minNotional()) + " " + instrument.quote() + ")",
                        qty.compareTo(run.plan.sliceQty()) < 0);
            }
            ExecutionVenue venue = venues.get(instrument.venue());
            if (venue == null) {
                throw new Skip("no order entry for " + instrument.venue().id() + " in this trading mode");
            }
            legs.add(new LegExecution.Leg(venue, instrument, leg.side(), qty, price, limit));
        }
        BigDecimal bound = run.plan.maxAdverseSpreadPercent();
        if (bound != null) {
            BigDecimal adverse = adverseSpreadPercent(legs);
            if (adverse.compareTo(bound) > 0) {
                throw new Skip("adverse spread " + adverse.setScale(4, RoundingMode.HALF_EVEN).toPlainString()
                        + "% net of fees is above maxAdverseSpreadPercent " + plain(bound) + "%");
            }
        }
        return legs;
    }

    /** {@code (buy × (1 + fee) - sell × (1 - fee)) / mid × 100}: what the buy costs above the sale, net of taker fees. */
    private BigDecimal adverseSpreadPercent(List<LegExecution.Leg> legs) {
        LegExecution.Leg buy = legs.get(0).side() == OrderSide.BUY ? legs.get(0) : legs.get(1);
        LegExecution.Leg sell = buy == legs.get(0) ? legs.get(1) : legs.get(0);
        BigDecimal cost = buy.expectedPrice().multiply(BigDecimal.ONE.add(fees.rate(buy.instrument().id())))
                .subtract(sell.expectedPrice().multiply(BigDecimal.ONE.subtract(fees.rate(sell.instrument().id()))));
        BigDecimal mid = buy.expectedPrice().add(sell.expectedPrice()).divide(BigDecimal.TWO);
        return cost.multiply(HUNDRED).divide(mid, MathContext.DECIMAL64);
    }

    private void skip(Run run, String why) {
        run.skips++;
        run.lastSkip = why;
        report(run, null);
    }

    private void send(Run run, TwapSlice slice, List<LegExecution.Leg> legs) {
        String planId = run.plan.id();
        LegExecution execution = new LegExecution(slice.executionId(), legs.get(0), legs.size() > 1 ? legs.get(1) : null,
                settings.policy(), scheduler, clock, new ExecutionListener() {
                    @Override
                    public void orderSubmitted(String executionId, OrderRequest order, long ts) {
                        events.orderSubmitted(planId, executionId, order, ts);
                    }

                    @Override
                    public void orderEvent(String executionId, OrderRequest order, OrderEvent event) {
                        events.orderEvent(planId, executionId, order, event);
                    }

                    @Override
                    public void finished(ExecutionResult result) {
                        sliceOver(run, slice.finished(result));
                    }
                });
        execution.start();
    }

    /** The slice could not be stored, so it was never sent: the plan pauses, for a human to look. */
    private void notStored(Run run, TwapSlice slice, Long lastSent, String why) {
        run.inFlight = null;
        run.nextSlice--;
        run.lastExecutionTs = lastSent;
        events.alert(new EngineAlert(EngineAlert.CRITICAL, "TWAP_NOT_STORED", null, "plan " + run.plan.id() + ": slice "
                + slice.number() + " could not be stored and was not sent: " + why, null, null, clock.nowMillis()));
        if (!run.state.isFinal()) {
            finish(run, null, TwapState.PAUSED, "slice " + slice.number() + " could not be stored: " + why);
        } else {
            rewatch(); // cancelled while the slice awaited storage: its books are no longer needed
        }
    }

    private void sliceOver(Run run, TwapSlice slice) {
        ExecutionResult result = slice.result();
        run.inFlight = null;
        run.slicesDone++;
        run.executed = run.executed.add(slice.executed());
        run.failedInARow = slice.executed().signum() == 0 ? run.failedInARow + 1 : 0;
        if (result.second() != null) {
            risk.onExecution(null, result); // two matched legs: a realised P&L
        }
        if (result.outcome() == ExecutionResult.Outcome.IMBALANCED) {
            events.alert(new EngineAlert(EngineAlert.CRITICAL, "LEG_IMBALANCE", null, "plan " + run.plan.id() + " slice "
                    + slice.number() + " left an open imbalance: " + result.detail(), null, null, clock.nowMillis()));
            finish(run, slice, TwapState.FAILED, "slice " + slice.number() + " left the legs imbalanced: " + result.detail());
        } else if (run.remaining().signum() <= 0) {
            finish(run, slice, TwapState.COMPLETED, null);
        } else if (run.failedInARow >= settings.maxFailedSlices() && !run.state.isFinal()) {
            events.alert(new EngineAlert(EngineAlert.WARNING, "TWAP_FAILED", null, "plan " + run.plan.id() + ": "
                    + run.failedInARow + " slices in a row executed nothing; the last: " + result.detail(), null, null,
                    clock.nowMillis()));
            finish(run, slice, TwapState.FAILED, run.failedInARow + " slices in a row executed nothing; the last: "
                    + result.detail());
        } else {
            report(run, slice);
            rewatch(); // a plan cancelled while this slice was in flight no longer needs its books
            if (run.dueWhileInFlight) {
                run.dueWhileInFlight = false;
                attempt(run);
            }
        }
    }

    /**
     * Moves the plan to {@code state} (paused or final), reporting the slice that did it if any;
     * a plan already final (cancelled while the slice was in flight) keeps its state.
     */
    private void finish(Run run, TwapSlice slice, TwapState state, String reason) {
        if (!run.state.isFinal()) {
            run.state = state;
            run.reason = reason;
            run.timer++;
        }
        report(run, slice);
        rewatch();
    }

    private void report(Run run, TwapSlice slice) {
        events.progress(run.plan, publish(run), slice);
    }

    private TwapProgress publish(Run run) {
        TwapProgress p = snapshot(run);
        published.put(run.plan.id(), p);
        return p;
    }

    private TwapProgress snapshot(Run run) {
        int total = TwapPlan.slicesTotal(run.plan.totalQty(), run.plan.sliceQty(), run.slicesDone, run.executed,
                run.inFlight == null ? BigDecimal.ZERO : run.inFlight.qty());
        return new TwapProgress(run.plan.id(), run.state, run.reason, run.executed, run.remaining().max(BigDecimal.ZERO),
                run.slicesDone, total,
                run.skips, run.lastSkip, run.nextSlice, run.startedTs, run.lastExecutionTs, clock.nowMillis());
    }

    private void rewatch() {
        Set<InstrumentId> ids = new HashSet<>();
        for (Run run : runs.values()) {
            if (!run.state.isFinal() || run.inFlight != null) {
                run.plan.legs().forEach(leg -> ids.add(leg.instrument().id()));
            }
        }
        if (!ids.equals(watched)) {
            watched = Set.copyOf(ids);
            watch.accept(watched);
        }
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}

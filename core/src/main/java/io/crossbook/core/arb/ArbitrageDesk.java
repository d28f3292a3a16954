package io.crossbook.core.arb;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.engine.Engine;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.LegExecution;
import io.crossbook.core.exec.ExecutionListener;
import io.crossbook.core.exec.ExecutionPolicy;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.ExecutionVenue;
import io.crossbook.core.exec.MarketView;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.PairIndex;
import io.crossbook.core.risk.RiskEngine;
import io.crossbook.core.risk.RiskRefusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The arbitrage state the engine thread owns: the latest books of the watched instruments (the
 * pairs' and cycles' legs, and those of {@link #alsoWatch}), the
 * pairs with their live quotes, opportunities, triangular paths and executions. Every book update
 * of a pair's leg re-prices that pair at once (VWAP through depth, net of fees); an enabled pair
 * whose net spread clears its threshold executes both legs through the {@link ExecutionVenue} of
 * each leg's venue, within its {@code totalAmount} and after a cooldown. Every execution passes
 * the {@link RiskEngine} first, and the venues it is given must be the risk engine's gates.
 *
 * <p>Everything but the published views ({@link #quote}, {@link #quotes}, {@link #paths},
 * {@link #watches}) must be called on the engine thread.
 */
public final class ArbitrageDesk implements MarketView, PairIndex {
    /** How executions run: pause between two automatic executions of a pair, and the leg policy. */
    public record Settings(Duration cooldown, ExecutionPolicy policy, BigDecimal triangularStartQty) {
    }

    /** What the desk reports, on the engine thread. Implementations must not block. */
    public interface Events {
        default void opportunity(Opportunity opportunity) {
        }

        default void orderSubmitted(String pairId, String executionId, OrderRequest order, long ts) {
        }

        default void orderEvent(String pairId, String executionId, OrderRequest order, OrderEvent event) {
        }

        default void executionFinished(PairExecution execution) {
        }

        default void alert(EngineAlert alert) {
        }
    }

    /** One execution of a pair: the quote it acted on and how it ended. Leg 1 is the result's first leg. */
    public record PairExecution(String pairId, Direction direction, SpreadQuote quote, boolean automatic,
                                ExecutionResult result) {
    }

    /**
     * Why an execution was not started; {@code code} is an API error code. {@code alerted} when
     * the refusal has raised its alert already (the risk engine's do).
     */
    public static final class ExecutionRefused extends RuntimeException {
        private final String code;
        private final boolean alerted;

        public ExecutionRefused(String code, String message) {
            this(code, message, false);
        }

        ExecutionRefused(String code, String message, boolean alerted) {
            super(message, null, false, false);
            this.code = code;
            this.alerted = alerted;
        }

        public String code() {
            return code;
        }
    }

    private static final class PairState {
        PairConfig config;
        SpreadQuote quote;
        BigDecimal tradedNotional;
        long cooldownUntilNanos;
        boolean running;
        boolean capReported;

        PairState(PairConfig config, BigDecimal tradedNotional) {
            this.config = config;
            this.tradedNotional = tradedNotional;
        }
    }

    private final Engine engine;
    private final SpreadCalculator calculator;
    private final OpportunityTracker tracker;
    private final TriangularDetector triangular;
    private final Map<Venue, ExecutionVenue> venues;
    private final RiskEngine risk;
    private final Settings settings;
    private final Events events;
    private final Map<InstrumentId, BookSnapshot> books = new HashMap<>();
    private final Map<InstrumentId, FundingRate> funding = new HashMap<>();
    private final Map<String, PairState> pairs = new LinkedHashMap<>();
    private final Map<InstrumentId, List<PairState>> pairsByInstrument = new HashMap<>();
    private final Map<InstrumentId, List<TriangularCycle>> cyclesByInstrument = new HashMap<>();
    private final ConcurrentHashMap<String, SpreadQuote> quotes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TriangularPath> paths = new ConcurrentHashMap<>();
    private volatile Set<InstrumentId> watched = Set.of();
    /** Instruments other strategies trade from this desk's books (the legs of TWAP plans). */
    private Set<InstrumentId> alsoWatched = Set.of();
    private long executionSequence;

    public ArbitrageDesk(Engine engine, SpreadCalculator calculator, OpportunityTracker tracker,
                         TriangularDetector triangular, Map<Venue, ExecutionVenue> venues, RiskEngine risk,
                         Settings settings, Events events) {
        this.engine = engine;
        this.calculator = calculator;
        this.tracker = tracker;
        this.triangular = triangular;
        this.venues = Map.copyOf(venues);
        this.risk = risk;
        risk.attach(this);
        this.settings = settings;
        this.events = events;
    }

    // ---- published views, any thread ----

    /** True when some pair or triangular cycle prices from this instrument's book. */
    public boolean watches(InstrumentId instrument) {
        return watched.contains(instrument);
    }

    /** A pair's latest quote, or null before its first. */
    public SpreadQuote quote(String pairId) {
        return quotes.get(pairId);
    }

    public Collection<SpreadQuote> quotes() {
        return List.copyOf(quotes.values());
    }

    /** The triangular paths' latest evaluations, by cycle id. */
    public Collection<TriangularPath> paths() {
        return List.copyOf(paths.values());
    }

    // ---- engine thread ----

    @Override
    public BookSnapshot book(InstrumentId instrument) {
        return books.get(instrument);
    }

    /** The latest valid books of the watched instruments. */
    public Collection<BookSnapshot> books() {
        return books.values();
    }

    @Override
    public Collection<String> pairsUsing(InstrumentId instrument) {
        return pairsByInstrument.getOrDefault(instrument, List.of()).stream().map(p -> p.config.id()).toList();
    }

    @Override
    public List<InstrumentId> legs(String pairId) {
        PairState p = pairs.get(pairId);
        return p == null ? List.of() : List.of(p.config.leg1().id(), p.config.leg2().id());
    }

    /** A valid book update of a watched instrument: re-prices every pair and cycle that uses it. */
    public void onBook(BookSnapshot book) {
        if (!book.valid()) {
            onBookInvalid(book.instrument());
            return;
        }
        books.put(book.instrument(), book);
        risk.onBook(book);
        changed(book.instrument());
    }

    /** The book can no longer be trusted: its pairs have no price until it is valid again. */
    public void onBookInvalid(InstrumentId instrument) {
        if (books.remove(instrument) != null) {
            changed(instrument);
        }
    }

    public void onFunding(FundingRate rate) {
        funding.put(rate.instrument(), rate);
        for (PairState p : pairsByInstrument.getOrDefault(rate.instrument(), List.of())) {
            requote(p);
        }
    }

    /**
     * Adds or replaces a pair. {@code tradedNotional} is what it has traded so far against its
     * {@code totalAmount} (from the execution history after a restart).
     */
    public void putPair(PairConfig config, BigDecimal tradedNotional) {
        PairState p = pairs.get(config.id());
        if (p == null) {
            p = new PairState(config, tradedNotional);
            pairs.put(config.id(), p);
        } else {
            p.config = config;
            p.tradedNotional = tradedNotional;
            p.capReported = false;
        }
        tracker.forget(config.id());
        calculator.forget(config.id());
        reindex();
        requote(p);
    }

    public boolean removePair(String id) {
        PairState p = pairs.remove(id);
        if (p == null) {
            return false;
        }
        tracker.forget(id);
        calculator.forget(id);
        quotes.remove(id);
        reindex();
        return true;
    }

    /**
     * Keeps the books of these instruments too, for strategies that trade from them without a
     * pair (TWAP plans): replaces the previous set.
     */
    public void alsoWatch(Set<InstrumentId> instruments) {
        alsoWatched = Set.copyOf(instruments);
        reindex();
    }

    /** Replaces the triangular cycles evaluated on every update of one of their books. */
    public void setCycles(List<TriangularCycle> cycles) {
        cyclesByInstrument.clear();
        paths.clear();
        for (TriangularCycle c : cycles) {
            for (TriangularCycle.Hop hop : c.hops()) {
                cyclesByInstrument.computeIfAbsent(hop.instrument().id(), k -> new ArrayList<>()).add(c);
            }
        }
        reindex();
        for (TriangularCycle c : cycles) {
            evaluate(c);
        }
    }

    /**
     * Executes a pair once now, in the direction of its latest quote, whatever the spread: the
     * manual trigger. The future completes when both legs are over, or exceptionally with
     * {@link ExecutionRefused}.
     */
    public CompletableFuture<PairExecution> execute(String pairId) {
        CompletableFuture<PairExecution> done = new CompletableFuture<>();
        PairState p = pairs.get(pairId);
        try {
            if (p == null) {
                throw new ExecutionRefused("NOT_FOUND", "pairId: no pair '" + pairId + "'");
            }
            start(p, false, done);
        } catch (ExecutionRefused e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private void changed(InstrumentId instrument) {
        for (PairState p : pairsByInstrument.getOrDefault(instrument, List.of())) {
            requote(p);
        }
        for (TriangularCycle c : cyclesByInstrument.getOrDefault(instrument, List.of())) {
            evaluate(c);
        }
    }

    private void requote(PairState p) {
        PairConfig c = p.config;
        SpreadQuote q = calculator.quote(c, books.get(c.leg1().id()), books.get(c.leg2().id()),
                funding.get(c.leg1().id()), funding.get(c.leg2().id()), engine.nowMillis());
        p.quote = q;
        quotes.put(c.id(), q);
        BookSnapshot b1 = books.get(c.leg1().id());
        BookSnapshot b2 = books.get(c.leg2().id());
        if (b1 != null && b2 != null) {
            risk.onPairBooks(c.id(), b1, b2);
        }
        Opportunity o = tracker.update(c, q);
        if (o != null) {
            events.opportunity(o);
        }
        if (c.enabled() && q.clears(c.threshold()) && !p.running && engine.nowNanos() >= p.cooldownUntilNanos) {
            try {
                start(p, true, null);
            } catch (ExecutionRefused e) {
                if (!e.alerted && !p.capReported) {
                    p.capReported = true;
                    events.alert(new EngineAlert(EngineAlert.WARNING, e.code(), null, e.getMessage(), c.id(), null,
                            engine.nowMillis()));
                }
            }
        }
    }

    private void evaluate(TriangularCycle c) {
        paths.put(c.id(), triangular.evaluate(c, this, settings.triangularStartQty(), engine.nowMillis()));
    }

    private void start(PairState p, boolean automatic, CompletableFuture<PairExecution> done) {
        PairConfig c = p.config;
        SpreadQuote q = p.quote;
        if (p.running) {
            throw new ExecutionRefused("CONFLICT", "pair " + c.id() + " has an execution running");
        }
        if (q == null || q.direction() == null) {
            throw new ExecutionRefused("EXCHANGE_UNAVAILABLE", "pair " + c.id()
                    + " has no price: a leg's book is missing, out of sync or too thin for qty " + c.qty().toPlainString());
        }
        boolean forward = q.direction() == Direction.FORWARD;
        OrderSide leg1Side = forward ? OrderSide.BUY : OrderSide.SELL;
        BigDecimal leg1Price = expectedPrice(c.leg1(), leg1Side, c.qty());
        BigDecimal leg2Price = expectedPrice(c.leg2(), leg1Side.opposite(), c.qty());
        BigDecimal notional = c.qty().multiply(forward ? leg1Price : leg2Price);
        BigDecimal after = p.tradedNotional.add(notional);
        if (after.compareTo(c.totalAmount()) > 0) {
            throw new ExecutionRefused("RISK_REJECTED", "pair " + c.id() + ": totalAmount " + c.totalAmount().toPlainString()
                    + " would be exceeded (traded " + p.tradedNotional.toPlainString() + " + this trade "
                    + notional.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + ")");
        }
        ExecutionVenue v1 = venue(c.leg1());
        ExecutionVenue v2 = venue(c.leg2());
        LegExecution.Leg leg1 = new LegExecution.Leg(v1, c.leg1(), leg1Side, c.qty(), leg1Price);
        LegExecution.Leg leg2 = new LegExecution.Leg(v2, c.leg2(), leg1Side.opposite(), c.qty(), leg2Price);
        RiskRefusal refusal = risk.checkExecution(c.id(), automatic, c.threshold(),
                List.of(probe(leg1), probe(leg2)));
        if (refusal != null) {
            throw new ExecutionRefused("RISK_REJECTED", refusal.rule() + ": " + refusal.message(), true);
        }
        String id = nextExecutionId();
        p.running = true;
        LegExecution execution = new LegExecution(id, leg1, leg2, settings.policy(), engine, engine,
                new ExecutionListener() {
                    @Override
                    public void orderSubmitted(String executionId, OrderRequest order, long ts) {
                        events.orderSubmitted(c.id(), executionId, order, ts);
                    }

                    @Override
                    public void orderEvent(String executionId, OrderRequest order, OrderEvent event) {
                        events.orderEvent(c.id(), executionId, order, event);
                    }

                    @Override
                    public void finished(ExecutionResult result) {
                        finish(p, new PairExecution(c.id(), q.direction(), q, automatic, result), done);
                    }
                });
        execution.start();
    }

    private void finish(PairState p, PairExecution e, CompletableFuture<PairExecution> done) {
        ExecutionResult r = e.result();
        p.running = false;
        p.cooldownUntilNanos = engine.nowNanos() + settings.cooldown().toNanos();
        ExecutionResult.LegResult buy = r.first().side() == OrderSide.BUY ? r.first() : r.second();
        if (buy.averagePrice() != null) {
            p.tradedNotional = p.tradedNotional.add(r.hedgedBaseQty().multiply(buy.averagePrice()));
        }
        events.executionFinished(e);
        switch (r.outcome()) {
            case IMBALANCED -> events.alert(new EngineAlert(EngineAlert.CRITICAL, "LEG_IMBALANCE", null, "execution "
                    + r.executionId() + " left an open imbalance: " + r.detail(), e.pairId(), null, engine.nowMillis()));
            case FAILED, UNWOUND -> events.alert(new EngineAlert(EngineAlert.WARNING, "EXECUTION_FAILED", null,
                    "execution " + r.executionId() + " " + r.outcome().name().toLowerCase() + ": " + r.detail(),
                    e.pairId(), null, engine.nowMillis()));
            default -> {
            }
        }
        risk.onExecution(e.pairId(), r);
        if (done != null) {
            done.complete(e);
        }
    }

    /** The order a leg's first entry will be, for the risk engine to check before anything is sent. */
    private OrderRequest probe(LegExecution.Leg leg) {
        return leg.entryOrder("risk-check", leg.baseQty(), settings.policy().slippage());
    }

    private ExecutionVenue venue(Instrument instrument) {
        ExecutionVenue v = venues.get(instrument.venue());
        if (v == null) {
            throw new ExecutionRefused("EXCHANGE_UNAVAILABLE", "no order entry for " + instrument.venue().id()
                    + " in this trading mode");
        }
        return v;
    }

    /** The exact average price of trading {@code baseQty} through the book now. */
    private BigDecimal expectedPrice(Instrument instrument, OrderSide side, BigDecimal baseQty) {
        BookSnapshot book = books.get(instrument.id());
        if (book == null) {
            throw new ExecutionRefused("EXCHANGE_UNAVAILABLE", instrument.id() + ": no valid book");
        }
        BigDecimal price;
        try {
            price = book.averagePrice(side.takes(), instrument.toOrderQty(baseQty));
        } catch (ArithmeticException e) {
            throw new ExecutionRefused("VALIDATION_ERROR", instrument.id() + ": qty " + baseQty.toPlainString()
                    + " is finer than the book's quantities");
        }
        if (price == null) {
            throw new ExecutionRefused("EXCHANGE_UNAVAILABLE", instrument.id() + ": the book is too thin for "
                    + baseQty.toPlainString());
        }
        return price;
    }

    /** Deterministic, alphanumeric and short enough for every venue's client order id. */
    private String nextExecutionId() {
        return "x" + Long.toString(engine.nowMillis(), 36) + Long.toString(++executionSequence, 36);
    }

    private void reindex() {
        pairsByInstrument.clear();
        Set<InstrumentId> ids = new HashSet<>();
        for (PairState p : pairs.values()) {
            pairsByInstrument.computeIfAbsent(p.config.leg1().id(), k -> new ArrayList<>()).add(p);
            pairsByInstrument.computeIfAbsent(p.config.leg2().id(), k -> new ArrayList<>()).add(p);
            ids.add(p.config.leg1().id());
            ids.add(p.config.leg2().id());
        }
        ids.addAll(cyclesByInstrument.keySet());
        ids.addAll(alsoWatched);
        watched = Set.copyOf(ids);
        // a book no one watches is no longer updated: a later pair must not price from it
        books.keySet().retainAll(ids);
        funding.keySet().retainAll(ids);
    }
}

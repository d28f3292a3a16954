package io.crossbook.server.twap;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.core.twap.TwapDesk;
import io.crossbook.core.twap.TwapLeg;
import io.crossbook.core.twap.TwapPlan;
import io.crossbook.core.twap.TwapProgress;
import io.crossbook.core.twap.TwapState;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.arbitrage.ArbitrageService;
import io.crossbook.server.arbitrage.ExecutionView;
import io.crossbook.server.live.LiveTrading;
import io.crossbook.store.trading.OrderRepository;
import io.crossbook.store.trading.StoredOrder;
import io.crossbook.store.twap.StoredTwapPlan;
import io.crossbook.store.twap.StoredTwapSlice;
import io.crossbook.store.twap.TwapRepository;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangeTrade;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * TWAP plans as the server runs them: validated and stored before the engine hears of them,
 * commanded on the engine thread, and resumed after a restart. A slice that was in flight when the
 * process died is settled from the orders the journal holds for it — never sent again — before
 * its plan goes on with the next slice number.
 */
@Service
public class TwapService {
    private static final Logger LOG = LoggerFactory.getLogger(TwapService.class);
    static final String PREFIX = "twap_";
    private static final Set<String> FINAL_ORDER_STATES = Set.of(StoredOrder.FILLED,
            StoredOrder.CANCELLED, StoredOrder.REJECTED);

    private final ArbitrageService engine;
    private final LiveTrading live;
    private final TwapRepository plans;
    private final OrderRepository orders;
    private final TwapProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    /** Stored plans not over whose instruments are not known yet (a live feed loads them after it connects). */
    private final Map<String, StoredTwapPlan> unresolved = new ConcurrentHashMap<>();
    private final Object naming = new Object();

    public TwapService(ArbitrageService engine, LiveTrading live, TwapRepository plans, OrderRepository orders, TwapProperties properties,
                       ObjectMapper json, ObjectProvider<Clock> clock) {
        this.engine = engine;
        this.live = live;
        this.plans = plans;
        this.orders = orders;
        this.properties = properties;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** After the engine has started: every plan not over goes back to it. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void onReady() {
        for (StoredTwapPlan p : plans.unfinished()) {
            unresolved.put(p.id(), p);
        }
        resume();
    }

    /** Gives the engine the stored plans whose instruments have become known. */
    @Scheduled(fixedDelayString = "${crossbook.arbitrage.refresh-every:10s}", initialDelayString = "${crossbook.arbitrage.refresh-every:10s}")
    public void resume() {
        for (StoredTwapPlan row : List.copyOf(unresolved.values())) {
            TwapPlan plan;
            try {
                plan = stored(row);
            } catch (ApiException e) {
                LOG.debug("plan {} not resumed yet: {}", row.id(), e.getMessage());
                continue;
            }
            StoredTwapPlan settled = settle(row, plan);
            TwapProgress saved = progress(settled, clock.millis());
            engine.command(() -> engine.twap().restore(plan, saved));
            unresolved.remove(row.id());
            LOG.info("plan {} resumed {}: executed {} of {}, next slice {}", plan.id(), saved.state().id(),
                    saved.executed().toPlainString(), plan.totalQty().toPlainString(), saved.nextSlice());
        }
    }

    public String create(TwapRequest request) {
        TwapPlan plan;
        synchronized (naming) {
            String id = PREFIX + (plans.maxPlanNumber(PREFIX) + 1);
            plan = new TwapValidator(engine::instrument, engine::midPrice, properties).validate(id, request);
            long now = clock.millis();
            StoredTwapPlan row = new StoredTwapPlan(id, plan.name(), TwapEvents.legsJson(plan, json), plan.totalQty(),
                    plan.sliceQty(), plan.intervalMs(), plan.maxAdverseSpreadPercent(), StoredTwapPlan.PENDING, null,
                    BigDecimal.ZERO, 0, 1, 0, null, now, null, null, now);
            if (!plans.insert(row)) {
                throw new ApiException(ErrorCode.CONFLICT, "planId: plan '" + id + "' exists");
            }
        }
        engine.command(() -> engine.twap().add(plan));
        LOG.info("plan {} created: {} {} in slices of {} every {} ms on {}", plan.id(), plan.name(),
                plan.totalQty().toPlainString(), plan.sliceQty().toPlainString(), plan.intervalMs(),
                plan.legs().stream().map(l -> l.side().id() + " " + l.instrument().id()).toList());
        return plan.id();
    }

    public List<TwapView> plans(int limit) {
        return plans.all(limit).stream().map(this::view).toList();
    }

    public TwapView status(String planId) {
        return view(find(planId));
    }

    public TwapView control(String planId, String action) {
        TwapDesk.Action a;
        try {
            a = TwapDesk.Action.parse(action == null ? "" : action);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("action: must be start, pause, resume or cancel, not "
                    + (action == null ? "nothing" : "'" + action + "'"));
        }
        StoredTwapPlan stored = find(planId);
        if (unresolved.containsKey(planId)) {
            throw new ApiException(ErrorCode.EXCHANGE_UNAVAILABLE, "plan " + planId
                    + " is not running yet: its instruments' metadata is not known (is the exchange reachable?)");
        }
        if (a == TwapDesk.Action.START || a == TwapDesk.Action.RESUME) {
            engine.requireTrading(view(stored).legs().stream().map(TwapRequest.Leg::exchange).toList());
        }
        try {
            engine.onEngine(() -> engine.twap().control(planId, a));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof TwapDesk.ControlRefused r) {
                throw new ApiException(ErrorCode.valueOf(r.code()), r.getMessage());
            }
            throw e;
        }
        LOG.info("plan {}: {}", planId, a.name().toLowerCase(Locale.ROOT));
        return status(planId);
    }

    public List<TwapSliceView> slices(String planId) {
        find(planId);
        return plans.slices(planId).stream().map(s -> new TwapSliceView(s.sliceNo(), s.executionId(), s.qty(), s.state(),
                s.outcome(), s.executedQty(), s.fees(), s.pnl(), json.readValue(s.legsJson(),
                new TypeReference<List<ExecutionView.Leg>>() {
                }), s.detail(), s.startedTs(), s.finishedTs())).toList();
    }

    private StoredTwapPlan find(String planId) {
        return plans.find(planId).orElseThrow(() -> ApiException.notFound("planId: no plan '" + planId + "'"));
    }

    private TwapView view(StoredTwapPlan row) {
        return TwapView.of(row, legs(row), engine.twap().progress(row.id()));
    }

    private List<TwapRequest.Leg> legs(StoredTwapPlan row) {
        return json.readValue(row.legsJson(), new TypeReference<List<TwapRequest.Leg>>() {
        });
    }

    /** A stored plan checked against the instruments' metadata only: today's prices must not refuse it. */
    private TwapPlan stored(StoredTwapPlan row) {
        return new TwapValidator(engine::instrument, id -> null, properties).validate(row.id(), new TwapRequest(row.name(),
                row.totalQty(), row.sliceQty(), row.intervalMs(), legs(row), row.maxAdverseSpreadPercent()));
    }

    /**
     * Settles the slices stored as sending: the process died after writing them and before they were
     * over. They are not sent again. An order the journal still has open is, on paper, closed as
     * cancelled (it died with the paper venue); live, it is looked up at the exchange by its client
     * order id and journalled as the exchange has it, fills included. What the orders filled counts.
     * An order still open at the exchange, or one the exchange could not be asked about, may yet fill:
     * a running plan then comes back paused, naming it, for a human to look. Legs left unequal fail
     * the plan.
     */
    private StoredTwapPlan settle(StoredTwapPlan row, TwapPlan plan) {
        List<StoredTwapSlice> settled = new ArrayList<>();
        BigDecimal executed = row.executedQty();
        int done = row.slicesDone();
        String state = row.state();
        String reason = row.reason();
        long now = clock.millis();
        List<String> openAtExchange = new ArrayList<>();
        for (StoredTwapSlice s : plans.slices(row.id())) {
            if (!StoredTwapSlice.SENDING.equals(s.state())) {
                continue;
            }
            List<StoredOrder> sent = new ArrayList<>();
            for (StoredOrder o : orders.forExecution(s.executionId())) {
                StoredOrder settledOrder = FINAL_ORDER_STATES.contains(o.state()) ? o
                        : engine.paper() ? closedWithTheProcess(o, now) : asTheExchangeHasIt(o, now);
                if (settledOrder != o) {
                    orders.upsert(settledOrder);
                }
                if (!FINAL_ORDER_STATES.contains(settledOrder.state())) {
                    openAtExchange.add(o.clientOrderId());
                }
                sent.add(settledOrder);
            }
            List<BigDecimal> filled = new ArrayList<>();
            BigDecimal fees = BigDecimal.ZERO;
            StringBuilder detail = new StringBuilder("settled after a restart from the journalled orders:");
            for (TwapLeg leg : plan.legs()) {
                Instrument i = leg.instrument();
                BigDecimal net = BigDecimal.ZERO;
                for (StoredOrder o : sent) {
                    if (o.exchange().equals(i.venue().id()) && o.market().equals(i.market().id()) && o.symbol().equals(i.symbol())) {
                        BigDecimal base = i.toBaseQty(o.filledQty());
                        net = o.side().equals(leg.side().id()) ? net.add(base) : net.subtract(base);
                        if (i.quote().equals(o.feeAsset())) {
                            fees = fees.add(o.fee());
                        }
                    }
                }
                filled.add(net);
            }
            for (StoredOrder o : sent) {
                detail.append(' ').append(o.clientOrderId()).append(' ').append(o.state()).append(' ')
                        .append(o.filledQty().toPlainString()).append(';');
            }
            if (sent.isEmpty()) {
                detail.append(" none was sent;");
            }
            BigDecimal hedged = filled.stream().reduce(BigDecimal::min).orElseThrow();
            boolean imbalanced = filled.stream().anyMatch(f -> f.compareTo(hedged) != 0);
            String outcome = imbalanced ? "imbalanced" : hedged.compareTo(s.qty()) == 0 ? "filled"
                    : hedged.signum() == 0 ? "failed" : plan.legs().size() == 1 ? "partial" : "hedged_partial";
            settled.add(new StoredTwapSlice(s.planId(), s.sliceNo(), s.executionId(), s.qty(), StoredTwapSlice.DONE, outcome,
                    hedged, fees, null, "[]", detail.toString().strip(), s.startedTs(), now));
            executed = executed.add(hedged);
            done++;
            if (imbalanced) {
                state = StoredTwapPlan.FAILED;
                reason = "slice " + s.sliceNo() + " was in flight at a restart and its legs filled " + filled
                        + ": the difference is open and needs a human";
                LOG.error("plan {}: {}", row.id(), reason);
            } else if (executed.compareTo(row.totalQty()) >= 0) {
                state = StoredTwapPlan.COMPLETED;
                reason = null;
            }
            LOG.warn("plan {} slice {} {}", row.id(), s.sliceNo(), detail);
        }
        if (settled.isEmpty()) {
            return row;
        }
        if (!openAtExchange.isEmpty() && StoredTwapPlan.RUNNING.equals(state)) {
            // Live: those orders outlived the process and may still fill, or the exchange could not say.
            state = StoredTwapPlan.PAUSED;
            reason = "a slice was in flight at a restart and its orders " + openAtExchange + " are open at the exchange"
                    + " or could not be looked up there: check them (and the reconciliation alerts) before resuming";
            LOG.warn("plan {}: {}", row.id(), reason);
        }
        StoredTwapPlan after = new StoredTwapPlan(row.id(), row.name(), row.legsJson(), row.totalQty(), row.sliceQty(),
                row.intervalMs(), row.maxAdverseSpreadPercent(), state, reason, executed, done, row.nextSlice(), row.skips(),
                row.lastSkip(), row.createdTs(), row.startedTs(), row.lastExecutionTs(), now);
        plans.saveAll(List.of(after), settled);
        return after;
    }

    /** A journal-open paper order: the paper venue died with the process, and the order with it. */
    private static StoredOrder closedWithTheProcess(StoredOrder o, long now) {
        return new StoredOrder(o.clientOrderId(), o.executionId(), o.exchange(), o.market(), o.symbol(), o.side(), o.type(),
                o.timeInForce(), o.qty(), o.limitPrice(), StoredOrder.CANCELLED, o.exchangeOrderId(), o.filledQty(),
                o.avgPrice(), o.fee(), o.feeAsset(), null, "lost with the process (paper): settled after a restart",
                o.createdTs(), now);
    }

    /**
     * A journal-open live order as the exchange has it now. Not there once its receive window has
     * passed, it was never placed (the exchange can no longer take it). When the exchange cannot be
     * asked, or the order may still arrive, it is left as journalled.
     */
    private StoredOrder asTheExchangeHasIt(StoredOrder o, long now) {
        Optional<LiveTrading.OrderAtExchange> found;
        try {
            found = live.lookUp(new InstrumentId(Venue.parse(o.exchange()), Market.parse(o.market()), o.symbol()),
                    o.clientOrderId());
        } catch (RuntimeException e) {
            LOG.warn("order {} of a slice in flight at the restart could not be looked up at {}: {}", o.clientOrderId(),
                    o.exchange(), e.getMessage());
            return o;
        }
        if (found.isEmpty()) {
            if (now - o.createdTs() <= live.recvWindow().toMillis()) {
                return o;
            }
            return new StoredOrder(o.clientOrderId(), o.executionId(), o.exchange(), o.market(), o.symbol(), o.side(), o.type(),
                    o.timeInForce(), o.qty(), o.limitPrice(), StoredOrder.REJECTED, null, BigDecimal.ZERO, null, BigDecimal.ZERO,
                    null, "UPSTREAM_ERROR", "not at the exchange after a restart, and its receive window has passed: never placed",
                    o.createdTs(), now);
        }
        ExchangeOrder x = found.get().order();
        BigDecimal fee = BigDecimal.ZERO;
        String feeAsset = o.feeAsset();
        for (ExchangeTrade t : found.get().trades()) {
            fee = fee.add(t.fee());
            feeAsset = t.feeAsset();
        }
        String state = switch (x.status()) {
            case NEW -> StoredOrder.ACCEPTED;
            case PARTIALLY_FILLED -> StoredOrder.PARTIALLY_FILLED;
            case FILLED -> StoredOrder.FILLED;
            case CANCELED, EXPIRED -> StoredOrder.CANCELLED;
            case REJECTED -> StoredOrder.REJECTED;
        };
        return new StoredOrder(o.clientOrderId(), o.executionId(), o.exchange(), o.market(), o.symbol(), o.side(), o.type(),
                o.timeInForce(), o.qty(), o.limitPrice(), state, x.exchangeOrderId(), x.filledQty(), x.avgPrice(), fee, feeAsset,
                null, "as the exchange had it after a restart", o.createdTs(), now);
    }

    /** A stored plan's figures as the engine would publish them. */
    static TwapProgress progress(StoredTwapPlan row, long ts) {
        BigDecimal remaining = row.totalQty().subtract(row.executedQty()).max(BigDecimal.ZERO);
        return new TwapProgress(row.id(), TwapState.parse(row.state()), row.reason(), row.executedQty(), remaining,
                row.slicesDone(), TwapPlan.slicesTotal(row.totalQty(), row.sliceQty(), row.slicesDone(), row.executedQty(),
                        BigDecimal.ZERO), row.skips(), row.lastSkip(), row.nextSlice(), row.startedTs(),
                row.lastExecutionTs(), ts);
    }
}

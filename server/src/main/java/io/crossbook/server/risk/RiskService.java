package io.crossbook.server.risk;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.Pause;
import io.crossbook.core.risk.RiskEngine;
import io.crossbook.core.risk.RiskLimits;
import io.crossbook.core.risk.RiskMetrics;
import io.crossbook.core.risk.TradingState;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.arbitrage.ArbitrageService;
import io.crossbook.server.arbitrage.ExecutionView;
import io.crossbook.store.risk.StoredAlert;
import io.crossbook.store.risk.StoredLimitChange;
import io.crossbook.store.trading.ExecutionRepository;
import io.crossbook.store.trading.StoredExecution;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Risk as the API serves it: the trading state and kill switch (persisted before the engine acts,
 * so a restart comes back as it was left), the limits with their audit, the figures of
 * {@code GET /api/risk/status} computed from the real executions, and the alerts.
 */
@Service
public class RiskService {
    private static final Logger LOG = LoggerFactory.getLogger(RiskService.class);

    private final ArbitrageService arbitrage;
    private final RiskSettings settings;
    private final ExecutionRepository executions;
    private final ObjectMapper json;
    private final Clock clock;

    public RiskService(ArbitrageService arbitrage, RiskSettings settings, ExecutionRepository executions,
                       ObjectMapper json, ObjectProvider<Clock> clock) {
        this.arbitrage = arbitrage;
        this.settings = settings;
        this.executions = executions;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Exposure of one asset across venues; {@code valueUsd} null when some venue's holding has no mark. */
    public record AssetExposure(String asset, BigDecimal qty, BigDecimal valueUsd) {
    }

    /**
     * P&L from the executions: {@code realised} is the cash of every fill less fees; {@code unrealised}
     * the quantity they left unhedged, at the mid of its book now (null, with a note, when a book is
     * missing); together what the executions have made at today's prices. {@code today} is the UTC day's realised.
     */
    public record Pnl(BigDecimal realised, BigDecimal unrealised, BigDecimal today, int executions) {
    }

    public record Metrics(int days, BigDecimal maxDrawdown, BigDecimal var95, BigDecimal var99, Double sharpe,
                          Double sortino, List<String> insufficient) {
    }

    public record Status(TradingState state, String reason, long since, boolean killSwitch, int openOrders,
                         List<RiskEngine.Exposure> exposures, List<AssetExposure> exposureByAsset, Pnl pnl,
                         Metrics metrics, List<Pause> pauses, RiskLimits limits, long ts) {
    }

    public record KillSwitch(boolean engaged, TradingState state, String reason, int openOrdersCancelled) {
    }

    public Status status() {
        record Snapshot(RiskEngine.Status risk, Map<InstrumentId, BigDecimal> mids) {
        }
        Snapshot s = arbitrage.onEngine(() -> {
            Map<InstrumentId, BigDecimal> mids = new HashMap<>();
            for (BookSnapshot b : arbitrage.books()) {
                if (b.mid() != null) {
                    mids.put(b.instrument(), b.mid());
                }
            }
            return new Snapshot(arbitrage.risk().status(arbitrage.books()), mids);
        });
        List<StoredExecution> finished = executions.finishedSince(0);
        List<RiskMetrics.PnlPoint> points = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        BigDecimal unrealised = BigDecimal.ZERO;
        for (StoredExecution e : finished) {
            if (e.pnl() == null) {
                continue;
            }
            points.add(new RiskMetrics.PnlPoint(e.finishedTs(), e.pnl()));
            unrealised = residualValue(e, s.mids(), notes, unrealised);
        }
        RiskMetrics.Figures f = RiskMetrics.compute(points, clock.millis(), ZoneOffset.UTC);
        notes.addAll(f.insufficient());
        RiskEngine.Status r = s.risk();
        return new Status(r.state(), r.reason(), r.stateSince(), r.state() == TradingState.HALTED, r.openOrders(),
                r.exposures(), byAsset(r.exposures()),
                new Pnl(f.realisedPnl(), unrealised, r.dailyPnl(), f.executions()),
                new Metrics(f.days(), f.maxDrawdown(), f.var95(), f.var99(), round(f.sharpe()), round(f.sortino()),
                        List.copyOf(notes)),
                r.pauses(), r.limits(), clock.millis());
    }

    /** Adds what an execution left unhedged, valued at the mid of its long (or short) leg's book. */
    private BigDecimal residualValue(StoredExecution e, Map<InstrumentId, BigDecimal> mids, List<String> notes,
                                     BigDecimal sum) {
        if (sum == null) {
            return null;
        }
        List<ExecutionView.Leg> legs = json.readValue(e.legsJson(), new TypeReference<List<ExecutionView.Leg>>() {
        });
        BigDecimal residual = BigDecimal.ZERO;
        for (ExecutionView.Leg leg : legs) {
            if (leg.qty() != null) {
                residual = "buy".equals(leg.side()) ? residual.add(leg.qty()) : residual.subtract(leg.qty());
            }
        }
        if (residual.signum() == 0) {
            return sum;
        }
        String side = residual.signum() > 0 ? "buy" : "sell";
        ExecutionView.Leg open = legs.stream().filter(l -> side.equals(l.side())).findFirst().orElseThrow();
        InstrumentId id = new InstrumentId(Venue.parse(open.exchange()), Market.parse(open.type()), open.symbol());
        BigDecimal mid = mids.get(id);
        if (mid == null) {
            notes.add("unrealisedPnl unknown: execution " + e.id() + " left " + residual.toPlainString() + " on " + id
                    + ", which has no valid book now");
            return null;
        }
        return sum.add(residual.multiply(mid));
    }

    private static List<AssetExposure> byAsset(List<RiskEngine.Exposure> exposures) {
        Map<String, AssetExposure> out = new LinkedHashMap<>();
        for (RiskEngine.Exposure e : exposures) {
            out.merge(e.asset(), new AssetExposure(e.asset(), e.qty(), e.valueUsd()), (a, b) -> new AssetExposure(
                    a.asset(), a.qty().add(b.qty()),
                    a.valueUsd() == null || b.valueUsd() == null ? null : a.valueUsd().add(b.valueUsd())));
        }
        return List.copyOf(out.values());
    }

    private static Double round(Double ratio) {
        return ratio == null ? null : BigDecimal.valueOf(ratio).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    // ---- limits ----

    public RiskLimits limits() {
        return arbitrage.onEngine(() -> arbitrage.risk().limits());
    }

    /**
     * Changes the limits named in {@code changes}, leaving the others: all are checked first, a bad
     * one refuses the lot with {@code VALIDATION_ERROR} naming it, and nothing changes. The change
     * is stored and audited before the engine applies it.
     */
    public synchronized RiskLimits updateLimits(JsonNode changes, String user) {
        if (changes == null || !changes.isObject() || changes.isEmpty()) {
            throw ApiException.validation("body: a JSON object of the limits to change, e.g. {\"maxOrderNotional\": 5000}");
        }
        RiskLimits before = limits();
        ObjectNode merged = settings.tree(before);
        for (String name : changes.propertyNames()) {
            if (!merged.has(name)) {
                throw ApiException.validation(name + ": no such limit; the limits are " + merged.propertyNames());
            }
            JsonNode value = changes.get(name);
            if (!value.isNumber()) {
                throw ApiException.validation(name + ": must be a number, not " + value);
            }
            merged.set(name, value);
        }
        RiskLimits after;
        try {
            after = json.treeToValue(merged, RiskLimits.class);
        } catch (JacksonException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw ApiException.validation(cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage());
        }
        var saved = settings.save(before, after, user, clock.millis());
        arbitrage.onEngine(() -> {
            arbitrage.risk().setLimits(after);
            return null;
        });
        LOG.info("risk limits changed by {}: {}", user, saved);
        return after;
    }

    public List<StoredLimitChange> limitChanges(int limit) {
        return settings.limits().changes(limit);
    }

    // ---- trading state ----

    /** Engages (HALTED, every open order cancelled) or releases (ACTIVE) the kill switch. */
    public synchronized KillSwitch killSwitch(boolean engaged, String reason, String user) {
        String why = (reason == null || reason.isBlank() ? (engaged ? "kill switch" : "kill switch released") : reason)
                + " (by " + user + ")";
        TradingState next = engaged ? TradingState.HALTED : TradingState.ACTIVE;
        settings.saveState(next, why, user, clock.millis());
        int open = arbitrage.onEngine(() -> {
            RiskEngine risk = arbitrage.risk();
            if (engaged) {
                return risk.halt(why);
            }
            risk.setState(TradingState.ACTIVE, why);
            return 0;
        });
        LOG.warn("kill switch {} by {}: {}", engaged ? "ENGAGED" : "released", user, why);
        return new KillSwitch(engaged, next, why, open);
    }

    /** Sets ACTIVE, REDUCING or HALTED (HALTED is the kill switch). */
    public synchronized TradingState setState(TradingState state, String reason, String user) {
        if (state == TradingState.HALTED) {
            return killSwitch(true, reason, user).state();
        }
        String why = (reason == null || reason.isBlank() ? "set by hand" : reason) + " (by " + user + ")";
        settings.saveState(state, why, user, clock.millis());
        arbitrage.onEngine(() -> {
            arbitrage.risk().setState(state, why);
            return null;
        });
        return state;
    }

    /** Ends the pauses of a pair or of a venue; false when there was none. */
    public boolean resume(String pairId, String venue) {
        if ((pairId == null) == (venue == null)) {
            throw ApiException.validation("body: give either pairId or venue");
        }
        if (pairId != null) {
            return arbitrage.onEngine(() -> arbitrage.risk().resumePair(pairId));
        }
        Venue v;
        try {
            v = Venue.parse(venue);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("venue: " + e.getMessage());
        }
        return arbitrage.onEngine(() -> arbitrage.risk().resumeVenue(v));
    }

    public List<StoredAlert> alerts(int limit, String severity, String pairId) {
        if (severity != null && !List.of(StoredAlert.INFO, StoredAlert.WARNING, StoredAlert.CRITICAL).contains(severity)) {
            throw ApiException.validation("severity: one of info, warning, critical; not '" + severity + "'");
        }
        return settings.alerts().recent(limit, severity, pairId);
    }
}

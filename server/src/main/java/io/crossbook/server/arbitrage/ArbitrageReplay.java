package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.ArbitrageDesk;
import io.crossbook.core.arb.FeeSchedule;
import io.crossbook.core.arb.Opportunity;
import io.crossbook.core.arb.PairConfig;
import io.crossbook.core.arb.SpreadQuote;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.engine.Engine;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskLimits;
import io.crossbook.core.risk.TradingState;
import io.crossbook.core.twap.TwapDesk;
import io.crossbook.core.twap.TwapPlan;
import io.crossbook.core.twap.TwapProgress;
import io.crossbook.core.twap.TwapSlice;
import io.crossbook.server.account.PaperAccounts;
import io.crossbook.server.account.PaperProperties;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.marketdata.MarketDataProperties;
import io.crossbook.server.replay.ReplayReport;
import io.crossbook.server.replay.ReplaySession;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.Speed;
import io.crossbook.server.risk.RiskProperties;
import io.crossbook.server.twap.TwapProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Replays recordings through the arbitrage and TWAP desks exactly as the server runs them — same
 * feed handlers, same desks, same paper venues, same configuration — but on one thread, at the
 * recorded receive times: the engine clock is the recording's, a paper order fills against the
 * book as it was at its receive time plus the latency, and the same input gives the same
 * opportunities, slices, fills and P&L, byte for byte. Plans start with the recording's first message.
 */
public final class ArbitrageReplay {

    /** The server's configuration of the desk: application.yml, overridden by the environment. */
    public record Config(ArbitrageProperties arbitrage, FeeSchedule fees, Map<Venue, Map<String, BigDecimal>> balances,
                         PaperProperties paper, RiskLimits limits, CleaningRules cleaning) {

        public static Config fromEnvironment() {
            StandardEnvironment env = new StandardEnvironment();
            try {
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                        .forEach(env.getPropertySources()::addLast);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read application.yml", e);
            }
            Binder binder = Binder.get(env);
            PaperProperties paper = binder.bindOrCreate("crossbook.paper", PaperProperties.class);
            PaperAccounts accounts = new PaperAccounts(paper);
            Map<Venue, Map<String, BigDecimal>> balances = new EnumMap<>(Venue.class);
            for (Venue v : Venue.values()) {
                balances.put(v, accounts.starting(v));
            }
            return new Config(binder.bindOrCreate("crossbook.arbitrage", ArbitrageProperties.class),
                    binder.bindOrCreate("crossbook.fees", FeeProperties.class).schedule(), balances, paper,
                    binder.bindOrCreate("crossbook.risk", RiskProperties.class).limits(),
                    binder.bindOrCreate("crossbook.market-data", MarketDataProperties.class).cleaningRules());
        }

        public Config with(RiskLimits limits, CleaningRules cleaning) {
            return new Config(arbitrage, fees, balances, paper, limits, cleaning);
        }
    }

    /** One pair's totals over the replay: opportunities published, executions, fees and realised P&L. */
    public record PairReport(String id, long opportunities, long executions, BigDecimal fees, BigDecimal pnl) {
    }

    /** Sees the replay as it runs, on its thread: every new quote of a pair and every desk event. */
    public interface Observer {
        default void quote(SpreadQuote quote) {
        }

        default void event(String name, Object data) {
        }
    }

    private final List<ReplaySource> sources;
    private final Config config;
    private final Observer observer;
    private final List<TwapPlan> plans;
    private final Map<String, PairConfig> pairs = new LinkedHashMap<>();
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, BigDecimal[]> money = new LinkedHashMap<>();

    /** Validates the pairs against the sources' recorded instrument metadata; throws {@link IllegalArgumentException} naming the bad one. */
    public ArbitrageReplay(List<ReplaySource> sources, List<PairRequest> requests, Config config, Observer observer) {
        this(sources, requests, List.of(), config, observer);
    }

    /** With TWAP plans, started at the beginning of the replay; their events reach the observer too. */
    public ArbitrageReplay(List<ReplaySource> sources, List<PairRequest> requests, List<TwapPlan> plans, Config config,
                           Observer observer) {
        this.sources = List.copyOf(sources);
        this.plans = List.copyOf(plans);
        this.config = config;
        this.observer = observer;
        PairValidator validator = new PairValidator(this::instrument, id -> null);
        for (int i = 0; i < requests.size(); i++) {
            PairRequest r = requests.get(i);
            try {
                PairConfig c = validator.validate(r.id(), r);
                if (pairs.put(c.id(), c) != null) {
                    throw ApiException.validation("id: '" + c.id() + "' is given twice");
                }
            } catch (ApiException e) {
                throw new IllegalArgumentException("pair [" + i + "]" + (r.id() == null ? "" : " " + r.id()) + ": "
                        + e.getMessage(), e);
            }
            counts.put(r.id(), new long[2]);
            money.put(r.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
    }

    /** Runs the replay to its end, then lets every order and leg still pending finish; the report gains the pairs. */
    public ReplayReport run(Speed speed, LongConsumer progress) {
        List<RuntimeException> failures = new ArrayList<>();
        Engine engine = new Engine("replay", () -> 0, failures::add);
        PaperDesk desk = PaperDesk.create(engine, config.arbitrage(), config.fees(), config.balances(),
                config.paper().latency(), config.paper().perpMarginRate(),
                new PaperDesk.RiskStart(config.limits(), TradingState.ACTIVE, null), new Counting(),
                TwapProperties.DEFAULTS.maxFailedSlices(), new Slices());
        Map<String, SpreadQuote> last = new LinkedHashMap<>();
        boolean[] started = {false};
        EngineFeed feed = new EngineFeed(desk, config.arbitrage().bookDepth(), (receiveNanos, event) -> {
            if (!started[0]) {
                // plans start at the recording's first book, not at engine time 0: their timers would catch up from 1970
                started[0] = true;
                engine.runAt(receiveNanos, () -> plans.forEach(plan -> desk.twap().control(plan.id(), TwapDesk.Action.START)));
            }
            engine.runAt(receiveNanos, event);
            for (String id : pairs.keySet()) {
                SpreadQuote q = desk.desk().quote(id);
                if (q != null && q != last.get(id)) {
                    last.put(id, q);
                    observer.quote(q);
                }
            }
        });
        engine.runAt(0, () -> {
            pairs.values().forEach(c -> desk.desk().putPair(c, BigDecimal.ZERO));
            plans.forEach(desk.twap()::add);
        });
        ReplayReport report = new ReplaySession(sources, config.cleaning(), feed, speed).run(progress);
        ArbitrageProperties a = config.arbitrage();
        engine.advanceTo(engine.nowNanos() + config.paper().latency().plus(a.legTimeout()).plus(a.hedgeWindow())
                .plus(a.legTimeout()).multipliedBy(2).toNanos());
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " engine events failed, the first: " + failures.getFirst(),
                    failures.getFirst());
        }
        List<PairReport> out = new ArrayList<>();
        for (String id : pairs.keySet()) {
            long[] c = counts.get(id);
            BigDecimal[] m = money.get(id);
            out.add(new PairReport(id, c[0], c[1], m[0], m[1]));
        }
        return report.withPairs(out);
    }

    private Optional<Instrument> instrument(InstrumentId id) {
        return sources.stream().filter(s -> s.venue() == id.venue() && s.market() == id.market())
                .map(s -> s.instruments().get(id.symbol())).filter(Objects::nonNull).findFirst();
    }

    /** Counts per pair, and passes every event on to the observer. */
    private final class Counting implements ArbitrageDesk.Events {
        @Override
        public void opportunity(Opportunity o) {
            counts.get(o.pairId())[0]++;
            observer.event("opportunity", o);
        }

        @Override
        public void orderSubmitted(String pairId, String executionId, OrderRequest order, long ts) {
            observer.event("order_submitted", List.of(pairId, executionId, order, ts));
        }

        @Override
        public void orderEvent(String pairId, String executionId, OrderRequest order, OrderEvent event) {
            observer.event("order_event", List.of(pairId, executionId, event));
        }

        @Override
        public void executionFinished(ArbitrageDesk.PairExecution e) {
            counts.get(e.pairId())[1]++;
            BigDecimal[] m = money.get(e.pairId());
            m[0] = m[0].add(e.result().fees());
            m[1] = m[1].add(e.result().pnl());
            observer.event("execution", e.result());
        }

        @Override
        public void alert(EngineAlert alert) {
            observer.event("engine_alert", alert);
        }
    }

    /** Passes every TWAP event on to the observer; a slice is stored at once, so it is sent at once. */
    private final class Slices implements TwapDesk.Events {
        @Override
        public void progress(TwapPlan plan, TwapProgress progress, TwapSlice slice) {
            observer.event("twap_progress", progress);
            if (slice != null) {
                observer.event("twap_slice", slice);
            }
        }

        @Override
        public void sliceStarting(TwapPlan plan, TwapProgress progress, TwapSlice slice, Runnable send,
                                  Consumer<String> notStored) {
            observer.event("twap_slice", slice);
            send.run();
        }

        @Override
        public void orderSubmitted(String planId, String executionId, OrderRequest order, long ts) {
            observer.event("order_submitted", List.of(planId, executionId, order, ts));
        }

        @Override
        public void orderEvent(String planId, String executionId, OrderRequest order, OrderEvent event) {
            observer.event("order_event", List.of(planId, executionId, event));
        }

        @Override
        public void alert(EngineAlert alert) {
            observer.event("engine_alert", alert);
        }
    }
}

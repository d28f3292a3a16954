package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.ArbitrageDesk;
import io.crossbook.core.arb.FundingRate;
import io.crossbook.core.arb.PairConfig;
import io.crossbook.core.arb.SpreadQuote;
import io.crossbook.core.arb.TriangularCycle;
import io.crossbook.core.arb.TriangularPath;
import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.engine.Engine;
import io.crossbook.core.engine.EngineClock;
import io.crossbook.core.exec.PaperAccount;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskEngine;
import io.crossbook.core.twap.TwapDesk;
import io.crossbook.server.account.PaperAccounts;
import io.crossbook.server.account.PaperProperties;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.events.EventSink;
import io.crossbook.server.marketdata.BookPrices;
import io.crossbook.server.marketdata.Collector;
import io.crossbook.server.marketdata.MarketDataService;
import io.crossbook.server.marketdata.PriceService;
import io.crossbook.server.risk.RiskSettings;
import io.crossbook.server.settings.TradingMode;
import io.crossbook.server.settings.Exchanges;
import io.crossbook.core.exec.ExecutionVenue;
import io.crossbook.server.live.LiveTrading;
import io.crossbook.server.settings.TradingProperties;
import io.crossbook.server.twap.TwapEvents;
import io.crossbook.server.twap.TwapProperties;
import io.crossbook.store.trading.ExecutionRepository;
import io.crossbook.store.trading.OpportunityRepository;
import io.crossbook.store.trading.PairRepository;
import io.crossbook.store.trading.StoredExecution;
import io.crossbook.store.trading.StoredOpportunity;
import io.crossbook.store.trading.StoredPair;
import io.crossbook.store.twap.TwapRepository;
import io.crossbook.venues.common.RestClient;
import io.crossbook.venues.funding.FundingRates;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 * The trading engine as the server runs it: one engine thread that owns the
 * {@link ArbitrageDesk}, the {@link TwapDesk} and the paper venues, fed by the collectors' book
 * updates, with pair configs persisted and every order, execution, opportunity and plan change
 * journalled. REST calls reach the engine only through its queue.
 */
@Service
public class ArbitrageService implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(ArbitrageService.class);
    /** Longest a REST call waits for the engine to answer a command. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private final Engine engine;
    private final PaperDesk paperDesk;
    private final MarketDataService marketData;
    private final PriceService prices;
    private final PairRepository pairs;
    private final ExecutionRepository executions;
    private final OpportunityRepository opportunities;
    private final TwapRepository plans;
    private final TradingJournal journal;
    private final ArbitrageProperties properties;
    private final TradingMode mode;
    private final Clock clock;
    private final ObjectMapper json;
    private final ObjectProvider<EventSink> sinks;
    private volatile EventSink sink;
    /** Stored pairs the engine cannot price yet: their instruments' metadata is not known (yet). */
    private final Map<String, StoredPair> unresolved = new ConcurrentHashMap<>();
    private volatile Set<String> cycleIds = Set.of();
    /** The pairs the engine prices, as last given to it. */
    private final Map<String, PairConfig> priced = new ConcurrentHashMap<>();
    private final FundingRates funding;
    private final LiveTrading live;
    /** Live mode: the exchanges with keys, which orders can go to. */
    private final Map<Venue, ExecutionVenue> liveVenues;

    public ArbitrageService(ArbitrageProperties properties, FeeProperties fees, PaperProperties paper,
                            PaperAccounts paperAccounts, TradingProperties trading, MarketDataService marketData,
                            PriceService prices, PairRepository pairs, ExecutionRepository executions,
                            OpportunityRepository opportunities, TwapRepository plans, TwapProperties twap,
                            RiskSettings risk, LiveTrading live, EngineProperties engineProperties, ObjectMapper json,
                            ObjectProvider<EventSink> sinks, ObjectProvider<Clock> clock, MeterRegistry meters) {
        this.properties = properties;
        this.mode = trading.mode();
        this.marketData = marketData;
        this.prices = prices;
        this.pairs = pairs;
        this.executions = executions;
        this.opportunities = opportunities;
        this.plans = plans;
        this.json = json;
        this.sinks = sinks;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.journal = new TradingJournal(executions, opportunities, risk.alerts(), plans);
        this.funding = new FundingRates(new RestClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()),
                this.clock);
        this.engine = new Engine("engine", EngineClock.wall(), e -> LOG.error("engine event failed", e),
                engineProperties.spinNanos());
        if (engineProperties.busySpin()) {
            LOG.info("the engine busy-spins (crossbook.engine.busy-spin): it keeps one CPU busy at all times");
        }
        Map<Venue, Map<String, BigDecimal>> balances = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            balances.put(v, paperAccounts.starting(v));
        }
        DeskEvents events = new DeskEvents(() -> sink, journal, json, meters);
        this.live = live;
        this.liveVenues = live.open(engine::post, alert -> engine.post(() -> events.alert(alert)));
        this.paperDesk = PaperDesk.create(engine, properties, fees.schedule(), mode == TradingMode.PAPER ? balances : null,
                paper.latency(), paper.perpMarginRate(), risk.start(), events, twap.maxFailedSlices(),
                new TwapEvents(events, journal, engine::post, json), liveVenues, live.accounts());
        marketData.forwardBooksTo(new EngineFeed(paperDesk, properties.bookDepth(), (receiveNanos, event) -> engine.post(event)));
    }

    /** First of the ready listeners: the others (the plans' restart) command the engine. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void onReady() {
        sink = sinks.getIfAvailable();
        engine.start();
        BigDecimal today = pnlSince(Math.floorDiv(clock.millis(), 86_400_000L) * 86_400_000L);
        command(() -> paperDesk.risk().seedDailyPnl(today));
        loadPairsFile();
        for (StoredPair p : pairs.findAll()) {
            unresolved.put(p.id(), p);
        }
        refresh();
        if (mode == TradingMode.LIVE) {
            live.refresh();
            live.reconcile();
        }
    }

    /**
     * Resolves stored pairs whose instruments have become known (a live feed loads the exchange's
     * metadata after it connects) and re-discovers the triangular cycles of the collected symbols.
     */
    @Scheduled(fixedDelayString = "${crossbook.arbitrage.refresh-every:10s}", initialDelayString = "${crossbook.arbitrage.refresh-every:10s}")
    public void refresh() {
        PairValidator loader = storedPairs();
        for (StoredPair p : List.copyOf(unresolved.values())) {
            try {
                price(loader.validate(p.id(), PairViews.request(p)), tradedNotional(p.id()));
            } catch (ApiException e) {
                LOG.debug("pair {} not priced yet: {}", p.id(), e.getMessage());
            }
        }
        discoverCycles();
    }

    /**
     * Fetches the funding rate of every perpetual leg of a priced pair whose market data is live
     * (a replay has no funding rates: its pairs show none).
     */
    @Scheduled(fixedDelayString = "${crossbook.arbitrage.funding-every:60s}", initialDelayString = "${crossbook.arbitrage.refresh-every:10s}")
    public void pollFunding() {
        Set<Instrument> perps = new HashSet<>();
        for (PairConfig c : priced.values()) {
            for (Instrument leg : List.of(c.leg1(), c.leg2())) {
                boolean live = marketData.collector(leg.venue().id() + ":" + leg.market().id())
                        .map(col -> col.source() == Collector.Source.LIVE).orElse(false);
                if (leg.market() != Market.SPOT && live) {
                    perps.add(leg);
                }
            }
        }
        for (Instrument perp : perps) {
            funding.fetch(perp.venue(), perp.market(), perp.symbol()).whenComplete((q, e) -> {
                if (e != null) {
                    LOG.debug("funding rate of {}: {}", perp.id(), e.getMessage());
                    return;
                }
                FundingRate rate = new FundingRate(perp.id(), q.rate(), q.nextFundingTimeMs(), q.fetchedAtMs());
                engine.post(() -> paperDesk.desk().onFunding(rate));
            });
        }
    }

    // ---- pairs ----

    public List<PairView> pairs() {
        return pairs.findAll().stream().map(PairViews::view).toList();
    }

    public String create(PairRequest request) {
        if (request.id() != null) {
            throw ApiException.validation("id: is chosen by the server; leave it out");
        }
        PairConfig valid = validator().validate("new", request);
        String id = freeId(valid);
        PairConfig config = new PairConfig(id, valid.leg1(), valid.leg2(), valid.threshold(), valid.qty(),
                valid.totalAmount(), valid.direction(), valid.enabled());
        long now = clock.millis();
        if (!pairs.insert(PairViews.stored(config, now, now))) {
            throw new ApiException(ErrorCode.CONFLICT, "id: pair '" + id + "' exists");
        }
        price(config, BigDecimal.ZERO);
        LOG.info("pair {} created: {}", id, config);
        return id;
    }

    public void update(String id, PairRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw ApiException.validation("id: the body names '" + request.id() + "' but the path '" + id + "'");
        }
        StoredPair existing = pairs.find(id).orElseThrow(() -> ApiException.notFound("id: no pair '" + id + "'"));
        PairConfig config = validator().validate(id, request);
        pairs.update(PairViews.stored(config, existing.createdAt(), clock.millis()));
        price(config, tradedNotional(id));
        LOG.info("pair {} updated: {}", id, config);
    }

    public void delete(String id) {
        if (!pairs.delete(id)) {
            throw ApiException.notFound("id: no pair '" + id + "'");
        }
        unresolved.remove(id);
        command(() -> paperDesk.desk().removePair(id));
        priced.remove(id);
        LOG.info("pair {} deleted", id);
    }

    /** Every pair's live prices; a pair not priced yet has only its id and why. */
    public List<PairPrices> prices() {
        List<PairPrices> out = new ArrayList<>();
        for (StoredPair p : pairs.findAll()) {
            SpreadQuote q = paperDesk.desk().quote(p.id());
            out.add(q != null ? PairPrices.of(q)
                    : PairPrices.unpriced(p.id(), unresolved.containsKey(p.id())
                    ? "instrument metadata not known yet (is the exchange reachable?)" : "no valid books yet", clock.millis()));
        }
        return out;
    }

    // ---- arbitrage ----

    /** Executes a pair once, now; waits for both legs to be over. */
    public ExecutionView execute(String pairId) {
        StoredPair pair = pairs.find(pairId).orElseThrow(() -> ApiException.notFound("pairId: no pair '" + pairId + "'"));
        requireTrading(List.of(pair.leg1Exchange(), pair.leg2Exchange()));
        if (unresolved.containsKey(pairId)) {
            throw new ApiException(ErrorCode.EXCHANGE_UNAVAILABLE, "pair " + pairId
                    + " has no price: instrument metadata not known yet (is the exchange reachable?)");
        }
        CompletableFuture<ArbitrageDesk.PairExecution> done = onEngine(() -> paperDesk.desk().execute(pairId));
        Duration limit = properties.legTimeout().plus(properties.hedgeWindow()).plus(properties.legTimeout()).plus(COMMAND_TIMEOUT);
        try {
            return ExecutionView.of(done.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ArbitrageDesk.ExecutionRefused r) {
                throw new ApiException(ErrorCode.valueOf(r.code()), r.getMessage());
            }
            throw new IllegalStateException("execution of " + pairId + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(ErrorCode.INTERNAL_ERROR, "execution of " + pairId + " did not finish within "
                    + limit.toSeconds() + " s; see GET /api/arbitrage/executions");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public List<StoredOpportunity> opportunities(String pairId, int limit) {
        return opportunities.recent(pairId, limit);
    }

    public List<ExecutionView> executions(String pairId, int limit) {
        return executions.recent(pairId, limit).stream().map(this::view).toList();
    }

    public List<TriangularPath> triangular() {
        return paperDesk.desk().paths().stream().sorted(Comparator.comparing(TriangularPath::id)).toList();
    }

    /** A paper account's balances and positions now, read on the engine thread; empty outside paper mode. */
    public Optional<PaperBalances> paperAccount(Venue venue) {
        PaperAccount account = paperDesk.accounts().get(venue);
        if (account == null) {
            return Optional.empty();
        }
        return Optional.of(onEngine(() -> new PaperBalances(account.balances(),
                account.positions().keySet().stream().map(account::position).toList())));
    }

    /** A paper account's free balance per asset and its open perpetual positions. */
    public record PaperBalances(Map<String, BigDecimal> balances, List<PaperAccount.Position> positions) {
    }

    /** The risk engine: read and command it through {@link #onEngine}. */
    public RiskEngine risk() {
        return paperDesk.risk();
    }

    /** An instrument's metadata, once its collector knows it. */
    public Optional<Instrument> instrument(InstrumentId id) {
        return marketData.instrument(id);
    }

    /** The TWAP desk: read and command it through {@link #onEngine}. */
    public TwapDesk twap() {
        return paperDesk.twap();
    }

    /** True in paper mode: orders go to paper venues, which do not outlive the process. */
    public boolean paper() {
        return mode == TradingMode.PAPER;
    }

    /**
     * Refuses with CONFLICT when orders cannot be sent to one of these exchanges: in live mode, one
     * without API keys (paper mode trades everywhere).
     */
    public void requireTrading(Collection<String> exchanges) {
        if (mode == TradingMode.PAPER) {
            return;
        }
        for (String exchange : exchanges) {
            Venue v = Exchanges.parse("exchange", exchange);
            if (!liveVenues.containsKey(v)) {
                throw new ApiException(ErrorCode.CONFLICT, "live mode: " + v.id() + " has no API keys, so nothing can be"
                        + " traded there: add them with PUT /api/settings/api and restart");
            }
        }
    }

    /** The engine's latest valid books of the watched instruments; on the engine thread only. */
    public Collection<BookSnapshot> books() {
        return paperDesk.desk().books();
    }

    /** The realised P&L of the executions and two-legged slices finished at or after {@code since} (epoch ms). */
    private BigDecimal pnlSince(long since) {
        BigDecimal sum = plans.pnlSince(since);
        for (StoredExecution e : executions.finishedSince(since)) {
            if (e.pnl() != null) {
                sum = sum.add(e.pnl());
            }
        }
        return sum;
    }

    /** Figures for the system status: journal and engine. */
    public Map<String, Object> figures() {
        return Map.of("pairs", priced.size() + unresolved.size(), "unresolvedPairs", unresolved.size(),
                "triangularCycles", cycleIds.size(), "journalWritten", journal.written(),
                "journalBacklog", journal.backlog(), "journalDropped", journal.dropped());
    }

    public boolean running() {
        return engine.running();
    }

    @Override
    public void destroy() {
        engine.stop();
        journal.close();
    }

    private void loadPairsFile() {
        String file = properties.pairsFile();
        if (file == null || file.isBlank()) {
            return;
        }
        List<PairRequest> requests = PairFiles.read(Path.of(file));
        PairValidator loader = storedPairs();
        long now = clock.millis();
        for (int i = 0; i < requests.size(); i++) {
            PairConfig config;
            try {
                config = loader.validate(requests.get(i).id(), requests.get(i));
            } catch (ApiException e) {
                throw new IllegalArgumentException("--pairs " + file + " [" + i + "]: " + e.getMessage(), e);
            }
            StoredPair stored = PairViews.stored(config, now, now);
            if (!pairs.update(stored)) {
                pairs.insert(stored);
            }
        }
        LOG.info("pairs loaded from {}: {}", file, requests.stream().map(PairRequest::id).toList());
    }

    /** Gives the engine a pair to price (and trade if enabled), and waits until it has it. */
    private void price(PairConfig config, BigDecimal tradedNotional) {
        command(() -> paperDesk.desk().putPair(config, tradedNotional));
        priced.put(config.id(), config);
        unresolved.remove(config.id());
    }

    /**
     * Checks pairs that were accepted before (stored, or from a pair file) against the instruments'
     * metadata only: today's prices must not refuse them.
     */
    private PairValidator storedPairs() {
        return new PairValidator(marketData::instrument, id -> null);
    }

    private PairValidator validator() {
        return new PairValidator(marketData::instrument, this::midPrice);
    }

    /** The mid of an instrument's live book, or null while it is not in sync. */
    public BigDecimal midPrice(InstrumentId id) {
        try {
            BookPrices p = prices.price(id.venue().id(), id.symbol(), id.market().id(), 1);
            if (p.bids().isEmpty() || p.asks().isEmpty()) {
                return null;
            }
            return new BigDecimal(p.bids().getFirst().getFirst()).add(new BigDecimal(p.asks().getFirst().getFirst()))
                    .divide(BigDecimal.TWO);
        } catch (ApiException e) {
            return null;
        }
    }

    /**
     * API.md's style of id, {@code bybit_binance_btc}, made unique with a number. History outlives a
     * deleted pair, so its id is not free either: a new pair would inherit its executions,
     * opportunities and the notional they spent of {@code totalAmount}.
     */
    private String freeId(PairConfig c) {
        String base = (c.leg1().venue().id() + "_" + c.leg2().venue().id() + "_" + c.leg1().base()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "");
        String id = base;
        for (int n = 2; pairs.find(id).isPresent() || hasHistory(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private boolean hasHistory(String pairId) {
        return !executions.recent(pairId, 1).isEmpty() || !opportunities.recent(pairId, 1).isEmpty();
    }

    /** The notional a pair has traded so far, from its finished executions: what counts against totalAmount. */
    private BigDecimal tradedNotional(String pairId) {
        BigDecimal sum = BigDecimal.ZERO;
        for (StoredExecution e : executions.recent(pairId, Integer.MAX_VALUE)) {
            for (ExecutionView.Leg leg : legs(e)) {
                if ("buy".equals(leg.side()) && leg.price() != null) {
                    sum = sum.add(e.qty().multiply(leg.price()));
                }
            }
        }
        return sum;
    }

    private List<ExecutionView.Leg> legs(StoredExecution e) {
        return json.readValue(e.legsJson(), new TypeReference<List<ExecutionView.Leg>>() {
        });
    }

    private ExecutionView view(StoredExecution e) {
        List<ExecutionView.Leg> legs = legs(e);
        return new ExecutionView(e.id(), e.pairId(), e.direction(), false, e.outcome() == null ? e.state() : e.outcome(),
                legs.isEmpty() ? null : legs.get(0), legs.size() < 2 ? null : legs.get(1), e.spread(), e.spreadPercent(),
                e.qty(), e.fees(), e.pnl(), e.detail(), e.startedTs(), e.finishedTs() == null ? e.startedTs() : e.finishedTs());
    }

    private void discoverCycles() {
        Map<Venue, List<Instrument>> spot = new EnumMap<>(Venue.class);
        for (Collector c : marketData.collectors()) {
            if (c.market() == Market.SPOT) {
                for (String symbol : c.symbols()) {
                    c.instrument(symbol).ifPresent(i -> spot.computeIfAbsent(c.venue(), v -> new ArrayList<>()).add(i));
                }
            }
        }
        ArbitrageProperties.Triangular t = properties.triangular();
        List<TriangularCycle> cycles = new ArrayList<>();
        for (List<Instrument> instruments : spot.values()) {
            for (TriangularCycle c : TriangularCycle.discover(instruments, t.startAsset())) {
                if (t.cycles().isEmpty() || t.cycles().contains(c.id())) {
                    cycles.add(c);
                }
            }
        }
        Set<String> ids = cycles.stream().map(TriangularCycle::id).collect(Collectors.toUnmodifiableSet());
        if (!ids.equals(cycleIds)) {
            cycleIds = ids;
            engine.post(() -> paperDesk.desk().setCycles(cycles));
            LOG.info("triangular cycles: {}", ids.isEmpty() ? "none among the collected spot symbols" : ids);
        }
    }

    /** Runs a change on the engine thread and waits for it, so the caller sees it applied. */
    public void command(Runnable change) {
        onEngine(() -> {
            change.run();
            return null;
        });
    }

    /** Runs {@code read} on the engine thread and returns what it gives, within the command timeout. */
    public <T> T onEngine(Supplier<T> read) {
        CompletableFuture<T> result = new CompletableFuture<>();
        engine.post(() -> {
            try {
                result.complete(read.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(ErrorCode.INTERNAL_ERROR, "the engine did not answer within " + COMMAND_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("engine command failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

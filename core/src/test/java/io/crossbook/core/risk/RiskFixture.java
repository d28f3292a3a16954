package io.crossbook.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.engine.Engine;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.ExecutionVenue;
import io.crossbook.core.exec.MarketView;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.PaperAccount;
import io.crossbook.core.exec.PaperVenue;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A risk engine on a driven {@link Engine}, with a paper account and a gated {@link PaperVenue}
 * on each venue (10000 USDT and 0.1 BTC each unless a test says otherwise, perps at 10x margin),
 * a 0.1 % taker fee everywhere, 50 ms of paper latency and books the test sets. The engine starts
 * at {@link #T0}; nothing moves the clock but the test.
 */
public final class RiskFixture {
    public static final long MS = 1_000_000L;
    /** 2025-06-02T10:00:00Z in epoch ms: the engine clock starts here. */
    public static final long T0 = Instant.parse("2025-06-02T10:00:00Z").toEpochMilli();
    public static final Duration LATENCY = Duration.ofMillis(50);
    public static final BigDecimal FEE = new BigDecimal("0.001");

    /** Binance spot BTCUSDT: tick 0.01, lot 0.00001. */
    public static final Instrument BINANCE_SPOT = new Instrument(Venue.BINANCE, Market.SPOT, "BTCUSDT", "BTC", "USDT",
            dec("0.01"), dec("0.00001"), dec("0.00001"), dec("5"), BigDecimal.ONE);
    /** Bybit USDT perpetual BTCUSDT: tick 0.1, lot 0.001. */
    public static final Instrument BYBIT_PERP = new Instrument(Venue.BYBIT, Market.LINEAR, "BTCUSDT", "BTC", "USDT",
            dec("0.1"), dec("0.001"), dec("0.001"), dec("5"), BigDecimal.ONE);
    /** OKX spot BTC-USDT: tick 0.1, lot 0.00001. */
    static final Instrument OKX_SPOT = new Instrument(Venue.OKX, Market.SPOT, "BTC-USDT", "BTC", "USDT",
            dec("0.1"), dec("0.00001"), dec("0.00001"), dec("1"), BigDecimal.ONE);
    /** Binance spot ETHBTC: quoted in BTC, which the limits cannot value. */
    static final Instrument ETH_BTC = new Instrument(Venue.BINANCE, Market.SPOT, "ETHBTC", "ETH", "BTC",
            dec("0.00001"), dec("0.0001"), dec("0.0001"), dec("0.0001"), BigDecimal.ONE);

    /** The pairs the engine knows, for the anomaly pause: p1 and p2 share the Binance book, p3 does not. */
    static final Map<String, List<InstrumentId>> PAIRS = pairs();

    public final Engine engine = new Engine("risk-test", () -> 0, e -> {
        throw e;
    });
    public final Map<InstrumentId, BookSnapshot> books = new HashMap<>();
    public final Map<Venue, PaperAccount> accounts = new EnumMap<>(Venue.class);
    public final Map<Venue, PaperVenue> paper = new EnumMap<>(Venue.class);
    public final Map<Venue, ExecutionVenue> gates = new EnumMap<>(Venue.class);
    public final List<EngineAlert> alerts = new ArrayList<>();
    public final RiskEngine risk;
    private int orders;
    private int executions;

    public RiskFixture() {
        this(Map.of());
    }

    /** @param balances a venue's starting balances, replacing the default 10000 USDT and 0.1 BTC */
    public RiskFixture(Map<Venue, Map<String, String>> balances) {
        for (Venue v : Venue.values()) {
            Map<String, BigDecimal> start = new TreeMap<>();
            balances.getOrDefault(v, Map.of("USDT", "10000", "BTC", "0.1")).forEach((a, q) -> start.put(a, dec(q)));
            accounts.put(v, new PaperAccount(v, start, dec("0.1")));
        }
        MarketView market = books::get;
        risk = new RiskEngine(engine, engine, market, accounts, id -> FEE, RiskLimits.DEFAULTS, TradingState.ACTIVE,
                null, alerts::add);
        accounts.forEach((v, account) -> {
            PaperVenue p = new PaperVenue(v, account, market, engine, engine, id -> FEE, LATENCY);
            paper.put(v, p);
            gates.put(v, risk.gate(p));
        });
        risk.attach(new PairIndex() {
            @Override
            public Collection<String> pairsUsing(InstrumentId instrument) {
                return PAIRS.entrySet().stream().filter(e -> e.getValue().contains(instrument)).map(Map.Entry::getKey)
                        .toList();
            }

            @Override
            public List<InstrumentId> legs(String pairId) {
                return PAIRS.getOrDefault(pairId, List.of());
            }
        });
        engine.advanceTo(T0 * MS);
        // 1 BTC on every level: each side holds about 50000 USDT, well above minBookLiquidity
        show(book(BINANCE_SPOT).bid("49990.00", "1").ask("50000.00", "1"));
        show(book(BYBIT_PERP).bid("50000.0", "1").ask("50010.0", "1"));
        show(book(OKX_SPOT).bid("49990.0", "1").ask("50000.0", "1"));
    }

    private static Map<String, List<InstrumentId>> pairs() {
        Map<String, List<InstrumentId>> p = new LinkedHashMap<>();
        p.put("p1", List.of(BINANCE_SPOT.id(), BYBIT_PERP.id()));
        p.put("p2", List.of(BINANCE_SPOT.id(), OKX_SPOT.id()));
        p.put("p3", List.of(BYBIT_PERP.id(), OKX_SPOT.id()));
        return p;
    }

    public static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    // ---- limits ----

    /**
     * {@link RiskLimits#DEFAULTS} with the named fields changed: {@code limits("maxOrderNotional",
     * "5000", "maxOpenOrders", 3)}. A BigDecimal field takes a string, an int or long field a number.
     */
    static RiskLimits limits(Object... namesAndValues) {
        RecordComponent[] components = RiskLimits.class.getRecordComponents();
        Map<String, Object> changes = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            changes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                Object value = changes.containsKey(c.getName()) ? changes.remove(c.getName())
                        : c.getAccessor().invoke(RiskLimits.DEFAULTS);
                if (c.getType() == BigDecimal.class && value instanceof String s) {
                    value = dec(s);
                } else if (c.getType() == int.class) {
                    value = ((Number) value).intValue();
                } else if (c.getType() == long.class) {
                    value = ((Number) value).longValue();
                }
                args[i] = value;
            }
            assertThat(changes).as("unknown RiskLimits fields").isEmpty();
            return RiskLimits.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public void setLimits(Object... namesAndValues) {
        risk.setLimits(limits(namesAndValues));
    }

    // ---- time ----

    public long now() {
        return engine.nowMillis();
    }

    /** Moves the engine to {@code epochMs}, running every timer due by then. */
    public void at(long epochMs) {
        assertThat(epochMs).as("engine time only moves forward").isGreaterThanOrEqualTo(now());
        engine.advanceTo(epochMs * MS);
    }

    public void later(long ms) {
        at(now() + ms);
    }

    /** Runs an event on the engine now. */
    public void run(Runnable event) {
        engine.runAt(engine.nowNanos(), event);
    }

    public <T> T call(Supplier<T> event) {
        List<T> out = new ArrayList<>(1);
        run(() -> out.add(event.get()));
        return out.getFirst();
    }

    /** Lets the paper venues' latency pass: orders sent now have filled, cancels arrived. */
    public void settle() {
        later(LATENCY.toMillis());
    }

    // ---- books ----

    public static BookBuilder book(Instrument instrument) {
        return new BookBuilder(instrument);
    }

    /** Makes the book the latest of its instrument, as the engine's market view shows it. */
    public BookSnapshot show(BookBuilder builder) {
        BookSnapshot b = builder.build(engine.nowNanos());
        books.put(b.instrument(), b);
        return b;
    }

    /** Levels as decimal strings, best first, at the instrument's scales. */
    public static final class BookBuilder {
        private final Instrument instrument;
        private final List<String[]> bids = new ArrayList<>();
        private final List<String[]> asks = new ArrayList<>();

        BookBuilder(Instrument instrument) {
            this.instrument = instrument;
        }

        public BookBuilder bid(String price, String qty) {
            bids.add(new String[] {price, qty});
            return this;
        }

        public BookBuilder ask(String price, String qty) {
            asks.add(new String[] {price, qty});
            return this;
        }

        BookSnapshot build(long receiveNanos) {
            int ps = instrument.priceScale();
            int qs = instrument.qtyScale();
            return new BookSnapshot(instrument.id(), ps, qs, column(bids, 0, ps), column(bids, 1, qs),
                    column(asks, 0, ps), column(asks, 1, qs), true, 1, receiveNanos / MS, receiveNanos);
        }

        private static long[] column(List<String[]> levels, int column, int scale) {
            return levels.stream().mapToLong(l -> FixedPoint.fromBigDecimal(dec(l[column]), scale)).toArray();
        }
    }

    // ---- orders ----

    /** A market order (IOC) with no expected price: slippage is measured from the top of the book. */
    OrderRequest market(Instrument instrument, OrderSide side, String qty) {
        return new OrderRequest("o" + ++orders, instrument, side, OrderType.MARKET, TimeInForce.IOC, dec(qty), null);
    }

    /** A market order (IOC) expecting to trade at {@code expectedPrice} on average. */
    OrderRequest market(Instrument instrument, OrderSide side, String qty, String expectedPrice) {
        return new OrderRequest("o" + ++orders, instrument, side, OrderType.MARKET, TimeInForce.IOC, dec(qty), null,
                dec(expectedPrice));
    }

    /** A GTC limit order: away from the book, it rests. */
    OrderRequest gtc(Instrument instrument, OrderSide side, String qty, String limitPrice) {
        return new OrderRequest("o" + ++orders, instrument, side, OrderType.LIMIT, TimeInForce.GTC, dec(qty),
                dec(limitPrice));
    }

    /** What became of an order sent through a gate, and the alerts raised while it was sent. */
    record Sent(OrderRequest order, List<OrderEvent> events, List<EngineAlert> alerts) {
        OrderEvent.Rejected rejected() {
            return events.stream().filter(OrderEvent.Rejected.class::isInstance).map(OrderEvent.Rejected.class::cast)
                    .findFirst().orElse(null);
        }

        boolean closed() {
            return events.stream().anyMatch(OrderEvent.Closed.class::isInstance);
        }

        List<OrderEvent.Filled> fills() {
            return events.stream().filter(OrderEvent.Filled.class::isInstance).map(OrderEvent.Filled.class::cast)
                    .toList();
        }
    }

    /**
     * Sends the order through its venue's gate now and delivers what is due at once (Accepted, or a
     * Rejected); fills come after {@link #settle}.
     */
    Sent submit(OrderRequest order) {
        int before = alerts.size();
        List<OrderEvent> events = new ArrayList<>();
        run(() -> gates.get(order.instrument().venue()).submit(order, events::add));
        engine.advanceTo(engine.nowNanos());
        return new Sent(order, events, List.copyOf(alerts.subList(before, alerts.size())));
    }

    /** Sends the order and lets the latency pass. */
    Sent trade(OrderRequest order) {
        Sent s = submit(order);
        settle();
        return s;
    }

    void cancel(OrderRequest order) {
        run(() -> gates.get(order.instrument().venue()).cancel(order.clientOrderId()));
    }

    /** The gate passed the order on: the paper venue accepted it. */
    static void assertAllowed(Sent sent) {
        assertThat(sent.events()).as("events of %s", sent.order().clientOrderId()).isNotEmpty();
        assertThat(sent.events().getFirst()).as("first event of %s", sent.order().clientOrderId())
                .isInstanceOf(OrderEvent.Accepted.class);
    }

    /** The gate refused the order by {@code rule} and raised a RISK_REJECTED alert naming it. */
    static void assertRefused(Sent sent, String rule) {
        assertRefusedBy(sent, rule);
        assertThat(sent.alerts()).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("RISK_REJECTED");
            assertThat(a.rule()).isEqualTo(rule);
            assertThat(a.venue()).isEqualTo(sent.order().instrument().venue().id());
        });
    }

    /**
     * The gate refused the order by {@code rule}, whether or not an alert was raised: the alert of a
     * refusal is held back while the same rule refused the same book within the last minute.
     */
    static void assertRefusedBy(Sent sent, String rule) {
        assertThat(sent.events()).as("events of %s", sent.order().clientOrderId()).singleElement()
                .isInstanceOfSatisfying(OrderEvent.Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo("RISK_REJECTED");
                    assertThat(r.message()).startsWith(rule + ": ");
                });
    }

    // ---- executions ----

    /** A pair's legs: buy 0.01 of its first instrument, sell 0.01 of its second, each expecting the book's top now. */
    OrderRequest[] legsOf(String pairId) {
        List<InstrumentId> legs = PAIRS.get(pairId);
        Instrument buy = instrument(legs.get(0));
        Instrument sell = instrument(legs.get(1));
        return new OrderRequest[] {
            market(buy, OrderSide.BUY, "0.01", books.get(buy.id()).bestAsk().toPlainString()),
            market(sell, OrderSide.SELL, "0.01", books.get(sell.id()).bestBid().toPlainString())};
    }

    private static Instrument instrument(InstrumentId id) {
        return List.of(BINANCE_SPOT, BYBIT_PERP, OKX_SPOT).stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** {@link RiskEngine#checkExecution} now. */
    RiskRefusal check(String pairId, boolean automatic, String threshold, OrderRequest... legs) {
        List<RiskRefusal> out = new ArrayList<>(1);
        run(() -> out.add(risk.checkExecution(pairId, automatic, threshold == null ? null : dec(threshold),
                List.of(legs))));
        return out.getFirst();
    }

    /**
     * A manual execution of the pair at the books' tops now: with the default books its net spread
     * is about -0.2 %, above minSpreadPercent -0.5, and every other rule allows it.
     */
    RiskRefusal check(String pairId) {
        return check(pairId, false, null, legsOf(pairId));
    }

    /** A finished execution of the pair, heard now. */
    void executed(String pairId, ExecutionResult.Outcome outcome, String pnl) {
        long now = now();
        ExecutionResult r = new ExecutionResult("x" + ++executions, outcome, null, null, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, dec(pnl), now, now, "test");
        run(() -> risk.onExecution(pairId, r));
    }

    void executed(String pairId, ExecutionResult.Outcome... outcomes) {
        for (ExecutionResult.Outcome o : outcomes) {
            executed(pairId, o, "0");
        }
    }

    public List<EngineAlert> alerts(String code) {
        return alerts.stream().filter(a -> a.code().equals(code)).toList();
    }

    public RiskEngine.Status status() {
        return call(() -> risk.status(books.values()));
    }
}

package io.crossbook.venues.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.ExchangeUnavailableException;
import io.crossbook.venues.common.RateLimitedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rules {@link LiveVenue} adds on top of an exchange's API, against an in-memory account that
 * keeps every order it was sent: a lost answer is looked up, never re-sent; fills count once by
 * trade id; an order closes only when its fills add up. The exchange protocols themselves are tested
 * against the exchange simulator.
 */
class LiveVenueTest {
    private static final Instrument BTCUSDT = new Instrument(Venue.BINANCE, Market.SPOT, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"), BigDecimal.ONE);
    private static final LiveVenue.Settings FAST = new LiveVenue.Settings(Duration.ofMillis(300), Duration.ofMillis(5),
            Duration.ofMillis(20));

    private final ExecutorService engine = Executors.newSingleThreadExecutor();
    private final Queue<OrderEvent> events = new ConcurrentLinkedQueue<>();
    private final Queue<String> alerts = new ConcurrentLinkedQueue<>();
    private final Exchange exchange = new Exchange();
    private final LiveVenue venue = new LiveVenue(exchange, engine, Clock.systemUTC(), FAST, alerts::add);

    @AfterEach
    void stop() {
        engine.shutdownNow();
    }

    @Test
    void anAnswerLostAfterTheExchangeTookTheOrderIsLookedUpAndTheOrderIsNeverSentAgain() {
        exchange.takeThenTimeOut = true;
        exchange.fillOnPlace = new BigDecimal("0.5");

        submit("t1a1", "0.5");

        await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e instanceof OrderEvent.Closed));
        assertThat(exchange.placements.get("t1a1")).as("placements of t1a1").hasValue(1);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Accepted", "Filled", "Closed");
        assertThat(((OrderEvent.Closed) events.stream().filter(e -> e instanceof OrderEvent.Closed).findFirst().orElseThrow())
                .filledQty()).isEqualByComparingTo("0.5");
    }

    @Test
    void anAnswerLostForAnOrderTheExchangeNeverTookIsRejectedOnlyOnceItsReceiveWindowHasPassed() {
        exchange.timeOutWithoutTaking = true;
        long sent = System.currentTimeMillis();

        submit("t2a1", "0.5");

        await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
        OrderEvent.Rejected r = (OrderEvent.Rejected) events.peek();
        assertThat(r.code()).isEqualTo("EXCHANGE_UNAVAILABLE");
        assertThat(r.message()).contains("it was not placed");
        assertThat(r.ts() - sent).as("ms until rejected").isGreaterThanOrEqualTo(FAST.recvWindow().toMillis());
        assertThat(exchange.queries.get()).as("lookups").isGreaterThan(1);
        assertThat(exchange.placements.get("t2a1")).hasValue(1);
    }

    @Test
    void aFillSeenOnTheStreamAndAgainOverRestCountsOnce() {
        submit("t3a1", "1");
        await().until(() -> events.stream().anyMatch(e -> e instanceof OrderEvent.Accepted));

        ExchangeTrade first = exchange.fill("t3a1", "e1", new BigDecimal("0.4"), new BigDecimal("60000"));
        venue.trade(first);
        ExchangeTrade second = exchange.fill("t3a1", "e2", new BigDecimal("0.6"), new BigDecimal("60001"));
        venue.trade(second);
        venue.trade(first); // the stream repeats itself after a reconnect
        venue.order(exchange.state("t3a1"));

        await().until(() -> events.stream().anyMatch(e -> e instanceof OrderEvent.Closed));
        List<OrderEvent.Filled> fills = events.stream().filter(e -> e instanceof OrderEvent.Filled).map(e -> (OrderEvent.Filled) e).toList();
        assertThat(fills).extracting(f -> f.qty().toPlainString()).containsExactly("0.4", "0.6");
        assertThat(fills).extracting(OrderEvent.Filled::fee).allMatch(f -> f.compareTo(BigDecimal.ZERO) > 0);
    }

    @Test
    void anOrderTheExchangeReportsFilledWaitsForItsFillsWhichAreReadOverRest() {
        submit("t4a1", "1");
        await().until(() -> events.stream().anyMatch(e -> e instanceof OrderEvent.Accepted));
        exchange.fill("t4a1", "e9", new BigDecimal("1"), new BigDecimal("60000"));

        venue.order(exchange.state("t4a1")); // FILLED, but its fill never came on the stream

        await().until(() -> events.stream().anyMatch(e -> e instanceof OrderEvent.Closed));
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Accepted", "Filled", "Closed");
    }

    @Test
    void refusalsCarryTheirApiCodesAndTheExchangesWords() {
        exchange.refusals.put("t5a1", new ExchangeRejectedException(Venue.BINANCE, 400, "-2010",
                "Account has insufficient balance for requested action.", true));
        exchange.refusals.put("t5a2", new RateLimitedException("HTTP 429", Duration.ofSeconds(1), false));
        exchange.refusals.put("t5a3", new ExchangeUnavailableException("connection refused", null));
        submit("t5a1", "1");
        submit("t5a2", "1");
        submit("t5a3", "1");

        await().until(() -> events.size() == 3);
        assertThat(events).extracting(e -> ((OrderEvent.Rejected) e).clientOrderId() + " " + ((OrderEvent.Rejected) e).code())
                .containsExactlyInAnyOrder("t5a1 INSUFFICIENT_FUNDS", "t5a2 RATE_LIMITED", "t5a3 EXCHANGE_UNAVAILABLE");
        assertThat(events).anyMatch(e -> ((OrderEvent.Rejected) e).message().contains("insufficient balance"));
    }

    @Test
    void whileTheStreamIsDownOpenOrdersAreReadOverRest() {
        submit("t6a1", "1");
        await().until(() -> events.stream().anyMatch(e -> e instanceof OrderEvent.Accepted));
        venue.disconnected("test");
        exchange.fill("t6a1", "e5", new BigDecimal("1"), new BigDecimal("60000"));

        venue.poll();

        await().until(() -> events.stream().anyMatch(e -> e instanceof OrderEvent.Closed));
        assertThat(events).filteredOn(e -> e instanceof OrderEvent.Filled).hasSize(1);
    }

    private void submit(String id, String qty) {
        OrderRequest order = new OrderRequest(id, BTCUSDT, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, new BigDecimal(qty), null);
        engine.execute(() -> venue.submit(order, events::add));
    }

    /** An account at an exchange, in memory: the orders it took and their fills. */
    private static final class Exchange implements TradingApi {
        final Map<String, AtomicInteger> placements = new ConcurrentHashMap<>();
        final Map<String, ExchangeOrder> orders = new ConcurrentHashMap<>();
        final Map<String, List<ExchangeTrade>> trades = new ConcurrentHashMap<>();
        final AtomicInteger queries = new AtomicInteger();
        volatile boolean takeThenTimeOut;
        volatile boolean timeOutWithoutTaking;
        volatile BigDecimal fillOnPlace;
        final Map<String, RuntimeException> refusals = new ConcurrentHashMap<>();

        @Override
        public Venue venue() {
            return Venue.BINANCE;
        }

        @Override
        public long serverTime() {
            return System.currentTimeMillis();
        }

        @Override
        public ExchangeOrder place(OrderRequest o) {
            placements.computeIfAbsent(o.clientOrderId(), k -> new AtomicInteger()).incrementAndGet();
            RuntimeException r = refusals.get(o.clientOrderId());
            if (r != null) {
                throw r;
            }
            if (timeOutWithoutTaking) {
                throw new ExchangeUnavailableException("timed out", null, true);
            }
            orders.put(o.clientOrderId(), new ExchangeOrder(o.instrument().symbol(), o.clientOrderId(), "x-" + o.clientOrderId(),
                    o.side(), OrderStatus.NEW, o.qty(), BigDecimal.ZERO, null, null, System.currentTimeMillis()));
            if (fillOnPlace != null) {
                fill(o.clientOrderId(), "p1", fillOnPlace, new BigDecimal("60000"));
            }
            if (takeThenTimeOut) {
                throw new ExchangeUnavailableException("timed out", null, true);
            }
            return orders.get(o.clientOrderId());
        }

        ExchangeTrade fill(String clientOrderId, String tradeId, BigDecimal qty, BigDecimal price) {
            ExchangeOrder o = orders.get(clientOrderId);
            BigDecimal filled = o.filledQty().add(qty);
            orders.put(clientOrderId, new ExchangeOrder(o.symbol(), clientOrderId, o.exchangeOrderId(), o.side(),
                    filled.compareTo(o.qty()) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, o.qty(), filled, price,
                    null, System.currentTimeMillis()));
            ExchangeTrade t = new ExchangeTrade(o.symbol(), clientOrderId, o.exchangeOrderId(), tradeId, qty, price,
                    qty.multiply(price).multiply(new BigDecimal("0.001")), "USDT", System.currentTimeMillis());
            trades.computeIfAbsent(clientOrderId, k -> new ArrayList<>()).add(t);
            return t;
        }

        ExchangeOrder state(String clientOrderId) {
            return orders.get(clientOrderId);
        }

        @Override
        public ExchangeOrder query(Instrument instrument, String clientOrderId) {
            queries.incrementAndGet();
            return orders.get(clientOrderId);
        }

        @Override
        public List<ExchangeTrade> trades(Instrument instrument, String clientOrderId, String exchangeOrderId) {
            return List.copyOf(trades.getOrDefault(clientOrderId, List.of()));
        }

        @Override
        public void cancel(Instrument instrument, String clientOrderId) {
        }

        @Override
        public List<ExchangeOrder> openOrders(Market market) {
            return List.of();
        }

        @Override
        public AccountBalances balances() {
            return AccountBalances.unified(List.of());
        }

        @Override
        public List<ExchangePosition> positions() {
            return List.of();
        }

        @Override
        public PrivateStream openPrivateStream(PrivateStream.Listener listener) {
            throw new UnsupportedOperationException("not used here");
        }
    }
}

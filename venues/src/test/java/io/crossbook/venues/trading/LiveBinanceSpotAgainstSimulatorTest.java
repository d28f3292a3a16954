package io.crossbook.venues.trading;

import static io.crossbook.testkit.sim.binance.BinanceSimulator.SPOT_BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.LoggedRequest;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimOrder;
import io.crossbook.testkit.sim.binance.BinanceSimulator;
import io.crossbook.venues.binance.BinanceEndpoints;
import io.crossbook.venues.binance.BinanceSpotPrivateProtocol;
import io.crossbook.venues.binance.BinanceTrading;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.SignedRestClient;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binance spot end to end: the real {@link BinanceTrading} under a {@link LiveVenue}, with the real
 * spot private stream ({@link BinanceSpotPrivateProtocol}: {@code userDataStream.subscribe.signature}
 * on the WebSocket API), against the Binance simulator replaying the recorded BTCUSDT spot book. While
 * the stream is up, fills reach the venue on it and nothing is read over REST; when it drops, what
 * filled meanwhile is read back over REST on reconnect, each fill counted once.
 */
class LiveBinanceSpotAgainstSimulatorTest {
    static final BigDecimal RESTING_QTY = new BigDecimal("0.003");
    static final BigDecimal MARKET_QTY = new BigDecimal("0.002");
    static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> new Thread(r, "engine"));
    private final Map<String, List<OrderEvent>> events = new ConcurrentHashMap<>();
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private ExchangeSimulator sim;
    private HttpClient http;
    private LiveVenue venue;
    private StreamListener listener;
    private PrivateStreamConnection stream;

    @BeforeEach
    void start() {
        sim = BinanceSimulator.builder().account(new SimAccount(SimTrading.KEY, SimTrading.SECRET).spot("USDT", "100000").spot("BTC", "1"))
                .start();
        sim.replay().stepUntilBooksReady();
        http = HttpClient.newHttpClient();
        URI webSocketApi = sim.wsBase().resolve("/ws-api/v3");
        ApiCredentials credentials = ApiCredentials.of(SimTrading.KEY, SimTrading.SECRET);
        ExchangeClock clock = new ExchangeClock(Clock.systemUTC());
        AccountLimiter spot = new AccountLimiter(Venue.BINANCE, BinanceTrading.SPOT_LIMITS);
        BinanceTrading trading = new BinanceTrading(new SignedRestClient(http, Duration.ofSeconds(2)),
                new BinanceEndpoints(sim.restBase(), sim.restBase(), webSocketApi, URI.create("ws://127.0.0.1:1/unused")), credentials,
                clock, SimTrading.RECV_WINDOW, spot, new AccountLimiter(Venue.BINANCE, BinanceTrading.FUTURES_LIMITS));
        venue = new LiveVenue(trading, engine, Clock.systemUTC(), LegScenario.SETTINGS, alerts::add);
        listener = new StreamListener(venue);
        stream = new PrivateStreamConnection(new BinanceSpotPrivateProtocol(webSocketApi, credentials, clock, SimTrading.RECV_WINDOW,
                spot), listener, "binance-spot", http, Duration.ofMillis(10)).start();
        await().atMost(WAIT).until(stream::isConnected);
    }

    @AfterEach
    void stop() {
        stream.close();
        http.close();
        sim.close();
        engine.shutdownNow();
    }

    @Test
    void aRestingOrderFilledByTheMarketIsLearnedFromTheStreamAloneAndAMarketOrdersFillsArriveOnIt() {
        OrderRequest resting = restAtTheTouch("spot1");
        int readsBefore = sim.requests().size();

        fillByMovingTheMarket(resting);
        awaitAsTheExchangeHasIt();

        SimOrder filled = booked(resting);
        assertThat(filled.status()).isEqualTo(SimOrder.Status.FILLED);
        assertThat(sum(listener.trades.get("spot1"))).as("the stream delivered the fills").isEqualByComparingTo(filled.executedQty());
        assertThat(sim.requests().subList(readsBefore, sim.requests().size())).extracting(LoggedRequest::path)
                .as("nothing read over REST while the stream was up").isEmpty();

        OrderRequest market = submit(new OrderRequest("spot2", SPOT_BTCUSDT, OrderSide.BUY, OrderType.MARKET, TimeInForce.GTC,
                MARKET_QTY, null));
        awaitAsTheExchangeHasIt();
        assertThat(sum(listener.trades.get(market.clientOrderId()))).as("the market order's fills, on the stream")
                .isEqualByComparingTo(MARKET_QTY);
        assertThat(sim.duplicates()).isEmpty();
        assertThat(alerts).isEmpty();
    }

    @Test
    void whatFillsWhileTheStreamIsDownIsReadBackOnReconnectAndNothingIsLostOrCountedTwice() {
        OrderRequest resting = restAtTheTouch("down1");
        sim.faults().refuseConnections(true);
        sim.faults().disconnectAll();
        await().atMost(WAIT).until(() -> listener.drops.get() == 1 && !stream.isConnected());

        fillByMovingTheMarket(resting);
        OrderRequest market = submit(new OrderRequest("down2", SPOT_BTCUSDT, OrderSide.BUY, OrderType.MARKET, TimeInForce.GTC,
                MARKET_QTY, null));
        sim.faults().refuseConnections(false);
        await().atMost(WAIT).until(() -> listener.connects.get() == 2 && stream.isConnected());
        awaitAsTheExchangeHasIt();

        assertThat(listener.trades.get(resting.clientOrderId())).as("the resting order filled while the stream was down").isNull();
        assertThat(booked(resting).status()).isEqualTo(SimOrder.Status.FILLED);
        assertThat(booked(market).status()).isEqualTo(SimOrder.Status.FILLED);
        assertThat(sim.orders()).hasSize(2).allMatch(o -> sim.acceptedOrders(o.clientOrderId()) == 1);
        assertThat(sim.duplicates()).isEmpty();
        assertThat(alerts).isEmpty();
    }

    // ---- the harness ----

    /** A GTC sell at the best ask (the recorded market rises through it), booked by the exchange and acknowledged to the venue. */
    private OrderRequest restAtTheTouch(String id) {
        BigDecimal ask = sim.replay().book(Market.SPOT, "BTCUSDT", 1).bestAsk();
        OrderRequest order = submit(new OrderRequest(id, SPOT_BTCUSDT, OrderSide.SELL, OrderType.LIMIT, TimeInForce.GTC, RESTING_QTY, ask));
        await().atMost(WAIT).until(() -> events.get(id).stream().anyMatch(e -> e instanceof OrderEvent.Accepted));
        return order;
    }

    /** Replays the recorded market until the resting order has filled in full. */
    private void fillByMovingTheMarket(OrderRequest resting) {
        while (booked(resting).status().isOpen()) {
            assertThat(sim.replay().step(20)).as("the recording moves the market through %s", resting.limitPrice()).isPositive();
        }
    }

    private OrderRequest submit(OrderRequest order) {
        List<OrderEvent> received = new CopyOnWriteArrayList<>();
        events.put(order.clientOrderId(), received);
        engine.execute(() -> venue.submit(order, received::add));
        await().atMost(WAIT).until(() -> sim.acceptedOrders(order.clientOrderId()) == 1);
        return order;
    }

    private SimOrder booked(OrderRequest order) {
        return sim.orders().stream().filter(o -> o.clientOrderId().equals(order.clientOrderId())).findFirst().orElseThrow();
    }

    /** Every order's events say what the simulator booked: accepted once, the same fills and value, closed alike. */
    private void awaitAsTheExchangeHasIt() {
        await().atMost(WAIT).untilAsserted(() -> {
            for (SimOrder o : sim.orders()) {
                List<OrderEvent> seen = events.get(o.clientOrderId());
                assertThat(seen).filteredOn(e -> e instanceof OrderEvent.Accepted).hasSize(1);
                List<OrderEvent.Filled> fills = seen.stream().filter(e -> e instanceof OrderEvent.Filled).map(e -> (OrderEvent.Filled) e)
                        .toList();
                assertThat(fills.stream().map(OrderEvent.Filled::qty).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo(o.executedQty());
                assertThat(fills.stream().map(f -> f.qty().multiply(f.price())).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo(o.cumQuote());
                assertThat(seen).filteredOn(e -> e instanceof OrderEvent.Closed).extracting(e -> ((OrderEvent.Closed) e).reason())
                        .containsExactly("filled");
            }
        });
    }

    private static BigDecimal sum(List<ExchangeTrade> trades) {
        return trades == null ? BigDecimal.ZERO : trades.stream().map(ExchangeTrade::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

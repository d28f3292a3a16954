package io.crossbook.venues.bybit;

import static io.crossbook.venues.bybit.BybitTradingExamples.BTCUSDT_LINEAR;
import static io.crossbook.venues.bybit.BybitTradingExamples.ETHPERP_LINEAR;
import static io.crossbook.venues.bybit.BybitTradingExamples.ETHUSDT_LINEAR;
import static io.crossbook.venues.bybit.BybitTradingExamples.XRPUSDT_LINEAR;
import static io.crossbook.venues.bybit.BybitTradingRequestTest.KEYS;
import static io.crossbook.venues.bybit.BybitTradingRequestTest.assertSignedOver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.common.HttpStandIn;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.ExchangeClock;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangePosition;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import io.crossbook.venues.trading.PrivateStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@link io.crossbook.venues.trading.TradingApi} call of {@link BybitTrading} end to end against
 * local stand-ins for Bybit's REST API and private stream, which answer with the documented examples
 * and check that what arrives is signed.
 */
class BybitTradingRoundTripTest {
    private static final Map<InstrumentId, Instrument> INSTRUMENTS = Map.of(XRPUSDT_LINEAR.id(), XRPUSDT_LINEAR,
            BTCUSDT_LINEAR.id(), BTCUSDT_LINEAR);

    private final HttpStandIn bybit = HttpStandIn.start();
    private StreamStandIn stream;
    private PrivateStream privateStream;

    @AfterEach
    void stop() throws InterruptedException {
        if (privateStream != null) {
            privateStream.close();
        }
        if (stream != null) {
            stream.stop(1000);
        }
        bybit.close();
    }

    @Test
    void everyRestCallIsSignedAndReadsBybitsAnswer() {
        bybit.answer("GET", BybitTrading.TIME, BybitTradingExamples.TIME)
                .answer("POST", BybitTrading.CREATE, BybitTradingExamples.CREATE)
                .answer("GET", BybitTrading.REALTIME, BybitTradingExamples.REALTIME)
                .answer("GET", BybitTrading.REALTIME, BybitTradingExamples.REALTIME)
                .answer("GET", BybitTrading.REALTIME, BybitTradingExamples.EMPTY_LIST)
                .answer("GET", BybitTrading.EXECUTIONS, BybitTradingExamples.EXECUTIONS)
                .answer("GET", BybitTrading.EXECUTIONS, BybitTradingExamples.EMPTY_LIST)
                .answer("POST", BybitTrading.CANCEL, BybitTradingExamples.CANCEL)
                .answer("GET", BybitAccount.PATH, BybitTradingExamples.WALLET)
                .answer("GET", BybitTrading.POSITIONS, BybitTradingExamples.POSITIONS);
        BybitTrading trading = trading(URI.create("ws://127.0.0.1:9/v5/private"));

        assertThat(trading.venue()).isEqualTo(Venue.BYBIT);
        assertThat(trading.serverTime()).isEqualTo(1688639403423L);
        assertThat(trading.place(new OrderRequest("cb200", ETHUSDT_LINEAR, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("0.10"), new BigDecimal("1600.00")))).isEqualTo(new ExchangeOrder("ETHUSDT", "cb200",
                "1321003749386327552", OrderSide.BUY, OrderStatus.NEW, new BigDecimal("0.10"), BigDecimal.ZERO, null,
                new BigDecimal("1600.00"), 1672211918471L));
        assertThat(trading.query(ETHUSDT_LINEAR, "test-000005").exchangeOrderId()).isEqualTo("fd4300ae-7847-404e-b947-b46980a4d140");
        assertThat(trading.trades(ETHPERP_LINEAR, "", "8c065341-7b52-4ca9-ac2c-37e31ac55c94"))
                .extracting(ExchangeTrade::tradeId, ExchangeTrade::feeAsset)
                .containsExactly(tuple("e0cbe81d-0f18-5866-9415-cf319b5dab3b", "USDC"));
        trading.cancel(ETHUSDT_LINEAR, "linear-004");
        assertThat(trading.openOrders(Market.LINEAR)).extracting(ExchangeOrder::clientOrderId).containsExactly("test-000005");
        assertThat(trading.balances().spot()).containsExactly(new Balance("USDT", new BigDecimal("900.25"), new BigDecimal("100")));
        assertThat(trading.positions()).containsExactly(new ExchangePosition("BTCUSD", new BigDecimal("-300"),
                new BigDecimal("27464.50441675")));

        for (HttpStandIn.Request sent : bybit.requests) {
            if (!sent.path().equals(BybitTrading.TIME)) {
                assertSignedOver(sent, sent.method().equals("GET") ? sent.query() : sent.body());
                assertThat(Long.parseLong(sent.header("X-BAPI-TIMESTAMP"))).isCloseTo(System.currentTimeMillis(),
                        within(5_000L));
            }
        }
    }

    @Test
    void followsBybitsCursorAsItCameAndSignsIt() {
        bybit.answer("GET", BybitTrading.REALTIME, BybitTradingExamples.REALTIME)
                .answer("GET", BybitTrading.REALTIME, BybitTradingExamples.EMPTY_LIST);

        trading(URI.create("ws://127.0.0.1:9/v5/private")).openOrders(Market.LINEAR);

        HttpStandIn.Request second = bybit.to(BybitTrading.REALTIME).get(1);
        assertThat(second.query()).isEqualTo("category=linear&settleCoin=USDT&openOnly=0&limit=50"
                + "&cursor=page_args%3Dfd4300ae-7847-404e-b947-b46980a4d140%26symbol%3D6%26");
        assertSignedOver(second, second.query());
    }

    @Test
    void thePrivateStreamLogsInSubscribesAndDeliversOrdersAndFills() throws InterruptedException {
        stream = StreamStandIn.running();
        Received received = new Received();

        privateStream = trading(URI.create("ws://127.0.0.1:" + stream.getPort() + "/v5/private")).openPrivateStream(received);

        // Generous: on a loaded CI machine a first connect may fail and be retried after a backoff.
        await().atMost(Duration.ofSeconds(30)).until(() -> !received.trades.isEmpty() && !received.orders.isEmpty());
        assertThat(privateStream.isConnected()).isTrue();
        assertThat(received.connections).isGreaterThanOrEqualTo(1);
        assertThat(stream.path).isEqualTo("/v5/private");
        JsonNode auth = JsonMapper.shared().readTree(stream.frames.get(0));
        long expires = auth.path("args").get(1).asLong();
        assertThat(auth.path("op").asString()).isEqualTo("auth");
        assertThat(auth.path("args").get(0).asString()).isEqualTo(KEYS.apiKey());
        assertThat(expires).isGreaterThan(System.currentTimeMillis());
        assertThat(auth.path("args").get(2).asString())
                .isEqualTo(HexFormat.of().formatHex(HmacSha256.sign(KEYS.secret(), "GET/realtime" + expires)));
        assertThat(stream.frames.get(1)).isEqualTo("{\"op\":\"subscribe\",\"args\":[\"order\",\"execution\"]}");
        assertThat(received.orders.getFirst().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(received.trades.getFirst().tradeId()).isEqualTo("7e2ae69c-4edf-5800-a352-893d52b446aa");
        assertThat(received.trades.getFirst().feeAsset()).isEqualTo("USDT");
    }

    private BybitTrading trading(URI privateStreamUri) {
        return new BybitTrading(new SignedRestClient(HttpClient.newHttpClient()), bybit.uri(), privateStreamUri, KEYS,
                new ExchangeClock(Clock.systemUTC()), Duration.ofMillis(5000),
                new AccountLimiter(Venue.BYBIT, BybitTrading.LIMITS), INSTRUMENTS::get);
    }

    private static final class Received implements PrivateStream.Listener {
        final List<ExchangeOrder> orders = new CopyOnWriteArrayList<>();
        final List<ExchangeTrade> trades = new CopyOnWriteArrayList<>();
        volatile int connections;

        @Override
        public void connected() {
            connections++;
        }

        @Override
        public void disconnected(String reason) {
        }

        @Override
        public void order(ExchangeOrder order) {
            orders.add(order);
        }

        @Override
        public void trade(ExchangeTrade trade) {
            trades.add(trade);
        }
    }

    /**
     * Test equipment: Bybit's private stream as the docs' examples show it: acknowledges the login and
     * the subscription, then sends an order update and a fill.
     */
    private static final class StreamStandIn extends WebSocketServer {
        final List<String> frames = new CopyOnWriteArrayList<>();
        volatile String path;
        private final CountDownLatch started = new CountDownLatch(1);

        private StreamStandIn() {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            setReuseAddr(true);
        }

        static StreamStandIn running() throws InterruptedException {
            StreamStandIn server = new StreamStandIn();
            server.start();
            assertThat(server.started.await(5, TimeUnit.SECONDS)).as("WebSocket stand-in started").isTrue();
            return server;
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            path = handshake.getResourceDescriptor();
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            frames.add(message);
            String op = JsonMapper.shared().readTree(message).path("op").asString("");
            if (op.equals("auth")) {
                connection.send(BybitTradingExamples.AUTH_OK);
            } else if (op.equals("subscribe")) {
                connection.send(BybitTradingExamples.SUBSCRIBED);
                connection.send(BybitTradingExamples.STREAM_LINEAR_ORDER);
                connection.send(BybitTradingExamples.STREAM_EXECUTION);
            }
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket connection, Exception error) {
        }
    }
}

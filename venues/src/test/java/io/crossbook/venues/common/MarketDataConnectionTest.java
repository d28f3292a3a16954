package io.crossbook.venues.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.store.recording.RecordingReader;
import io.crossbook.venues.binance.BinanceFeedHandler;
import io.crossbook.venues.binance.BinanceProtocol;
import io.crossbook.venues.common.MarketDataConnection.State;
import io.crossbook.venues.common.MarketDataConnection.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionFactory;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live path end to end: the real {@link MarketDataConnection} and {@link BinanceFeedHandler}
 * against a local stand-in for Binance USDⓈ-M (test equipment) that serves the production
 * protocol's REST paths and replays a recorded real stream over a WebSocket.
 */
class MarketDataConnectionTest {
    private static final String SYMBOL = "BTCUSDT";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Wide bounds: these tests are about the connection, not market anomalies. */
    private static final CleaningRules RULES = new CleaningRules(0.5, Duration.ofSeconds(1), Duration.ofMinutes(10));
    /** BTCUSDT as Binance's /fapi/v1/exchangeInfo lists it, trimmed to the fields that matter here. */
    private static final String EXCHANGE_INFO = """
            {"timezone":"UTC","serverTime":1723161255000,"futuresType":"U_MARGINED","rateLimits":[],"exchangeFilters":[],
             "assets":[],"symbols":[{"symbol":"BTCUSDT","pair":"BTCUSDT","contractType":"PERPETUAL","status":"TRADING",
             "baseAsset":"BTC","quoteAsset":"USDT","marginAsset":"USDT","pricePrecision":2,"quantityPrecision":3,
             "filters":[{"minPrice":"402","maxPrice":"1246396.60","filterType":"PRICE_FILTER","tickSize":"0.10"},
             {"stepSize":"0.001","filterType":"LOT_SIZE","maxQty":"1000","minQty":"0.001"},
             {"notional":"100","filterType":"MIN_NOTIONAL"}]}]}
            """;

    /** The recorded stream's messages, in order, without the REST snapshot. */
    private static List<String> streamed;
    /** The REST depth snapshot recorded with that stream. */
    private static String snapshot;

    private RestStandIn rest;
    private StreamStandIn stream;
    private HttpClient http;
    private MarketDataConnection connection;
    private final Received received = new Received();
    private final BookWatch books = new BookWatch();

    @BeforeAll
    static void readRecording() throws Exception {
        Path file = Path.of(MarketDataConnectionTest.class.getResource("/binance/usdm_btcusdt_20240808_head3000.gz").toURI());
        List<String> all = new ArrayList<>();
        try (RecordingReader reader = new RecordingReader(file)) {
            reader.forEachRemaining(m -> all.add(m.text()));
        }
        Map<Boolean, List<String>> bySnapshot = all.stream()
                .collect(Collectors.partitioningBy(t -> t.startsWith("{\"lastUpdateId\"")));
        assertThat(bySnapshot.get(true)).hasSize(1);
        snapshot = bySnapshot.get(true).get(0);
        streamed = bySnapshot.get(false);
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        if (connection != null) {
            connection.close();
        }
        if (http != null) {
            http.close();
        }
        if (stream != null) {
            stream.stop(1000);
        }
        if (rest != null) {
            rest.close();
        }
    }

    @Test
    void connectsSnapshotsOnceAndKeepsTheBookExactlyInSync() throws Exception {
        rest = new RestStandIn(0);
        stream = StreamStandIn.running();
        connect(rest.port());

        eventually().untilAsserted(() -> {
            assertThat(received.count()).isEqualTo(streamed.size() + 1);
            assertThat(book().valid()).isTrue();
        });

        assertThat(connection.status().state()).isEqualTo(State.CONNECTED);
        assertThat(rest.exchangeInfoRequests.get()).isOne();
        assertThat(rest.depthQueries).containsExactly("symbol=BTCUSDT&limit=1000");
        assertThat(stream.resources).containsExactly("/public/stream?streams=btcusdt@depth@0ms/btcusdt@bookTicker/btcusdt@trade");

        FeedStats stats = stats();
        assertThat(stats.gaps()).isZero();
        assertThat(stats.resyncs()).isZero();
        assertThat(stats.checksumFailures()).isZero();
        assertThat(stats.checksumsVerified()).as("bookTicker cross-checks passed").isPositive();

        BookSnapshot book = book();
        assertThat(book.bestBid()).isLessThan(book.bestAsk());
        BookSnapshot replayed = replayedBook();
        assertThat(book.sequence()).isEqualTo(replayed.sequence());
        assertThat(book.bidPrices()).containsExactly(replayed.bidPrices());
        assertThat(book.bidQtys()).containsExactly(replayed.bidQtys());
        assertThat(book.askPrices()).containsExactly(replayed.askPrices());
        assertThat(book.askQtys()).containsExactly(replayed.askQtys());

        List<String> raw = received.texts();
        assertThat(raw).filteredOn(snapshot::equals).as("the REST snapshot body, as served").hasSize(1);
        assertThat(raw).filteredOn(t -> !t.equals(snapshot)).as("every frame, in order").containsExactlyElementsOf(streamed);
        assertThat(books.beforeAnySnapshot.get()).isZero();
    }

    @Test
    void aClosedSocketMakesTheBookInvalidThenReconnectsAndResyncs() throws Exception {
        rest = new RestStandIn(0);
        stream = StreamStandIn.running();
        connect(rest.port());
        eventually().until(() -> received.count() == streamed.size() + 1 && book().valid());

        stream.holdReplay = true;
        stream.connections.get(0).close(CloseFrame.GOING_AWAY, "server maintenance");

        Status down = eventually().until(connection::status, s -> s.state() == State.EXCHANGE_UNAVAILABLE);
        assertThat(down.detail()).contains("closed by the exchange", "1001", "server maintenance");
        assertThat(down.nextRetry()).isAfter(down.since());

        WebSocket second = eventually().until(() -> stream.connections.size() == 2 ? stream.connections.get(1) : null,
                c -> c != null);
        BookSnapshot dropped = book();
        assertThat(dropped.valid()).as("nothing received since the drop").isFalse();
        assertThat(dropped.bidPrices()).isEmpty();
        assertThat(dropped.askPrices()).isEmpty();
        assertThat(books.invalidated).as("the listener hears of it").singleElement().asString()
                .startsWith("disconnected: closed by the exchange");
        assertThat(connection.read(h -> h.book(SYMBOL).invalidReason(), null).get(2, TimeUnit.SECONDS))
                .isEqualTo(books.invalidated.get(0));
        assertThat(rest.depthQueries).hasSize(1);

        stream.replay(second);
        eventually().untilAsserted(() -> {
            assertThat(received.count()).isEqualTo(2 * (streamed.size() + 1));
            assertThat(book().valid()).isTrue();
        });
        assertThat(connection.status().state()).isEqualTo(State.CONNECTED);
        assertThat(rest.depthQueries).as("a fresh snapshot for the new stream").hasSize(2);
        assertThat(rest.exchangeInfoRequests.get()).as("instruments are not reloaded").isOne();
        assertThat(stats().gaps()).isZero();
        assertThat(book().bestBid()).isLessThan(book().bestAsk());
    }

    @Test
    void anUnreachableExchangeIsReportedAndRetriedUntilItAnswers() throws Exception {
        stream = StreamStandIn.running();
        int port = freePort();
        connect(port);

        Status first = eventually().until(connection::status, s -> s.state() == State.EXCHANGE_UNAVAILABLE);
        assertThat(first.detail()).contains("instrument metadata", "127.0.0.1/fapi/v1/exchangeInfo", "ConnectException");
        assertThat(first.nextRetry()).isAfter(first.since());
        Status second = eventually().until(connection::status,
                s -> s.state() == State.EXCHANGE_UNAVAILABLE && s.since().isAfter(first.since()));
        assertThat(second.nextRetry()).isAfter(second.since());
        assertThat(book(SYMBOL)).as("no book without the exchange").isNull();

        rest = new RestStandIn(port);
        // The next attempt is due within the backoff's current ceiling (2 s, 4 s if a failure went unseen).
        eventually().atMost(Duration.ofSeconds(10)).until(() -> book() != null && book().valid());
        assertThat(connection.status().state()).isEqualTo(State.CONNECTED);
        assertThat(rest.exchangeInfoRequests.get()).isOne();
        assertThat(stream.connections).hasSize(1);
    }

    @Test
    void aRateLimitedSnapshotIsRetriedAndTheBookWaitsForIt() throws Exception {
        rest = new RestStandIn(0);
        rest.rateLimited.set(1);
        stream = StreamStandIn.running();
        connect(rest.port());

        eventually().untilAsserted(() -> {
            assertThat(rest.depthQueries).hasSize(1);
            assertThat(received.count()).isEqualTo(streamed.size());
        });
        BookSnapshot waiting = book();
        assertThat(waiting.valid()).as("diffs alone never make a book").isFalse();
        assertThat(waiting.bidPrices()).isEmpty();
        assertThat(waiting.askPrices()).isEmpty();

        eventually().atMost(Duration.ofSeconds(10)).until(() -> book().valid());
        assertThat(rest.depthQueries).hasSize(2);
        assertThat(Duration.between(rest.depthTimes.get(0), rest.depthTimes.get(1)))
                .as("the second request honours Retry-After").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(books.beforeAnySnapshot.get()).as("book updates before the 200 snapshot").isZero();
        assertThat(received.texts()).filteredOn(snapshot::equals).hasSize(1);
        assertThat(stats().gaps()).isZero();
        assertThat(connection.status().state()).isEqualTo(State.CONNECTED);
    }

    @Test
    void closingWhileAReconnectIsPendingStopsForGood() throws Exception {
        rest = new RestStandIn(0);
        stream = StreamStandIn.running();
        connect(rest.port());
        eventually().until(() -> book() != null && book().valid());
        stream.connections.get(0).close(CloseFrame.GOING_AWAY, "server maintenance");
        Status down = eventually().until(connection::status, s -> s.state() == State.EXCHANGE_UNAVAILABLE);

        long started = System.nanoTime();
        connection.close();
        MarketDataConnection closed = connection;
        connection = null; // closed here, not again after the test
        Duration closing = Duration.ofNanos(System.nanoTime() - started);

        assertThat(closed.status().state()).isEqualTo(State.STOPPED);
        assertThat(closed.read(h -> "read on the feed thread", "closed").get(2, TimeUnit.SECONDS)).isEqualTo("closed");
        assertThat(stream.connections).as("no reconnect after close").hasSize(1);
        assertThat(closing).as("close() returns promptly").isLessThan(Duration.ofSeconds(1));
        await().during(Duration.between(Instant.now(), down.nextRetry()).plusMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> stream.connections.size() == 1 && closed.status().state() == State.STOPPED);
    }

    private void connect(int restPort) {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        connection = new MarketDataConnection(new LocalBinance(restPort, stream.getPort()), List.of(SYMBOL), RULES,
                books, received, new RestClient(http));
        connection.start();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
    }

    private BookSnapshot book() throws Exception {
        return book(SYMBOL);
    }

    private BookSnapshot book(String symbol) throws Exception {
        return connection.book(symbol, 5).get(2, TimeUnit.SECONDS);
    }

    private FeedStats stats() throws Exception {
        List<FeedStats> all = connection.stats().get(2, TimeUnit.SECONDS);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** The same recording fed straight into a handler, snapshot where it was recorded: the expected book. */
    private static BookSnapshot replayedBook() {
        Map<String, Instrument> instruments = new BinanceProtocol(Market.LINEAR).parseInstruments(EXCHANGE_INFO).stream()
                .collect(Collectors.toMap(Instrument::symbol, Function.identity()));
        BinanceFeedHandler handler = new BinanceFeedHandler(Market.LINEAR, instruments, RULES, MarketDataListener.NONE,
                ResyncRequester.NONE);
        try (RecordingReader reader = new RecordingReader(Path.of(MarketDataConnectionTest.class
                .getResource("/binance/usdm_btcusdt_20240808_head3000.gz").toURI()))) {
            while (reader.hasNext()) {
                RecordedMessage m = reader.next();
                handler.onMessage(m.receiveNanos(), m.text());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return handler.book(SYMBOL).snapshot(5);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    /** Every raw message the connection hands to its sink. */
    private static final class Received implements RawMessageSink {
        private final List<String> texts = new ArrayList<>();

        @Override
        public synchronized void onRaw(long receiveNanos, String text) {
            texts.add(text);
        }

        synchronized int count() {
            return texts.size();
        }

        synchronized List<String> texts() {
            return List.copyOf(texts);
        }
    }

    /**
     * Counts valid-book updates that came before any REST snapshot was served (there must be
     * none) and keeps why books were invalidated.
     */
    private final class BookWatch implements MarketDataListener {
        final AtomicLong beforeAnySnapshot = new AtomicLong();
        final List<String> invalidated = new CopyOnWriteArrayList<>();

        @Override
        public void onBookInvalid(OrderBook book) {
            invalidated.add(book.invalidReason());
        }

        @Override
        public void onBook(OrderBook book) {
            if (rest == null || rest.snapshotsServed.get() == 0) {
                beforeAnySnapshot.incrementAndGet();
            }
        }
    }

    /** Binance USDⓈ-M exactly as production speaks it, with the hosts swapped for the local stand-ins. */
    private record LocalBinance(int restPort, int streamPort) implements MarketDataProtocol {
        private static final BinanceProtocol BINANCE = new BinanceProtocol(Market.LINEAR);

        private static URI local(URI real, String scheme, int port) {
            return URI.create(scheme + "://127.0.0.1:" + port + real.getRawPath()
                    + (real.getRawQuery() == null ? "" : "?" + real.getRawQuery()));
        }

        @Override
        public URI instrumentsUri() {
            return local(BINANCE.instrumentsUri(), "http", restPort);
        }

        @Override
        public URI webSocketUri(List<String> symbols) {
            return local(BINANCE.webSocketUri(symbols), "ws", streamPort);
        }

        @Override
        public SnapshotRequest snapshotRequest(String symbol) {
            SnapshotRequest real = BINANCE.snapshotRequest(symbol);
            return new SnapshotRequest(local(real.uri(), "http", restPort), real.weight());
        }

        @Override
        public Venue venue() {
            return BINANCE.venue();
        }

        @Override
        public Market market() {
            return BINANCE.market();
        }

        @Override
        public List<Instrument> parseInstruments(String body) {
            return BINANCE.parseInstruments(body);
        }

        @Override
        public List<String> subscribeFrames(List<String> symbols) {
            return BINANCE.subscribeFrames(symbols);
        }

        @Override
        public List<String> resubscribeFrames(String symbol) {
            return BINANCE.resubscribeFrames(symbol);
        }

        @Override
        public String pingFrame() {
            return BINANCE.pingFrame();
        }

        @Override
        public Duration pingInterval() {
            return BINANCE.pingInterval();
        }

        @Override
        public boolean isPong(String text) {
            return BINANCE.isPong(text);
        }

        @Override
        public Duration maxConnectionAge() {
            return BINANCE.maxConnectionAge();
        }

        @Override
        public int instrumentsWeight() {
            return BINANCE.instrumentsWeight();
        }

        @Override
        public int restWeightPerMinute() {
            return BINANCE.restWeightPerMinute();
        }

        @Override
        public FeedHandler<?> newHandler(Map<String, Instrument> instruments, CleaningRules rules,
                                         MarketDataListener listener, ResyncRequester resync) {
            return BINANCE.newHandler(instruments, rules, listener, resync);
        }
    }

    @Test
    void unreadableInstrumentMetadataIsReportedAndRetried() throws Exception {
        stream = StreamStandIn.running();
        rest = new RestStandIn(0);
        rest.garbledExchangeInfo.set(1);
        connect(rest.port());

        Status failed = eventually().until(connection::status, s -> s.state() == State.EXCHANGE_UNAVAILABLE);
        assertThat(failed.detail()).contains("instrument metadata unreadable");
        eventually().atMost(Duration.ofSeconds(10)).until(() -> book() != null && book().valid());
        assertThat(rest.exchangeInfoRequests.get()).isEqualTo(2);
    }

    /** Binance's exchangeInfo and depth endpoints on 127.0.0.1; depth answers 429 while {@link #rateLimited} lasts. */
    private static final class RestStandIn implements AutoCloseable {
        final AtomicInteger exchangeInfoRequests = new AtomicInteger();
        final List<String> depthQueries = new CopyOnWriteArrayList<>();
        final List<Instant> depthTimes = new CopyOnWriteArrayList<>();
        final AtomicInteger rateLimited = new AtomicInteger();
        final AtomicInteger snapshotsServed = new AtomicInteger();
        final AtomicInteger garbledExchangeInfo = new AtomicInteger();
        private final HttpServer server;

        RestStandIn(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
            server.createContext("/fapi/v1/exchangeInfo", exchange -> {
                exchangeInfoRequests.incrementAndGet();
                boolean garbled = garbledExchangeInfo.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                respond(exchange, 200, garbled ? "<html>maintenance</html>" : EXCHANGE_INFO);
            });
            server.createContext("/fapi/v1/depth", exchange -> {
                depthTimes.add(Instant.now());
                depthQueries.add(exchange.getRequestURI().getRawQuery());
                if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    respond(exchange, 429, "{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP(127.0.0.1)"
                            + " is 2400 requests per minute.\"}");
                } else {
                    snapshotsServed.incrementAndGet();
                    respond(exchange, 200, snapshot);
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private static void respond(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Binance's combined-stream socket on 127.0.0.1: replays the recorded frames to each connection, in order. */
    private static final class StreamStandIn extends WebSocketServer {
        final List<WebSocket> connections = new CopyOnWriteArrayList<>();
        final List<String> resources = new CopyOnWriteArrayList<>();
        /** While set, new connections get nothing until {@link #replay} is called. */
        volatile boolean holdReplay;
        private final CountDownLatch started = new CountDownLatch(1);

        private StreamStandIn() {
            super(new InetSocketAddress(LOOPBACK, 0));
            setReuseAddr(true);
        }

        static StreamStandIn running() throws InterruptedException {
            StreamStandIn server = new StreamStandIn();
            server.start();
            assertThat(server.started.await(5, TimeUnit.SECONDS)).as("WebSocket stand-in started").isTrue();
            return server;
        }

        void replay(WebSocket connection) {
            for (String text : streamed) {
                connection.send(text);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            resources.add(handshake.getResourceDescriptor());
            connections.add(connection);
            if (!holdReplay) {
                replay(connection);
            }
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
        }

        @Override
        public void onError(WebSocket connection, Exception error) {
        }
    }
}

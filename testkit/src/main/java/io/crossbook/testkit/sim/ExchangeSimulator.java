package io.crossbook.testkit.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.testkit.sim.MatchingEngine.BookKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A local stand-in for an exchange, for tests: an HTTP server and a WebSocket server on 127.0.0.1
 * (random ports) that speak one exchange's protocol ({@link SimProtocol}), with the market replayed
 * from real recordings ({@link Replay}), orders matched against the replayed books, signatures and
 * timestamps checked, the exchange's request-weight limit enforced (429, then 418 for a client that
 * does not wait) and faults injected on demand ({@link Faults}).
 *
 * <p>It keeps what tests assert on: every REST request with its arrival time and documented weight
 * ({@link #requests()}, {@link #maxWeightInAnyWindow}), and how many orders each client order id
 * produced ({@link #acceptedOrders}, {@link #duplicates()}). Test equipment only: it never runs in a
 * production profile.
 */
public final class ExchangeSimulator implements AutoCloseable {
    private static final InetAddress LOOPBACK = loopback();

    static {
        // The JDK's HTTP server writes an answer's headers and body apart; with Nagle's algorithm on,
        // the body waits for the client's delayed ACK (40 ms on Linux) and every REST call takes 40 ms
        // more than it should. Read once, when the JDK's server configuration loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final Object lock = new Object();
    final MatchingEngine engine;
    private final SimProtocol protocol;
    private final Faults faults;
    private final Replay replay;
    private final WeightLimiter limiter;
    private final List<LoggedRequest> log = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService httpThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer http;
    private final SimWebSocketServer ws;

    private ExchangeSimulator(Builder b) {
        this.protocol = b.protocol;
        this.faults = new Faults(this::disconnectAll);
        Map<Market, Fees> fees = new EnumMap<>(Market.class);
        for (Market market : Market.values()) {
            fees.put(market, b.fees.getOrDefault(market, protocol.defaultFees(market)));
        }
        this.engine = new MatchingEngine(b.clock, fees, faults, this::onOrderEvent);
        b.accounts.forEach(engine::addAccount);
        this.replay = new Replay(this, timeline(b.recordings));
        this.limiter = new WeightLimiter(group -> b.weightLimit != null ? b.weightLimit : protocol.weightLimit(group),
                b.weightWindow, b.banDuration);
        try {
            this.http = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the simulator's HTTP server", e);
        }
        http.setExecutor(httpThreads);
        http.createContext("/", this::serve);
        this.ws = new SimWebSocketServer(new InetSocketAddress(LOOPBACK, 0), this);
    }

    public static Builder builder(SimProtocol protocol) {
        return new Builder(protocol);
    }

    /** Sets up a simulator; {@link #start()} binds its servers. */
    public static final class Builder {
        private final SimProtocol protocol;
        private final List<Recording> recordings = new ArrayList<>();
        private final List<SimAccount> accounts = new ArrayList<>();
        private final Map<Market, Fees> fees = new EnumMap<>(Market.class);
        private Integer weightLimit;
        private Duration weightWindow = Duration.ofMinutes(1);
        private Duration banDuration = Duration.ofMinutes(2);
        private Clock clock = Clock.systemUTC();

        private Builder(SimProtocol protocol) {
            this.protocol = protocol;
        }

        /** A recorded instrument: its book, its streams and its orders. */
        public Builder recording(Recording recording) {
            recordings.add(recording);
            return this;
        }

        public Builder account(SimAccount account) {
            accounts.add(account);
            return this;
        }

        /** Fee rates in {@code market} instead of the exchange's standard ones. */
        public Builder fees(Market market, Fees rates) {
            fees.put(market, rates);
            return this;
        }

        /** Allows {@code weight} per {@code window} in every limit group instead of the exchange's limits per minute. */
        public Builder weightLimit(int weight, Duration window) {
            this.weightLimit = weight;
            this.weightWindow = window;
            return this;
        }

        /** How long a client that did not wait after a 429 is banned (default two minutes, Binance's shortest ban). */
        public Builder banDuration(Duration duration) {
            this.banDuration = duration;
            return this;
        }

        /** The exchange's clock (default the system clock: clients sign with theirs). */
        public Builder clock(Clock exchangeClock) {
            this.clock = exchangeClock;
            return this;
        }

        public ExchangeSimulator start() {
            ExchangeSimulator simulator = new ExchangeSimulator(this);
            simulator.http.start();
            simulator.ws.startAndWait();
            return simulator;
        }
    }

    private List<Replay.Entry> timeline(List<Recording> recordings) {
        List<Replay.Entry> entries = new ArrayList<>();
        for (Recording recording : recordings) {
            Instrument instrument = recording.instrument();
            BookKey key = new BookKey(instrument.market(), instrument.symbol());
            String recordedSnapshot = null;
            for (RecordedMessage message : recording.messages()) {
                MarketEvent event = protocol.decode(instrument, message.text());
                if (recordedSnapshot == null && event instanceof MarketEvent.Snapshot && event.stream() == null) {
                    recordedSnapshot = message.text();
                }
                entries.add(new Replay.Entry(key, message, event));
            }
            engine.addBook(instrument, recordedSnapshot);
        }
        entries.sort(Comparator.comparingLong(e -> e.message().receiveNanos()));
        return entries;
    }

    /** The REST root, {@code http://127.0.0.1:<port>}. */
    public URI restBase() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** The WebSocket root, {@code ws://127.0.0.1:<port>}. */
    public URI wsBase() {
        return URI.create("ws://127.0.0.1:" + ws.getPort());
    }

    public Replay replay() {
        return replay;
    }

    public Faults faults() {
        return faults;
    }

    /** The account with that API key, or null. */
    public SimAccount account(String apiKey) {
        synchronized (lock) {
            return engine.account(apiKey);
        }
    }

    /** How many orders the exchange accepted with this client order id: more than one is a duplicate order. */
    public int acceptedOrders(String clientOrderId) {
        synchronized (lock) {
            return engine.acceptedOrders(clientOrderId);
        }
    }

    /** The client order ids that produced more than one accepted order. */
    public Set<String> duplicates() {
        synchronized (lock) {
            return engine.duplicates();
        }
    }

    /** Every order the exchange accepted, as it stands now, oldest first. */
    public List<SimOrder> orders() {
        synchronized (lock) {
            return engine.allOrders();
        }
    }

    /** Every REST request received so far, in arrival order. */
    public List<LoggedRequest> requests() {
        return log.stream().sorted(Comparator.comparingLong(LoggedRequest::nanoTime)).toList();
    }

    /**
     * The most request weight the simulator received within any {@code window} (sliding: any
     * interval of that length), over every request sent, refused ones included.
     */
    public int maxWeightInAnyWindow(Duration window) {
        return maxWeight(requests(), window.toNanos());
    }

    /** {@link #maxWeightInAnyWindow(Duration)} in one limit group only. */
    public int maxWeightInAnyWindow(String limitGroup, Duration window) {
        return maxWeight(requests().stream().filter(r -> r.limitGroup().equals(limitGroup)).toList(), window.toNanos());
    }

    static int maxWeight(List<LoggedRequest> inOrder, long window) {
        int max = 0;
        int sum = 0;
        int first = 0;
        for (LoggedRequest last : inOrder) {
            sum += last.weight();
            while (last.nanoTime() - inOrder.get(first).nanoTime() >= window) {
                sum -= inOrder.get(first++).weight();
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /** Open WebSocket connections, public and private (connections register during the handshake). */
    public int openWebSockets() {
        return ws.openConnections();
    }

    boolean booksReady() {
        return engine.booksReady();
    }

    /**
     * One replayed message: into the book (filling the resting orders it crosses), then what the
     * protocol publishes of it to its subscribers, unless a fault drops or corrupts a depth message.
     */
    void deliver(Replay.Entry entry) {
        engine.apply(entry.key(), entry.event());
        Instrument instrument = engine.instrument(entry.key().market(), entry.key().symbol());
        for (SimProtocol.PublicMessage message : protocol.publicMessages(instrument, entry.event(), entry.message().text(), engine)) {
            String text = message.text();
            if (message.depth() && faults.takeDepthDrop(message.stream())) {
                continue;
            }
            if (message.depth()) {
                var corruption = faults.takeCorruption(message.stream());
                text = corruption == null ? text : corruption.apply(text);
            }
            ws.publish(entry.key().market(), message.stream(), text);
        }
    }

    WsSession openSession(String resource) {
        synchronized (lock) {
            return protocol.open(resource, engine);
        }
    }

    /**
     * A client's frame, answered under the lock: a subscription's snapshot reaches the client before
     * any replayed update that follows it.
     */
    void onText(WsSession session, String text, Consumer<String> reply) {
        synchronized (lock) {
            protocol.onText(session, text, engine).forEach(reply);
        }
    }

    private void onOrderEvent(OrderEvent event) {
        ws.pushPrivate(event.order().apiKey(), event.order().market(), protocol.privateMessages(event, engine));
    }

    private void disconnectAll() {
        ws.closeAll("simulated disconnect");
    }

    private void serve(HttpExchange exchange) throws IOException {
        long arrival = System.nanoTime();
        try (exchange) {
            RestRequest request = read(exchange);
            Endpoint endpoint = protocol.classify(request);
            RestAnswer answer = answer(request, endpoint, arrival);
            Duration hold = endpoint.kind() == RequestKind.PLACE_ORDER && answer.ok() ? faults.takeHold(RequestKind.PLACE_ORDER) : null;
            log.add(new LoggedRequest(arrival, request.method(), request.path(), endpoint.kind(), endpoint.limitGroup(),
                    endpoint.weight(), hold == null ? answer.status() : 0));
            if (hold != null) {
                pause(hold);
                return; // closing the exchange without an answer drops the connection
            }
            Duration delay = faults.takeDelay(endpoint.kind());
            if (delay != null) {
                pause(delay);
            }
            send(exchange, answer);
        }
    }

    private RestAnswer answer(RestRequest request, Endpoint endpoint, long arrival) {
        Faults.StatusFault fault = faults.takeStatus(endpoint.kind());
        if (fault != null) {
            if (fault.status() >= 500) {
                return protocol.serverError(endpoint, fault.status());
            }
            limiter.answered(endpoint.limitGroup(), fault.status(), fault.retryAfter(), arrival);
            return protocol.limited(endpoint, fault.status(), fault.retryAfter());
        }
        WeightLimiter.Verdict verdict = limiter.admit(endpoint.limitGroup(), endpoint.weight(), arrival);
        if (!verdict.passed()) {
            return protocol.limited(endpoint, verdict.status(), verdict.retryAfter());
        }
        Faults.Rejection rejection = faults.takeRejection(endpoint.kind());
        RestAnswer answer;
        if (rejection != null) {
            answer = protocol.rejected(endpoint, rejection.code(), rejection.message());
        } else {
            try {
                synchronized (lock) {
                    answer = protocol.handle(request, endpoint, engine);
                }
            } catch (RuntimeException e) {
                return RestAnswer.json(500, "{\"simulatorError\":\"" + String.valueOf(e).replace("\\", "\\\\").replace("\"", "'") + "\"}");
            }
        }
        for (Map.Entry<String, String> header : protocol.weightHeaders(endpoint, verdict.usedWeight()).entrySet()) {
            answer = answer.withHeader(header.getKey(), header.getValue());
        }
        return answer;
    }

    private static RestRequest read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
        URI uri = exchange.getRequestURI();
        return new RestRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), body, headers);
    }

    private static void send(HttpExchange exchange, RestAnswer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Waits {@code duration}, or less when the simulator closes. */
    private void pause(Duration duration) {
        try {
            closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops replay and both servers; held answers are released (their connections dropped). */
    @Override
    public void close() {
        closing.countDown();
        replay.pause();
        ws.closeAll("simulator closed");
        try {
            ws.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        httpThreads.shutdownNow();
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException("no 127.0.0.1", e);
        }
    }
}

package io.crossbook.venues.common;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.model.Instrument;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live public market-data connection to a venue-market for a set of symbols: instrument
 * metadata from REST, then the WebSocket, with the exchange's keep-alive, resubscription or REST
 * snapshots when a book needs a resync, and reconnects with exponential backoff and jitter. While
 * the exchange cannot be reached the status says {@code EXCHANGE_UNAVAILABLE} with the cause, the
 * books stay invalid, and it keeps retrying.
 *
 * <p>Every message is handled on this connection's own feed thread, which owns the handler and
 * its books; other threads read through {@link #stats()} and {@link #book(String, int)}.
 */
public final class MarketDataConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataConnection.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public enum State { STARTING, CONNECTED, EXCHANGE_UNAVAILABLE, STOPPED }

    /** The connection's state and, when unavailable, the cause and the next retry. */
    public record Status(State state, String detail, Instant since, Instant nextRetry) {
    }

    private final MarketDataProtocol protocol;
    private final List<String> symbols;
    private final CleaningRules rules;
    private final MarketDataListener listener;
    private final RawMessageSink sink;
    private final RestClient rest;
    private final ScheduledExecutorService feed;
    private final Backoff backoff;
    private final String name;
    private volatile Status status = new Status(State.STARTING, "not started", Instant.now(), null);
    private FeedHandler<?> handler;
    private WebSocket socket;
    private long connection; // identifies the current socket, so late callbacks of old ones are ignored
    private boolean stopped;

    public MarketDataConnection(MarketDataProtocol protocol, List<String> symbols, CleaningRules rules,
                                MarketDataListener listener, RawMessageSink sink, RestClient rest) {
        this(protocol, symbols, rules, listener, sink, rest, Duration.ofSeconds(1));
    }

    /** {@code reconnectBase}: the first reconnect delay, doubling up to a minute (tests against a simulator make it short). */
    public MarketDataConnection(MarketDataProtocol protocol, List<String> symbols, CleaningRules rules,
                                MarketDataListener listener, RawMessageSink sink, RestClient rest, Duration reconnectBase) {
        this.backoff = new Backoff(reconnectBase, Duration.ofMinutes(1));
        this.protocol = protocol;
        this.symbols = List.copyOf(symbols);
        this.rules = rules;
        this.listener = listener;
        this.sink = sink;
        this.rest = rest;
        this.name = protocol.venue().id() + ":" + protocol.market().id();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "feed-" + name);
            t.setDaemon(true);
            return t;
        });
        // On close, drop pending retries and the connection-age renewal: waiting for them would
        // block close(), and running them would reconnect a stopped connection.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.feed = executor;
    }

    public String name() {
        return name;
    }

    public MarketDataProtocol protocol() {
        return protocol;
    }

    public List<String> symbols() {
        return symbols;
    }

    public Status status() {
        return status;
    }

    public void start() {
        feed.execute(this::loadInstruments);
        feed.scheduleAtFixedRate(() -> {
            if (handler != null) {
                handler.checkStale(EpochNanos.now());
            }
        }, 1, 1, TimeUnit.SECONDS);
        if (protocol.pingFrame() != null) {
            long every = protocol.pingInterval().toMillis();
            feed.scheduleAtFixedRate(() -> {
                if (socket != null) {
                    socket.sendText(protocol.pingFrame(), true);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Live counters of every book, read on the feed thread. */
    public CompletableFuture<List<FeedStats>> stats() {
        return onFeed(() -> handler == null ? List.<FeedStats>of() : handler.stats(), List.of());
    }

    /** A copy of a book's top levels, or null if the symbol has no book yet. */
    public CompletableFuture<BookSnapshot> book(String symbol, int depth) {
        return onFeed(() -> {
            var book = handler == null ? null : handler.book(symbol);
            return book == null ? null : book.snapshot(depth);
        }, null);
    }

    /**
     * Runs {@code read} on the feed thread with the feed handler (null until the instrument
     * metadata has loaded): for reads that must see one consistent state of several books or of a
     * book and its owner's bookkeeping. After {@link #close()} it completes with {@code whenClosed}.
     */
    public <T> CompletableFuture<T> read(java.util.function.Function<FeedHandler<?>, T> read, T whenClosed) {
        return onFeed(() -> read.apply(handler), whenClosed);
    }

    /** Runs a read on the feed thread; after {@link #close()} there is nothing to read. */
    private <T> CompletableFuture<T> onFeed(java.util.function.Supplier<T> read, T whenClosed) {
        try {
            return CompletableFuture.supplyAsync(read, feed);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(whenClosed);
        }
    }

    private void loadInstruments() {
        loadInstruments(protocol.instrumentsUri(), new HashMap<>());
    }

    /** Fetches one page of the instrument list into {@code bySymbol}, then the next page or, after the last, connects. */
    private void loadInstruments(URI page, Map<String, Instrument> bySymbol) {
        rest.get(page, protocol.instrumentsWeight(), protocol.restWeightPerMinute())
                .whenCompleteAsync((body, error) -> {
                    if (stopped) {
                        return;
                    }
                    if (error != null) {
                        unavailable("instrument metadata: " + TextFrames.cause(error), this::loadInstruments);
                        return;
                    }
                    URI next;
                    try {
                        for (Instrument i : protocol.parseInstruments(body)) {
                            bySymbol.put(i.symbol(), i);
                        }
                        next = protocol.nextInstrumentsUri(body);
                    } catch (RuntimeException e) {
                        unavailable("instrument metadata unreadable: " + RestClient.describe(e), this::loadInstruments);
                        return;
                    }
                    if (next != null && !next.equals(page)) { // a cursor that repeats ends the list rather than looping
                        loadInstruments(next, bySymbol);
                        return;
                    }
                    List<String> unknown = symbols.stream().filter(s -> !bySymbol.containsKey(s)).toList();
                    if (!unknown.isEmpty()) {
                        LOG.warn("{}: {} not listed as trading by the exchange; their books will stay empty", name, unknown);
                    }
                    handler = protocol.newHandler(bySymbol, rules, listener, this::requestResync);
                    connect();
                }, feed);
    }

    private void connect() {
        long id = ++connection;
        URI uri = protocol.webSocketUri(symbols);
        status = new Status(State.STARTING, "connecting to " + uri.getHost(), Instant.now(), null);
        rest.http().newWebSocketBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .buildAsync(uri, new TextFrames(feed, new TextFrames.Handler() {
                    @Override
                    public void message(String text, long receivedEpochNanos) {
                        onFrame(id, text, receivedEpochNanos);
                    }

                    @Override
                    public void dropped(String reason) {
                        MarketDataConnection.this.dropped(id, reason);
                    }
                }))
                .whenCompleteAsync((ws, error) -> {
                    if (id != connection || stopped) {
                        if (ws != null) {
                            ws.abort();
                        }
                        return;
                    }
                    if (error != null) {
                        unavailable("WebSocket: " + TextFrames.cause(error), this::connect);
                        return;
                    }
                    socket = ws;
                    for (String frame : protocol.subscribeFrames(symbols)) {
                        ws.sendText(frame, true);
                    }
                    status = new Status(State.CONNECTED, symbols.size() + " symbols", Instant.now(), null);
                    LOG.info("{}: connected, {} symbols", name, symbols.size());
                    Duration maxAge = protocol.maxConnectionAge();
                    if (maxAge != null) {
                        feed.schedule(() -> {
                            if (id == connection) {
                                dropped(id, "renewing the connection before the exchange's " + maxAge.toHours() + " h limit");
                            }
                        }, maxAge.minusMinutes(5).toMillis(), TimeUnit.MILLISECONDS);
                    }
                }, feed);
    }

    /** Called on the feed thread by the handler when a book needs a fresh snapshot. */
    private void requestResync(String symbol) {
        MarketDataProtocol.SnapshotRequest request = protocol.snapshotRequest(symbol);
        if (request == null) {
            if (socket != null) {
                for (String frame : protocol.resubscribeFrames(symbol)) {
                    socket.sendText(frame, true);
                }
            }
            return;
        }
        long id = connection;
        rest.get(request.uri(), request.weight(), protocol.restWeightPerMinute()).whenCompleteAsync((body, error) -> {
            if (stopped || id != connection) {
                return; // the socket it was for is gone; the new one asks again
            }
            if (error != null) {
                LOG.warn("{}: snapshot of {} failed, retrying in 5 s: {}", name, symbol, TextFrames.cause(error));
                feed.schedule(() -> {
                    if (id == connection) {
                        requestResync(symbol);
                    }
                }, 5, TimeUnit.SECONDS);
                return;
            }
            long now = EpochNanos.now();
            sink.onRaw(now, body);
            handler.onMessage(now, body);
        }, feed);
    }

    private void dropped(long id, String reason) {
        if (id != connection || stopped) {
            return;
        }
        WebSocket ws = socket;
        socket = null;
        connection++;
        if (ws != null) {
            ws.abort();
        }
        handler.disconnected(reason);
        unavailable(reason, this::connect);
    }

    private void unavailable(String cause, Runnable retry) {
        Duration delay = backoff.next();
        status = new Status(State.EXCHANGE_UNAVAILABLE, cause, Instant.now(), Instant.now().plus(delay));
        LOG.warn("{}: EXCHANGE_UNAVAILABLE: {}; retry {} in {} ms", name, cause, backoff.attempts(), delay.toMillis());
        feed.schedule(retry, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (feed.isShutdown()) {
            return;
        }
        feed.execute(() -> {
            stopped = true;
            connection++;
            if (socket != null) {
                socket.abort();
                socket = null;
            }
            status = new Status(State.STOPPED, "stopped", Instant.now(), null);
        });
        feed.shutdown();
        try {
            feed.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A whole message from socket {@code id}, on the feed thread. */
    private void onFrame(long id, String text, long received) {
        if (id != connection || protocol.isPong(text)) {
            return;
        }
        backoff.reset();
        sink.onRaw(received, text);
        handler.onMessage(received, text);
    }
}

package io.crossbook.venues.trading;

import io.crossbook.venues.common.Backoff;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.TextFrames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's private WebSocket stream to one exchange: connects where the {@link PrivateProtocol}
 * says, logs in and subscribes, tells the listener when it is ready (so that what was missed while
 * it was down is read over REST), keeps the connection alive, and reconnects with exponential
 * backoff and jitter whenever it drops, until closed. Messages are read on the stream's own thread,
 * in order.
 */
public final class PrivateStreamConnection implements PrivateStream {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateStreamConnection.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A login or subscription the exchange has not acknowledged by then is taken as failed. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final PrivateProtocol protocol;
    private final Listener listener;
    private final String name;
    private final HttpClient http;
    private final Backoff backoff;
    private final ScheduledThreadPoolExecutor thread;
    private volatile boolean ready;
    /** The current connection has nothing to log in with: it is ready once open, or at its first message. */
    private boolean readyOnOpen;
    /** Opening frames held back until the login is acknowledged. */
    private List<String> afterLogin = List.of();
    private WebSocket socket;
    private long connection; // identifies the current socket, so late callbacks of old ones are ignored
    private boolean stopped;

    public PrivateStreamConnection(PrivateProtocol protocol, Listener listener, String name) {
        this(protocol, listener, name, HttpClient.newHttpClient(), Duration.ofSeconds(1));
    }

    /** {@code reconnectBase}: the first reconnect delay, doubling up to a minute (tests make it short). */
    public PrivateStreamConnection(PrivateProtocol protocol, Listener listener, String name, HttpClient http,
                                   Duration reconnectBase) {
        this.protocol = protocol;
        this.listener = listener;
        this.name = name;
        this.http = http;
        this.backoff = new Backoff(reconnectBase, Duration.ofMinutes(1));
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "private-" + name);
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Connects, and keeps the stream connected until {@link #close()}. */
    public PrivateStreamConnection start() {
        thread.execute(this::connect);
        long every = protocol.pingInterval().toMillis();
        thread.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public boolean isConnected() {
        return ready;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        long id = ++connection;
        URI uri;
        try {
            uri = protocol.connectUri();
        } catch (RuntimeException e) {
            retry("cannot open the stream: " + e.getMessage());
            return;
        }
        List<String> opening = protocol.openingFrames();
        readyOnOpen = opening.isEmpty();
        http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, new TextFrames(thread, new TextFrames.Handler() {
            @Override
            public void message(String text, long receivedEpochNanos) {
                onText(id, text);
            }

            @Override
            public void dropped(String reason) {
                PrivateStreamConnection.this.dropped(id, reason);
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
                        retry("WebSocket: " + TextFrames.cause(error));
                        return;
                    }
                    socket = ws;
                    if (readyOnOpen) {
                        if (!ready) {
                            becameReady();
                        }
                        return;
                    }
                    boolean loginFirst = protocol.subscribeAfterLogin() && opening.size() > 1;
                    sendInOrder(ws, loginFirst ? opening.subList(0, 1) : opening);
                    afterLogin = loginFirst ? List.copyOf(opening.subList(1, opening.size())) : List.of();
                    thread.schedule(() -> {
                        if (id == connection && !ready) {
                            dropped(id, "no acknowledgement of the login and subscription within " + READY_TIMEOUT.toSeconds() + " s");
                        }
                    }, READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }, thread);
    }

    /**
     * Sends each frame once the one before has gone: the JDK's WebSocket fails a send made while
     * another is pending (Bybit's login and subscription go out back to back).
     */
    private static void sendInOrder(WebSocket ws, List<String> frames) {
        CompletableFuture<WebSocket> sent = CompletableFuture.completedFuture(ws);
        for (String frame : frames) {
            sent = sent.thenCompose(w -> w.sendText(frame, true));
        }
    }

    private void becameReady() {
        ready = true;
        backoff.reset();
        LOG.info("{}: private stream connected", name);
        listener.connected();
    }

    private void onText(long id, String text) {
        if (id != connection || stopped) {
            return;
        }
        try {
            if (!ready && readyOnOpen) {
                becameReady(); // a message overtook the open's completion: it is news, read it below
            }
            if (!ready) {
                if (!afterLogin.isEmpty() && protocol.isLoggedIn(text)) {
                    sendInOrder(socket, afterLogin);
                    afterLogin = List.of();
                } else if (protocol.isReady(text)) {
                    becameReady();
                }
                return;
            }
            protocol.read(text, listener);
        } catch (ExchangeRejectedException e) {
            dropped(id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{}: a private message could not be read and was skipped: {}", name, e.getMessage());
        }
    }

    private void keepAlive() {
        if (stopped) {
            return;
        }
        String ping = protocol.pingFrame();
        if (ping != null && socket != null && ready) {
            socket.sendText(ping, true);
        }
        try {
            protocol.keepAlive();
        } catch (RuntimeException e) {
            LOG.warn("{}: keeping the private stream alive failed: {}", name, e.getMessage());
        }
    }

    private void dropped(long id, String reason) {
        if (id != connection || stopped) {
            return;
        }
        connection++;
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.abort();
        }
        boolean wasReady = ready;
        ready = false;
        if (wasReady) {
            listener.disconnected(reason);
        }
        retry(reason);
    }

    private void retry(String reason) {
        Duration delay = backoff.next();
        LOG.warn("{}: private stream down: {}; reconnecting in {} ms (attempt {})", name, reason, delay.toMillis(), backoff.attempts());
        thread.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            stopped = true;
            connection++;
            ready = false;
            if (socket != null) {
                socket.abort();
                socket = null;
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

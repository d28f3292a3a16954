package io.crossbook.venues.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared private-stream connection against a WebSocket server on 127.0.0.1 that acknowledges a
 * login and a subscription the way OKX does: the subscription waits for the login's acknowledgement,
 * the listener hears {@code connected()} only once subscribed (and again after every reconnect, so
 * the owner reads over REST what it missed), and orders are read only once ready.
 */
class PrivateStreamConnectionTest {
    private final Exchange exchange = new Exchange();
    private final AtomicInteger connected = new AtomicInteger();
    private final List<String> disconnects = new CopyOnWriteArrayList<>();
    private final List<String> orders = new CopyOnWriteArrayList<>();
    private PrivateStreamConnection stream;

    @AfterEach
    void stop() throws InterruptedException {
        if (stream != null) {
            stream.close();
        }
        exchange.stop(1000);
    }

    @Test
    void subscribesOnlyAfterTheLoginIsAcknowledgedAndIsConnectedOnlyOnceSubscribed() throws Exception {
        exchange.startAndWait();
        stream = open();

        await().atMost(Duration.ofSeconds(5)).until(() -> connected.get() == 1);
        assertThat(exchange.received).containsExactly("login", "subscribe");
        assertThat(exchange.subscribedBeforeLoginAck).as("a subscription overtook the login").isFalse();
        assertThat(stream.isConnected()).isTrue();

        exchange.pushToAll("order:x1");
        await().until(() -> orders.contains("x1"));
    }

    @Test
    void everyDropIsReportedAndFollowedByAFreshLoginSubscriptionAndConnected() throws Exception {
        exchange.startAndWait();
        stream = open();
        await().atMost(Duration.ofSeconds(5)).until(() -> connected.get() == 1);

        for (int i = 2; i <= 20; i++) {
            exchange.dropAll();
            int expected = i;
            await().atMost(Duration.ofSeconds(5)).until(() -> connected.get() == expected);
        }

        assertThat(disconnects).hasSize(19);
        assertThat(exchange.received).hasSize(40).containsOnly("login", "subscribe");
        exchange.pushToAll("order:after");
        await().until(() -> orders.contains("after"));
    }

    private PrivateStreamConnection open() {
        PrivateProtocol protocol = new PrivateProtocol() {
            @Override
            public URI connectUri() {
                return URI.create("ws://127.0.0.1:" + exchange.getPort() + "/private");
            }

            @Override
            public List<String> openingFrames() {
                return List.of("login", "subscribe");
            }

            @Override
            public boolean subscribeAfterLogin() {
                return true;
            }

            @Override
            public boolean isLoggedIn(String text) {
                return "login-ok".equals(text);
            }

            @Override
            public boolean isReady(String text) {
                return "subscribe-ok".equals(text);
            }

            @Override
            public String pingFrame() {
                return "ping";
            }

            @Override
            public Duration pingInterval() {
                return Duration.ofSeconds(20);
            }

            @Override
            public void read(String text, PrivateStream.Listener listener) {
                if (text.startsWith("order:")) {
                    orders.add(text.substring("order:".length()));
                }
            }
        };
        PrivateStream.Listener listener = new PrivateStream.Listener() {
            @Override
            public void connected() {
                connected.incrementAndGet();
            }

            @Override
            public void disconnected(String reason) {
                disconnects.add(reason);
            }

            @Override
            public void order(ExchangeOrder order) {
            }

            @Override
            public void trade(ExchangeTrade trade) {
            }
        };
        return new PrivateStreamConnection(protocol, listener, "test", HttpClient.newHttpClient(), Duration.ofMillis(2)).start();
    }

    /** Acknowledges "login" with "login-ok" after 50 ms, and "subscribe" with "subscribe-ok". */
    private static final class Exchange extends WebSocketServer {
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<WebSocket> open = new CopyOnWriteArrayList<>();
        volatile boolean subscribedBeforeLoginAck;
        private final CountDownLatch started = new CountDownLatch(1);

        Exchange() {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            setReuseAddr(true);
        }

        void startAndWait() throws InterruptedException {
            start();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        }

        void pushToAll(String text) {
            open.forEach(c -> c.send(text));
        }

        void dropAll() {
            List<WebSocket> now = List.copyOf(open);
            open.clear();
            now.forEach(WebSocket::close);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            open.add(connection);
            connection.setAttachment(Boolean.FALSE);
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            if ("ping".equals(message)) {
                return;
            }
            received.add(message);
            if ("login".equals(message)) {
                Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                    connection.setAttachment(Boolean.TRUE);
                    connection.send("login-ok");
                });
            } else if ("subscribe".equals(message)) {
                if (!Boolean.TRUE.equals(connection.getAttachment())) {
                    subscribedBeforeLoginAck = true;
                }
                connection.send("subscribe-ok");
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

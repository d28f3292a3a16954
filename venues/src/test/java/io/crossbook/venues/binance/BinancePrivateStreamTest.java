package io.crossbook.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.common.HttpStandIn;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.ExchangeClock;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.PrivateStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link BinanceTrading#openPrivateStream} end to end through the shared connection: local stand-ins
 * for the spot WebSocket API (which checks the subscription's signature before it answers) and for
 * the USDⓈ-M private stream (reached by the listen key the REST stand-in hands out).
 */
class BinancePrivateStreamTest {
    private static final String KEY = "KEY-0123456789-abcdef";
    private static final String SECRET = "SECRET-0123456789-abcdef";
    private static final String LISTEN_KEY = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1";

    private HttpStandIn rest;
    private StreamStandIn spotApi;
    private StreamStandIn usdm;
    private PrivateStream stream;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws IOException, InterruptedException {
        rest = HttpStandIn.start();
        rest.answer("POST", "/fapi/v1/listenKey", BinanceDocExamples.FUTURES_LISTEN_KEY);
        spotApi = StreamStandIn.running((socket, text) -> {
            JsonNode request = JsonMapper.shared().readTree(text);
            JsonNode params = request.path("params");
            String payload = "apiKey=" + params.path("apiKey").asString() + "&recvWindow=" + params.path("recvWindow").asLong()
                    + "&timestamp=" + params.path("timestamp").asLong();
            boolean valid = "userDataStream.subscribe.signature".equals(request.path("method").asString())
                    && params.path("signature").asString().equals(HexFormat.of().formatHex(HmacSha256.sign(SECRET, payload)));
            socket.send(valid ? BinanceDocExamples.WS_API_SUBSCRIBED
                    : "{\"id\":\"crossbook-user-data\",\"status\":400,\"error\":{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}}");
            if (valid) {
                socket.send(BinanceDocExamples.EXECUTION_REPORT_NEW);
            }
        });
        usdm = StreamStandIn.running((socket, text) -> {
        });
        // Some time after the socket opens, as an order update would: a message that arrives before the
        // connection has taken the socket as open is read as its readiness and not handed over.
        usdm.onOpen = socket -> CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                .execute(() -> socket.send(BinanceDocExamples.ORDER_TRADE_UPDATE_EXPIRED_IN_MATCH));
        BinanceEndpoints endpoints = new BinanceEndpoints(rest.uri(), rest.uri(), spotApi.uri("/ws-api/v3"), usdm.uri("/private/ws"));
        BinanceTrading trading = new BinanceTrading(new SignedRestClient(HttpClient.newHttpClient()), endpoints,
                ApiCredentials.of(KEY, SECRET), new ExchangeClock(Clock.systemUTC()), Duration.ofSeconds(5),
                BinanceSpotPrivateProtocolTest.limiter(), BinanceSpotPrivateProtocolTest.limiter());
        stream = trading.openPrivateStream(listener);
    }

    @AfterEach
    void stop() throws InterruptedException {
        stream.close();
        spotApi.stop(1000);
        usdm.stop(1000);
        rest.close();
    }

    @Test
    void bothMarketsOrderUpdatesArriveOnceEachStreamIsSubscribed() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listener.received).hasSize(2));

        assertThat(listener.received).extracting(o -> ((ExchangeOrder) o).clientOrderId())
                .containsExactlyInAnyOrder("mUvoqJxFIILMdfAW5iGSOW", "TEST");
        assertThat(stream.isConnected()).isTrue();
        assertThat(listener.connected.get()).isEqualTo(2);
        assertThat(usdm.resources).containsExactly("/private/ws/" + LISTEN_KEY);
        assertThat(spotApi.resources).containsExactly("/ws-api/v3");
    }

    /** A WebSocket server on this machine that hands each text message it receives to {@code onMessage}. */
    private static final class StreamStandIn extends WebSocketServer {
        final List<String> resources = new CopyOnWriteArrayList<>();
        volatile Consumer<WebSocket> onOpen = socket -> {
        };
        private final BiConsumer<WebSocket, String> onMessage;
        private final CountDownLatch started = new CountDownLatch(1);

        private StreamStandIn(BiConsumer<WebSocket, String> onMessage) {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            this.onMessage = onMessage;
            setReuseAddr(true);
        }

        static StreamStandIn running(BiConsumer<WebSocket, String> onMessage) throws InterruptedException {
            StreamStandIn server = new StreamStandIn(onMessage);
            server.start();
            assertThat(server.started.await(5, TimeUnit.SECONDS)).as("WebSocket stand-in started").isTrue();
            return server;
        }

        URI uri(String path) {
            return URI.create("ws://127.0.0.1:" + getPort() + path);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            resources.add(handshake.getResourceDescriptor());
            onOpen.accept(socket);
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
            onMessage.accept(socket, message);
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket socket, Exception error) {
        }
    }
}

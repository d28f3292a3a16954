package io.crossbook.venues.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sending signed requests to a local server that answers as an exchange might. */
class SignedRestClientTest {
    private static final ApiCredentials KEYS = ApiCredentials.of("KEY-0123456789-ABCDEF", "SECRET-0123456789");

    private HttpServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<Map<String, String>> received = new AtomicReference<>();
    private final SignedRestClient client = new SignedRestClient(HttpClient.newHttpClient());

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.set(Map.of("method", exchange.getRequestMethod(), "uri", exchange.getRequestURI().toString(),
                    "key", String.valueOf(exchange.getRequestHeaders().getFirst("X-Test-Key")),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer a = answer.get();
            a.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsTheSignedRequestAndHandsBackAnyAnswerBelow500() {
        answer.set(new Answer(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}", Map.of()));

        RestResponse response = client.send(signer(), "POST", "/api/v3/order", "symbol=BTCUSDT", "{\"a\":1}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.endpoint()).isEqualTo("POST 127.0.0.1/api/v3/order");
        assertThat(response.body()).contains("-2015");
        assertThat(received.get()).containsEntry("method", "POST").containsEntry("uri", "/api/v3/order?symbol=BTCUSDT")
                .containsEntry("key", KEYS.apiKey()).containsEntry("body", "{\"a\":1}");
    }

    @Test
    void masksCredentialsTheExchangeEchoes() {
        answer.set(new Answer(200, "{\"retMsg\":\"error sign! origin_string[1" + KEYS.apiKey() + "5000]\"}", Map.of()));

        assertThat(client.send(signer(), "GET", "/v5/x", "", "").body())
                .doesNotContain(KEYS.apiKey()).contains(KEYS.maskedApiKey());
    }

    @Test
    void rateLimitingMeansUnavailableWithTheRetryAfter() {
        answer.set(new Answer(429, "{\"code\":-1003,\"msg\":\"Too many requests\"}", Map.of("Retry-After", "30")));

        assertThatThrownBy(() -> client.send(signer(), "GET", "/api/v3/account", "", ""))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(java.time.Duration.ofSeconds(30));
                    assertThat(e.banned()).isFalse();
                    assertThat(e.outcomeUnknown()).as("a 429 was not carried out").isFalse();
                })
                .hasMessage("GET 127.0.0.1/api/v3/account answered HTTP 429: rate limited, retry after 30 s:"
                        + " {\"code\":-1003,\"msg\":\"Too many requests\"}");
    }

    @Test
    void anExchangeFailureMeansUnavailable() {
        answer.set(new Answer(503, "Service Unavailable", Map.of()));

        assertThatThrownBy(() -> client.send(signer(), "GET", "/api/v3/account", "", ""))
                .isInstanceOfSatisfying(ExchangeUnavailableException.class,
                        e -> assertThat(e.outcomeUnknown()).as("a 5xx may have been carried out").isTrue())
                .hasMessage("GET 127.0.0.1/api/v3/account answered HTTP 503: Service Unavailable;"
                        + " whether the exchange carried it out is unknown");
    }

    @Test
    void noConnectionMeansUnavailableWithTheCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RequestSigner nowhere = new TestSigner(URI.create("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> client.send(nowhere, "GET", "/api/v3/account", "", ""))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageStartingWith("GET 127.0.0.1/api/v3/account failed: ConnectException")
                .hasCauseInstanceOf(java.net.ConnectException.class);
    }

    private RequestSigner signer() {
        return new TestSigner(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    /** Puts the key in a header, as every exchange does in one way or another. */
    private record TestSigner(URI base) implements RequestSigner {
        @Override
        public SignedRequest sign(String method, String path, String query, String body) {
            return new SignedRequest(method, base.resolve(query.isEmpty() ? path : path + "?" + query),
                    Map.of("X-Test-Key", KEYS.apiKey()), body);
        }

        @Override
        public String redact(String exchangeMessage) {
            return KEYS.redact(exchangeMessage);
        }
    }
}

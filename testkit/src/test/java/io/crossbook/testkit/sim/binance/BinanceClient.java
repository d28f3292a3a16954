package io.crossbook.testkit.sim.binance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare Binance REST client for the simulator's tests, signing with the JDK's HMAC as Binance
 * documents it (testkit cannot use venues' signer): {@code recvWindow} and {@code timestamp} appended
 * to the query, {@code signature} the hex HMAC-SHA256 of the query, sent last, the key in
 * {@code X-MBX-APIKEY}.
 */
final class BinanceClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final String apiKey;
    private final String secret;

    BinanceClient(URI base, String apiKey, String secret) {
        this.base = base;
        this.apiKey = apiKey;
        this.secret = secret;
    }

    static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    /** An unsigned GET of {@code pathAndQuery}. */
    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT).GET().build());
    }

    /** A request with the API key but no signature (listen keys). */
    HttpResponse<String> keyed(String method, String path, String params) {
        URI uri = base.resolve(path + (params.isEmpty() ? "" : "?" + params));
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("X-MBX-APIKEY", apiKey)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A signed request with the parameters in the query, stamped now. */
    HttpResponse<String> signed(String method, String path, String params) {
        try {
            return signed(method, path, params, TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signed request that gives up after {@code timeout} (an {@link java.net.http.HttpTimeoutException}). */
    HttpResponse<String> signed(String method, String path, String params, Duration timeout) throws IOException {
        String query = (params.isEmpty() ? "" : params + "&") + "recvWindow=5000&timestamp=" + System.currentTimeMillis();
        query += "&signature=" + hmac(secret, query);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path + "?" + query)).timeout(timeout).header("X-MBX-APIKEY", apiKey)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request built by the test as it is. */
    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}

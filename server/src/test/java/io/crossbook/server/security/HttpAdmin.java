package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin of a whole server listening on a port, over real HTTP: what the restart tests drive
 * their servers with, signed in once with the admin's password.
 */
public final class HttpAdmin {
    /** Reads numbers as exact decimals, as the API writes them. */
    public static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    /** Signs in as {@code admin} at {@code base} ({@code http://localhost:PORT}); the sign-in must succeed. */
    public HttpAdmin(String base, String password) {
        this.base = base;
        this.token = data(call(base, "POST", "/api/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}", null), "POST /api/auth/login")
                .get("accessToken").asString();
    }

    /** The {@code data} of a successful call as the admin. */
    public JsonNode send(String method, String path, String json) {
        return data(call(base, method, path, json, token), method + " " + path);
    }

    /** The response to a call, signed in when {@code bearer} is given; throws {@link UncheckedIOException} when nothing answers. */
    public static HttpResponse<String> call(String base, String method, String path, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode data(HttpResponse<String> response, String call) {
        assertThat(response.statusCode()).as("%s: %s", call, response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("data");
    }
}

package io.crossbook.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (the JDK's) that records every frame it receives, with its arrival time. */
public final class WsTestClient implements WebSocket.Listener, AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A frame as received: {@code event}, {@code data}, and {@code System.nanoTime()} on arrival. */
    public record Received(String event, JsonNode data, long nanos) {
    }

    private final BlockingQueue<Received> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static WsTestClient connect(int port, String query) throws Exception {
        WsTestClient client = new WsTestClient();
        client.socket = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws" + query), client)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    /** Signs in over REST and returns the access token. */
    static String signIn(int port, String username, String password) throws Exception {
        JsonNode body = postJson(port, "/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        return body.at("/data/accessToken").stringValue();
    }

    static void createUser(int port, String adminToken, String username, String password, String role) throws Exception {
        JsonNode body = postJson(port, "/api/auth/users", adminToken,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
        assertThat(body.get("success").booleanValue()).as("%s", body).isTrue();
    }

    private static JsonNode postJson(int port, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Connected and authenticated with {@code token} in the query. */
    public static WsTestClient authenticated(int port, String token) throws Exception {
        WsTestClient client = connect(port, "?token=" + token);
        client.expect("authenticated");
        return client;
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Subscribes and waits for the acknowledgement. */
    public void subscribe(String... channels) {
        send("{\"op\":\"subscribe\",\"channels\":" + JSON.writeValueAsString(channels) + "}");
        assertThat(expect("subscribed").get("channels").valueStream().map(JsonNode::stringValue)).containsExactly(channels);
    }

    /** The next frame, which must be {@code event}; its {@code data}. */
    public JsonNode expect(String event) {
        return next(event).data();
    }

    public Received next(String event) {
        Received r = poll(WAIT);
        assertThat(r).as("a '%s' frame within %s", event, WAIT).isNotNull();
        assertThat(r.event()).as("the next frame, %s", r.data()).isEqualTo(event);
        return r;
    }

    public Received poll(Duration wait) {
        try {
            return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The close code the server sent. */
    int awaitClose(Duration wait) throws Exception {
        return closeCode.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode frame = JSON.readTree(partial.toString());
            partial.setLength(0);
            frames.add(new Received(frame.get("event").stringValue(), frame.get("data"), System.nanoTime()));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }
}

package io.crossbook.venues.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test equipment: a loopback HTTP server that answers an exchange's REST paths with the answers a test
 * queued for them and remembers every request it got. Not an exchange simulator: it knows nothing of
 * orders, only what a test told it to say.
 *
 * <p>Answers queue per method and path (or per path for any method). Each is given once while a newer
 * one waits behind it; the newest keeps being given. So queuing two answers scripts two requests, and
 * queuing one after a request replaces the answer for the requests to come.
 */
public final class HttpStandIn implements AutoCloseable {
    private static final String ANY_METHOD = "*";

    /** One request as it arrived: the raw query ("" when none), header names in lower case, the body. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The query's parameters, in order, as sent (not decoded). */
        public Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            if (!query.isEmpty()) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    params.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return params;
        }

        /** The query's parameters, in order, percent-decoded. */
        public Map<String, String> decodedParams() {
            Map<String, String> decoded = new LinkedHashMap<>();
            params().forEach((name, value) -> decoded.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8)));
            return decoded;
        }

        public JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    public record Reply(int status, String body, Map<String, String> headers) {
    }

    private static final class Queued {
        final Reply reply;
        boolean given;

        Queued(Reply reply) {
            this.reply = reply;
        }
    }

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Queued>> replies = new ConcurrentHashMap<>();
    private final HttpServer server;

    private HttpStandIn(HttpServer server) {
        this.server = server;
    }

    public static HttpStandIn start() {
        try {
            HttpStandIn standIn = new HttpStandIn(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
            standIn.server.createContext("/", standIn::handle);
            standIn.server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public HttpStandIn answer(String method, String path, Reply reply) {
        replies.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(new Queued(reply));
        return this;
    }

    /** Answers {@code method path} with HTTP 200 and this body. */
    public HttpStandIn answer(String method, String path, String body) {
        return answer(method, path, 200, body);
    }

    public HttpStandIn answer(String method, String path, int status, String body) {
        return answer(method, path, new Reply(status, body, Map.of()));
    }

    /** Answers {@code path}, whatever the method, with HTTP 200 and this body. */
    public HttpStandIn answer(String path, String body) {
        return answer(path, 200, body);
    }

    public HttpStandIn answer(String path, int status, String body) {
        return answer(ANY_METHOD, path, status, body);
    }

    /** The requests made to that path, in order. */
    public List<Request> to(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public Request last() {
        return requests.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        requests.add(new Request(method, uri.getRawPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply = next(method, uri.getRawPath());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private synchronized Reply next(String method, String path) {
        Deque<Queued> queue = replies.get(method + " " + path);
        if (queue == null) {
            queue = replies.get(ANY_METHOD + " " + path);
        }
        if (queue == null) {
            return new Reply(404, "{\"code\":-1,\"msg\":\"no stand-in answer for " + method + " " + path + "\"}", Map.of());
        }
        while (queue.size() > 1 && queue.peek().given) {
            queue.poll();
        }
        Queued head = queue.size() > 1 ? queue.poll() : queue.peek();
        head.given = true;
        return head.reply;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

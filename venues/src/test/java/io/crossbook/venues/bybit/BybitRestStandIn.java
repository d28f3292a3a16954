package io.crossbook.venues.bybit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test equipment: a loopback HTTP server that answers Bybit's REST paths with scripted answers and
 * remembers every request it got. Answers queue per method and path; the last one keeps being given.
 * It checks nothing itself: the tests read {@link #received}.
 */
final class BybitRestStandIn implements AutoCloseable {
    /** One request as it arrived. */
    record Received(String method, String path, String query, Map<String, String> headers, String body) {
        /** The query's parameters, in order, as sent (not decoded). */
        Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            if (query != null && !query.isEmpty()) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    params.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return params;
        }

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    record Reply(int status, String body, Map<String, String> headers) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final HttpServer server;

    BybitRestStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    /** Answers {@code method path} with HTTP 200 and this body (after any answers queued before it). */
    BybitRestStandIn answer(String method, String path, String body) {
        return answer(method, path, new Reply(200, body, Map.of()));
    }

    BybitRestStandIn answer(String method, String path, Reply reply) {
        replies.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(reply);
        return this;
    }

    /** The requests made to that path, in order. */
    List<Received> to(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply = next(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private synchronized Reply next(String key) {
        Deque<Reply> queue = replies.get(key);
        if (queue == null) {
            return new Reply(404, "no stand-in answer for " + key, Map.of());
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

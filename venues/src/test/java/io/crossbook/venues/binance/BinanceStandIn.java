package io.crossbook.venues.binance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crossbook.venues.common.HmacSha256;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test equipment: a local HTTP server answering Binance's REST paths with canned answers, keeping
 * every request it was sent. Not an exchange simulator: it matches nothing and knows no state.
 */
final class BinanceStandIn implements AutoCloseable {

    /** A request as it arrived: its query parameters decoded, and the API key header (null when there was none). */
    record Request(String method, String path, String rawQuery, Map<String, String> params, String apiKey) {

        /** True when the query ends in the hex HMAC-SHA256, under {@code secret}, of everything before it. */
        boolean signedWith(String secret) {
            int at = rawQuery.lastIndexOf("&signature=");
            return at > 0 && rawQuery.substring(at + "&signature=".length())
                    .equals(HexFormat.of().formatHex(HmacSha256.sign(secret, rawQuery.substring(0, at))));
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final HttpServer server;

    private BinanceStandIn(HttpServer server) {
        this.server = server;
    }

    static BinanceStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        BinanceStandIn standIn = new BinanceStandIn(server);
        server.createContext("/", standIn::handle);
        server.start();
        return standIn;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void answer(String method, String path, String body) {
        answer(method, path, 200, body);
    }

    void answer(String method, String path, int status, String body) {
        answer(method, path, status, body, Map.of());
    }

    void answer(String method, String path, int status, String body, Map<String, String> headers) {
        answers.put(method + " " + path, new Answer(status, body, headers));
    }

    Request last() {
        return requests.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(method, path, rawQuery, decode(rawQuery), exchange.getRequestHeaders().getFirst("X-MBX-APIKEY")));
        Answer answer = answers.getOrDefault(method + " " + path, new Answer(404, "{\"code\":-1,\"msg\":\"no answer set\"}", Map.of()));
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.crossbook.venues.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.venues.common.MarketDataConnection;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.RawMessageSink;
import io.crossbook.venues.common.RestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live connection reads Bybit's whole linear instrument list when it comes in pages: a local
 * stand-in for {@code GET /v5/market/instruments-info} (test equipment) answers the docs' linear
 * example split into two pages joined by a {@code nextPageCursor}.
 */
class BybitInstrumentPagesTest {
    /** A cursor in the shape Bybit sends: percent-encoded, to be sent back as it is. */
    private static final String CURSOR = "first%3DBTCUSDT%26last%3DBTCUSDT";

    private final List<String> queries = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private HttpClient http;
    private MarketDataConnection connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void loadsEveryPageBeforeConnecting() throws IOException {
        ObjectNode docs = (ObjectNode) JsonMapper.shared().readTree(Fixtures.text("http_get_instruments_linear.json"));
        String first = page(docs, 0, CURSOR);
        String second = page(docs, 1, "");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v5/market/instruments-info", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            queries.add(query);
            respond(exchange, query.endsWith("&cursor=" + CURSOR) ? second : first);
        });
        server.start();
        URI rest = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        http = HttpClient.newHttpClient();
        // No stream stand-in: once the instruments are in, the WebSocket fails and the connection retries.
        connection = new MarketDataConnection(new BybitProtocol(Market.LINEAR, rest, URI.create("ws://127.0.0.1:1")),
                List.of("BTCUSDT", "ETHUSDT"), CleaningRules.DEFAULT, MarketDataListener.NONE, RawMessageSink.NONE,
                new RestClient(http), Duration.ofMinutes(1));

        connection.start();

        List<Instrument> loaded = await().atMost(Duration.ofSeconds(5)).until(() -> connection.read(
                h -> h == null ? null : Stream.of("BTCUSDT", "ETHUSDT").map(h::instrument).toList(), null).get(), l -> l != null);
        assertThat(loaded).extracting(Instrument::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(loaded.get(1).tickSize()).isEqualByComparingTo("0.05");
        assertThat(queries).containsExactly("category=linear&limit=1000", "category=linear&limit=1000&cursor=" + CURSOR);
    }

    /** The docs' response with only its {@code index}-th instrument and the given cursor. */
    private static String page(ObjectNode docs, int index, String cursor) {
        ObjectNode page = docs.deepCopy();
        ObjectNode result = (ObjectNode) page.get("result");
        ArrayNode list = result.putArray("list");
        list.add(docs.get("result").get("list").get(index));
        result.put("nextPageCursor", cursor);
        return JsonMapper.shared().writeValueAsString(page);
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

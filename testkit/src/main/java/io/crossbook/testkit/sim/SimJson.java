package io.crossbook.testkit.sim;

import io.crossbook.testkit.sim.MarketEvent.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON every simulated protocol writes and reads, and the recorded answers testkit ships on its class path. */
public final class SimJson {
    private static final JsonMapper JSON = JsonMapper.shared();

    private SimJson() {
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    public static String write(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    public static JsonNode read(String text) {
        return JSON.readTree(text);
    }

    /** Book levels written as {@code [["price","qty", ...], ...]}, as Binance, Bybit and OKX write them. */
    public static List<Level> levels(JsonNode array) {
        List<Level> levels = new ArrayList<>(array.size());
        for (JsonNode level : array) {
            levels.add(new Level(new BigDecimal(level.get(0).asString()), new BigDecimal(level.get(1).asString())));
        }
        return levels;
    }

    /** A text resource testkit ships, such as a recorded instruments answer. */
    public static String resource(String name) {
        try (InputStream in = SimJson.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("testkit's resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

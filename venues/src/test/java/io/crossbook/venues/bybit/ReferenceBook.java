package io.crossbook.venues.bybit;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An independent model of a Bybit order book, the way the docs describe it: BigDecimal levels in
 * sorted maps, a snapshot replaces everything, a zero quantity deletes a level. Fed the same JSON
 * as the handler, it says what the book must hold.
 */
final class ReferenceBook {
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

    void apply(String message) {
        JsonNode m = JsonMapper.shared().readTree(message);
        if (m.path("type").asString().equals("snapshot")) {
            bids.clear();
            asks.clear();
        }
        JsonNode data = m.path("data");
        apply(bids, data.path("b"));
        apply(asks, data.path("a"));
    }

    private static void apply(Map<BigDecimal, BigDecimal> side, JsonNode levels) {
        for (JsonNode level : levels) {
            BigDecimal price = new BigDecimal(level.get(0).asString());
            BigDecimal qty = new BigDecimal(level.get(1).asString());
            if (qty.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, qty);
            }
        }
    }

    BigDecimal bestPrice(Side side) {
        return (side == Side.BID ? bids : asks).firstKey();
    }

    /** Levels best first, as {@code "price x qty"} in plain, trailing-zero-free decimals. */
    List<String> levels(Side side) {
        List<String> out = new ArrayList<>();
        (side == Side.BID ? bids : asks).forEach((price, qty) -> out.add(level(price, qty)));
        return out;
    }

    /** The same rendering of a book under test, read through its fixed-point accessors. */
    static List<String> levels(OrderBook book, Side side) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < book.depth(side); i++) {
            out.add(level(FixedPoint.toBigDecimal(book.price(side, i), book.priceScale()),
                    FixedPoint.toBigDecimal(book.qty(side, i), book.qtyScale())));
        }
        return out;
    }

    private static String level(BigDecimal price, BigDecimal qty) {
        return price.stripTrailingZeros().toPlainString() + " x " + qty.stripTrailingZeros().toPlainString();
    }

    /**
     * This book's top {@code levelsPerSide} levels as a Bybit v5 order book message, the form in
     * which Bybit answers a re-subscription. Built from recorded data, not invented.
     */
    String message(String topic, String type, long u, long ts, int levelsPerSide) {
        ObjectNode m = JsonMapper.shared().createObjectNode();
        m.put("topic", topic);
        m.put("type", type);
        m.put("ts", ts);
        ObjectNode data = m.putObject("data");
        data.put("s", topic.substring(topic.lastIndexOf('.') + 1));
        write(data.putArray("b"), bids, levelsPerSide);
        write(data.putArray("a"), asks, levelsPerSide);
        data.put("u", u);
        m.put("cts", ts);
        return JsonMapper.shared().writeValueAsString(m);
    }

    private static void write(ArrayNode out, Map<BigDecimal, BigDecimal> side, int limit) {
        side.entrySet().stream().limit(limit).forEach(e ->
                out.addArray().add(e.getKey().toPlainString()).add(e.getValue().toPlainString()));
    }
}

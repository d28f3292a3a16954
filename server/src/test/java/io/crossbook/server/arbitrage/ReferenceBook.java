package io.crossbook.server.arbitrage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import tools.jackson.databind.JsonNode;

/**
 * A Binance depth book built apart from the code under test, for expectations: two
 * {@link TreeMap}s of {@link BigDecimal} kept by Binance's documented procedure. Diffs are buffered
 * until the REST snapshot; the snapshot replaces the book; buffered diffs it already contains are
 * dropped ({@code u < lastUpdateId} on futures, {@code u <= lastUpdateId} on spot); the first diff
 * applied must straddle {@code lastUpdateId}; then every diff must continue the last one
 * ({@code pu == previous u} on futures, {@code U == previous u + 1} on spot). The recordings the
 * tests use are expected to follow these rules: a diff that breaks them fails the test, since
 * what the engine then does (resync) is not what this reference models.
 */
final class ReferenceBook {
    /** One price level. */
    record Level(BigDecimal price, BigDecimal qty) {
    }

    /** The top levels of both sides, best first: what the engine copies from a book on each update. */
    record Top(List<Level> bids, List<Level> asks) {
        /**
         * What an order of {@code qty} takes, level by level from the best, never beyond
         * {@code limit} (null: no limit) and never more than a level shows: a buy takes the asks,
         * a sell the bids.
         */
        List<Level> walk(boolean buy, BigDecimal limit, BigDecimal qty) {
            List<Level> taken = new ArrayList<>();
            BigDecimal remaining = qty;
            for (Level level : buy ? asks : bids) {
                if (remaining.signum() == 0
                        || limit != null && (buy ? level.price().compareTo(limit) > 0 : level.price().compareTo(limit) < 0)) {
                    break;
                }
                BigDecimal take = remaining.min(level.qty());
                taken.add(new Level(level.price(), take));
                remaining = remaining.subtract(take);
            }
            return taken;
        }

        /** The average price of taking {@code qty} through the side a buy or sell takes; null when it is too thin. */
        BigDecimal vwap(boolean buy, BigDecimal qty) {
            BigDecimal filled = BigDecimal.ZERO;
            BigDecimal notional = BigDecimal.ZERO;
            for (Level piece : walk(buy, null, qty)) {
                filled = filled.add(piece.qty());
                notional = notional.add(piece.price().multiply(piece.qty()));
            }
            return filled.compareTo(qty) < 0 ? null : notional.divide(qty, MathContext.DECIMAL128);
        }
    }

    private record Buffered(long receiveNanos, JsonNode diff) {
    }

    private final String name;
    private final boolean futures;
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final ArrayDeque<Buffered> buffered = new ArrayDeque<>();
    private boolean synced;
    private boolean bridged;
    private long lastId;

    ReferenceBook(String name, boolean futures) {
        this.name = name;
        this.futures = futures;
    }

    /** True once the snapshot has been applied. */
    boolean synced() {
        return synced;
    }

    /**
     * Handles one recorded message (the JSON after the receive time) and calls {@code applied}
     * with the receive time of every update it applied to the book, in order: nothing for trades,
     * tickers and buffered diffs; the snapshot then each buffered diff it bridges to; or one diff.
     */
    void onMessage(long receiveNanos, JsonNode message, LongConsumer applied) {
        if (message.has("lastUpdateId")) {
            snapshot(message);
            applied.accept(receiveNanos);
            for (Buffered b : buffered) {
                if (diff(b.diff())) {
                    applied.accept(b.receiveNanos());
                }
            }
            buffered.clear();
            return;
        }
        JsonNode data = message.path("data");
        if (!"depthUpdate".equals(data.path("e").asString(""))) {
            return;
        }
        if (!synced) {
            buffered.add(new Buffered(receiveNanos, data));
        } else if (diff(data)) {
            applied.accept(receiveNanos);
        }
    }

    /** The best {@code depth} levels of each side. */
    Top top(int depth) {
        return new Top(levels(bids, depth), levels(asks, depth));
    }

    private void snapshot(JsonNode snapshot) {
        bids.clear();
        asks.clear();
        put(bids, snapshot.path("bids"));
        put(asks, snapshot.path("asks"));
        lastId = snapshot.path("lastUpdateId").asLong();
        synced = true;
        bridged = false;
        assertNotCrossed();
    }

    /** Applies a diff unless the snapshot already holds it; true when applied. */
    private boolean diff(JsonNode d) {
        long first = d.path("U").asLong();
        long last = d.path("u").asLong();
        if (!bridged) {
            if (futures ? last < lastId : last <= lastId) {
                return false;
            }
            if (first > (futures ? lastId : lastId + 1)) {
                throw new AssertionError(name + ": the first diff after the snapshot (U " + first
                        + ") does not straddle its lastUpdateId " + lastId);
            }
            bridged = true;
        } else {
            long continues = futures ? d.path("pu").asLong() : first - 1;
            if (continues != lastId) {
                throw new AssertionError(name + ": sequence gap: U " + first + " u " + last + " after u " + lastId);
            }
        }
        put(bids, d.path("b"));
        put(asks, d.path("a"));
        lastId = last;
        assertNotCrossed();
        return true;
    }

    private static void put(TreeMap<BigDecimal, BigDecimal> side, JsonNode levels) {
        for (JsonNode level : levels) {
            BigDecimal price = new BigDecimal(level.path(0).asString());
            BigDecimal qty = new BigDecimal(level.path(1).asString());
            if (qty.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, qty);
            }
        }
    }

    private void assertNotCrossed() {
        if (!bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0) {
            throw new AssertionError(name + ": crossed book at u " + lastId);
        }
    }

    private static List<Level> levels(TreeMap<BigDecimal, BigDecimal> side, int depth) {
        List<Level> out = new ArrayList<>(Math.min(depth, side.size()));
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            if (out.size() == depth) {
                break;
            }
            out.add(new Level(e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }
}

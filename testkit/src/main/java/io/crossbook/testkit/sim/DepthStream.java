package io.crossbook.testkit.sim;

import io.crossbook.testkit.sim.MarketEvent.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One public book stream of the best {@code depth} levels a side, as exchanges that publish such a
 * stream derive it from their book (Bybit's {@code orderbook.N}, OKX's {@code books}): it remembers
 * the levels it last published and, given the book as it now stands, says which levels changed (a
 * level that left the top {@code depth} as quantity zero) under the next sequence number. A protocol
 * owns one per stream, under the simulator's lock; every subscriber hears the same sequence.
 */
public final class DepthStream {
    /** What changed since the last publication; {@code first} when it is the stream's first (a snapshot). */
    public record Change(long sequence, long previousSequence, boolean first, List<Level> bids, List<Level> asks) {
        public Change {
            bids = List.copyOf(bids);
            asks = List.copyOf(asks);
        }
    }

    private final int depth;
    private List<Level> bids = List.of();
    private List<Level> asks = List.of();
    private long sequence;
    private boolean started;

    /** {@code lastSequence}: the sequence number before the stream's first message. */
    public DepthStream(int depth, long lastSequence) {
        if (depth < 1) {
            throw new IllegalArgumentException("a depth stream has at least one level a side, was " + depth);
        }
        this.depth = depth;
        this.sequence = lastSequence;
    }

    public int depth() {
        return depth;
    }

    /** True once the stream has published its first snapshot. */
    public boolean started() {
        return started;
    }

    /** The sequence number of the last message published. */
    public long sequence() {
        return sequence;
    }

    /** The bids as last published, best first. */
    public List<Level> bids() {
        return bids;
    }

    /** The asks as last published, best first. */
    public List<Level> asks() {
        return asks;
    }

    /**
     * Takes the book as it now stands (a not-ready book publishes nothing): the change to publish, or
     * null when the best {@code depth} levels are as last published.
     */
    public Change advance(BookView book) {
        if (!book.ready()) {
            return null;
        }
        List<Level> newBids = book.bids().subList(0, Math.min(depth, book.bids().size()));
        List<Level> newAsks = book.asks().subList(0, Math.min(depth, book.asks().size()));
        List<Level> bidChanges = changes(bids, newBids);
        List<Level> askChanges = changes(asks, newAsks);
        if (started && bidChanges.isEmpty() && askChanges.isEmpty()) {
            return null;
        }
        boolean first = !started;
        long previous = sequence;
        sequence++;
        started = true;
        bids = List.copyOf(newBids);
        asks = List.copyOf(newAsks);
        return first ? new Change(sequence, previous, true, bids, asks) : new Change(sequence, previous, false, bidChanges, askChanges);
    }

    /** The levels set or changed in {@code now}, then those gone from it with quantity zero. */
    private static List<Level> changes(List<Level> before, List<Level> now) {
        Map<BigDecimal, BigDecimal> old = new LinkedHashMap<>();
        before.forEach(l -> old.put(l.price().stripTrailingZeros(), l.qty()));
        List<Level> out = new ArrayList<>();
        for (Level level : now) {
            BigDecimal was = old.remove(level.price().stripTrailingZeros());
            if (was == null || was.compareTo(level.qty()) != 0) {
                out.add(level);
            }
        }
        for (Level gone : before) {
            if (old.containsKey(gone.price().stripTrailingZeros())) {
                out.add(new Level(gone.price(), BigDecimal.ZERO));
            }
        }
        return out;
    }
}

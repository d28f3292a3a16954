package io.crossbook.testkit.sim;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one recorded message means to the simulator, as the exchange's protocol reads it: a book
 * snapshot, a book diff, or anything else (trades, tickers) that is only passed on. {@code stream}
 * names the public stream the message is sent on, in the exchange's own spelling; it is null for a
 * REST snapshot, which is served on request and never streamed.
 */
public sealed interface MarketEvent {

    String stream();

    /** One price level; a zero quantity removes the level. */
    record Level(BigDecimal price, BigDecimal qty) {
    }

    /** The whole book (as deep as the exchange gave it) as of update id {@code lastUpdateId}. */
    record Snapshot(String stream, long lastUpdateId, List<Level> bids, List<Level> asks) implements MarketEvent {
        public Snapshot {
            bids = List.copyOf(bids);
            asks = List.copyOf(asks);
        }
    }

    /**
     * Changes to the levels listed, covering update ids {@code firstId} to {@code lastId}. A diff
     * whose {@code lastId} is not above the book's update id is already in the book and is skipped.
     */
    record Diff(String stream, long firstId, long lastId, List<Level> bids, List<Level> asks) implements MarketEvent {
        public Diff {
            bids = List.copyOf(bids);
            asks = List.copyOf(asks);
        }
    }

    /** A message that does not change the book, passed on as it is. */
    record Other(String stream) implements MarketEvent {
    }
}

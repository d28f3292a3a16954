package io.crossbook.testkit.sim;

import io.crossbook.core.model.Market;
import io.crossbook.testkit.sim.MarketEvent.Level;
import java.math.BigDecimal;
import java.util.List;

/**
 * A copy of one simulated book: bids best (highest) first, asks best (lowest) first. A book is not
 * {@code ready} until the recording's snapshot has been replayed; until then it is empty.
 */
public record BookView(Market market, String symbol, boolean ready, long lastUpdateId, List<Level> bids, List<Level> asks) {

    public BookView {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** The best bid price, or null when there is none. */
    public BigDecimal bestBid() {
        return bids.isEmpty() ? null : bids.getFirst().price();
    }

    /** The best ask price, or null when there is none. */
    public BigDecimal bestAsk() {
        return asks.isEmpty() ? null : asks.getFirst().price();
    }
}

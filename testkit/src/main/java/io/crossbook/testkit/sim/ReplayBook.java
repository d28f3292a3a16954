package io.crossbook.testkit.sim;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.OrderSide;
import io.crossbook.testkit.sim.MarketEvent.Diff;
import io.crossbook.testkit.sim.MarketEvent.Level;
import io.crossbook.testkit.sim.MarketEvent.Snapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The exchange's book of one instrument as the replay has built it, synchronised the way Binance
 * tells clients to: diffs that arrive before the first snapshot wait, and once it is in, those it
 * does not already cover are applied. A REST snapshot recorded later is a client's fetch, not news
 * to the exchange, and is ignored; a streamed snapshot (Bybit, OKX) replaces the book.
 *
 * <p>Liquidity the simulated orders take is removed from the levels and stays removed until the
 * exchange's next diff sets that level again. The simulated orders themselves never appear in it.
 * Owned by the simulator's lock; {@code BigDecimal} and {@code TreeMap} are fine in test equipment.
 */
final class ReplayBook {
    private final Instrument instrument;
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final List<Diff> early = new ArrayList<>();
    private long lastUpdateId;
    private boolean ready;

    ReplayBook(Instrument instrument) {
        this.instrument = instrument;
    }

    Instrument instrument() {
        return instrument;
    }

    boolean ready() {
        return ready;
    }

    void apply(MarketEvent event) {
        switch (event) {
            case Snapshot snapshot -> applySnapshot(snapshot);
            case Diff diff -> {
                if (ready) {
                    applyDiff(diff);
                } else {
                    early.add(diff);
                }
            }
            case MarketEvent.Other ignored -> {
            }
        }
    }

    private void applySnapshot(Snapshot snapshot) {
        if (ready && snapshot.stream() == null) {
            return;
        }
        bids.clear();
        asks.clear();
        set(bids, snapshot.bids());
        set(asks, snapshot.asks());
        lastUpdateId = snapshot.lastUpdateId();
        ready = true;
        List<Diff> waiting = List.copyOf(early);
        early.clear();
        waiting.forEach(this::applyDiff);
    }

    private void applyDiff(Diff diff) {
        if (diff.lastId() <= lastUpdateId) {
            return;
        }
        set(bids, diff.bids());
        set(asks, diff.asks());
        lastUpdateId = diff.lastId();
    }

    private static void set(Map<BigDecimal, BigDecimal> side, List<Level> levels) {
        for (Level level : levels) {
            if (level.qty().signum() == 0) {
                side.remove(level.price());
            } else {
                side.put(level.price(), level.qty());
            }
        }
    }

    /** The levels an order of {@code side} takes from, best first. */
    NavigableMap<BigDecimal, BigDecimal> opposite(OrderSide side) {
        return side == OrderSide.BUY ? asks : bids;
    }

    /** Removes {@code qty} taken at {@code price} from the levels an order of {@code side} takes from. */
    void take(OrderSide side, BigDecimal price, BigDecimal qty) {
        NavigableMap<BigDecimal, BigDecimal> levels = opposite(side);
        BigDecimal left = levels.get(price).subtract(qty);
        if (left.signum() <= 0) {
            levels.remove(price);
        } else {
            levels.put(price, left);
        }
    }

    BookView view(int depth) {
        return new BookView(instrument.market(), instrument.symbol(), ready, lastUpdateId, levels(bids, depth), levels(asks, depth));
    }

    private static List<Level> levels(NavigableMap<BigDecimal, BigDecimal> side, int depth) {
        return side.entrySet().stream().limit(depth).map(e -> new Level(e.getKey(), e.getValue())).toList();
    }
}

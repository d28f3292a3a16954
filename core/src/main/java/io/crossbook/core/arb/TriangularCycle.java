package io.crossbook.core.arb;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Three spot trades on one venue that turn the start asset back into itself, e.g. USDT→BTC (buy
 * BTCUSDT), BTC→ETH (buy ETHBTC), ETH→USDT (sell ETHUSDT).
 */
public record TriangularCycle(Venue venue, String startAsset, List<Hop> hops) {

    /** One trade: buying {@code instrument} turns its quote asset into its base, selling the reverse. */
    public record Hop(Instrument instrument, OrderSide side) {
        public Hop {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
        }

        public String spends() {
            return side == OrderSide.BUY ? instrument.quote() : instrument.base();
        }

        public String receives() {
            return side == OrderSide.BUY ? instrument.base() : instrument.quote();
        }
    }

    public TriangularCycle {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(startAsset, "startAsset");
        hops = List.copyOf(hops);
        if (hops.size() != 3) {
            throw new IllegalArgumentException("hops: a triangular cycle has 3, not " + hops.size());
        }
        String held = startAsset;
        for (Hop hop : hops) {
            Instrument instrument = hop.instrument();
            if (instrument.venue() != venue || instrument.market() != Market.SPOT) {
                throw new IllegalArgumentException("hops: " + instrument.id() + " is not a " + venue.id() + " spot instrument");
            }
            if (!held.equals(hop.spends())) {
                throw new IllegalArgumentException("hops: " + hop.side().id() + " " + instrument.symbol()
                        + " spends " + hop.spends() + ", but the cycle holds " + held);
            }
            held = hop.receives();
        }
        if (!held.equals(startAsset)) {
            throw new IllegalArgumentException("hops: the cycle ends in " + held + ", not " + startAsset);
        }
    }

    /** Stable and readable: {@code binance:USDT>BTC>ETH>USDT}. */
    public String id() {
        StringBuilder id = new StringBuilder(venue.id()).append(':').append(startAsset);
        for (Hop hop : hops) {
            id.append('>').append(hop.receives());
        }
        return id.toString();
    }

    /**
     * Every cycle of three spot trades from {@code startAsset} back to it, on each venue separately;
     * a triangle appears once per orientation (USDT>BTC>ETH>USDT and USDT>ETH>BTC>USDT are both
     * found). Instruments that are not spot are ignored. Sorted by {@link #id()}.
     */
    public static List<TriangularCycle> discover(Collection<Instrument> spotInstruments, String startAsset) {
        Objects.requireNonNull(startAsset, "startAsset");
        Map<Venue, Map<String, List<Hop>>> hopsByVenueAndAsset = new TreeMap<>();
        spotInstruments.stream()
                .filter(i -> i.market() == Market.SPOT && i.base() != null && i.quote() != null)
                .sorted(Comparator.comparing(Instrument::symbol))
                .forEach(i -> {
                    Map<String, List<Hop>> bySpent = hopsByVenueAndAsset.computeIfAbsent(i.venue(), v -> new TreeMap<>());
                    bySpent.computeIfAbsent(i.quote(), a -> new ArrayList<>()).add(new Hop(i, OrderSide.BUY));
                    bySpent.computeIfAbsent(i.base(), a -> new ArrayList<>()).add(new Hop(i, OrderSide.SELL));
                });
        List<TriangularCycle> cycles = new ArrayList<>();
        hopsByVenueAndAsset.forEach((venue, bySpent) -> {
            for (Hop first : bySpent.getOrDefault(startAsset, List.of())) {
                String a = first.receives();
                for (Hop second : bySpent.getOrDefault(a, List.of())) {
                    String b = second.receives();
                    if (b.equals(startAsset) || b.equals(a)) {
                        continue;
                    }
                    for (Hop third : bySpent.getOrDefault(b, List.of())) {
                        if (third.receives().equals(startAsset)) {
                            cycles.add(new TriangularCycle(venue, startAsset, List.of(first, second, third)));
                        }
                    }
                }
            }
        });
        cycles.sort(Comparator.comparing(TriangularCycle::id));
        return List.copyOf(cycles);
    }
}

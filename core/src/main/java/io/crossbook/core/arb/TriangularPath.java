package io.crossbook.core.arb;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A triangular cycle priced through its books for {@code startQty} of the start asset at
 * {@code ts} (epoch milliseconds). {@code symbols} and {@code sides} ({@code "buy"}/{@code "sell"})
 * are the three trades in order; {@code endQty} is what comes back after depth and taker fees, and
 * {@code netEdgePercent} is {@code (endQty / startQty - 1) * 100}. Both are null when a hop's book
 * is missing or too thin for the amount.
 */
public record TriangularPath(String id, String venue, String startAsset, List<String> symbols, List<String> sides,
                             BigDecimal startQty, Double netEdgePercent, Double endQty, long ts) {
    public TriangularPath {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startQty, "startQty");
        symbols = List.copyOf(symbols);
        sides = List.copyOf(sides);
    }
}

package io.crossbook.store.trading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One opportunity as seen on a pair at {@code ts} (epoch milliseconds): the spread and the VWAP
 * leg prices for {@code qty} in the given direction. The figures are for display and history, so
 * they are doubles; they must be finite (SQLite would store NaN as NULL). The id is the caller's.
 */
public record StoredOpportunity(String id, String pairId, String direction, double spread, double spreadPercent,
                                double netSpreadPercent, double leg1Price, double leg2Price, BigDecimal qty,
                                long ts) {

    public StoredOpportunity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(qty, "qty");
        Columns.requireFinite(spread, "spread");
        Columns.requireFinite(spreadPercent, "spreadPercent");
        Columns.requireFinite(netSpreadPercent, "netSpreadPercent");
        Columns.requireFinite(leg1Price, "leg1Price");
        Columns.requireFinite(leg2Price, "leg2Price");
    }
}

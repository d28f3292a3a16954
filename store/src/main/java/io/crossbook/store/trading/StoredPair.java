package io.crossbook.store.trading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A monitored pair as stored: each leg's exchange, symbol and instrument type, the net-spread
 * threshold in percent, the quantity per trade, the total notional cap, the direction and whether
 * it is enabled. Timestamps are epoch milliseconds; the server maps the strings to its domain.
 */
public record StoredPair(String id, String leg1Exchange, String leg1Symbol, String leg1Type, String leg2Exchange,
                         String leg2Symbol, String leg2Type, BigDecimal threshold, BigDecimal qty,
                         BigDecimal totalAmount, String direction, boolean enabled, long createdAt, long updatedAt) {

    public StoredPair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leg1Exchange, "leg1Exchange");
        Objects.requireNonNull(leg1Symbol, "leg1Symbol");
        Objects.requireNonNull(leg1Type, "leg1Type");
        Objects.requireNonNull(leg2Exchange, "leg2Exchange");
        Objects.requireNonNull(leg2Symbol, "leg2Symbol");
        Objects.requireNonNull(leg2Type, "leg2Type");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(totalAmount, "totalAmount");
        Objects.requireNonNull(direction, "direction");
    }
}

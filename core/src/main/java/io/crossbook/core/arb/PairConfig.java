package io.crossbook.core.arb;

import io.crossbook.core.model.Instrument;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A monitored pair with its two instruments resolved. {@code qty} is in the base currency (BTC for
 * BTCUSDT) and is what each leg trades; {@code threshold} is the net spread, in percent of the mid
 * price, at which the pair trades; {@code totalAmount} caps the quote-currency notional that
 * automatic execution may trade on this pair in all.
 */
public record PairConfig(String id, Instrument leg1, Instrument leg2, BigDecimal threshold, BigDecimal qty,
                         BigDecimal totalAmount, Direction direction, boolean enabled) {
    public PairConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leg1, "leg1");
        Objects.requireNonNull(leg2, "leg2");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(totalAmount, "totalAmount");
        Objects.requireNonNull(direction, "direction");
    }
}

package io.crossbook.venues.trading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An open perpetual position: {@code qty} in order units, positive long and negative short (one-way
 * mode), at {@code entryPrice}.
 */
public record ExchangePosition(String symbol, BigDecimal qty, BigDecimal entryPrice) {
    public ExchangePosition {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(qty, "qty");
    }
}

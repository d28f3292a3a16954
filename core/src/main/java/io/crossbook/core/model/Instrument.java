package io.crossbook.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tradable instrument as the exchange defines it. Sizes are the exchange's own units: base
 * currency for spot and linear contracts where the exchange quotes them so, contracts otherwise;
 * {@code contractSize} says how much of the underlying one contract is (1 for spot).
 * Metadata is read once from the exchange's REST API, so {@link BigDecimal} is fine here; the hot
 * path uses the fixed-point {@link #priceScale()} and {@link #qtyScale()} derived from it.
 */
public record Instrument(
        Venue venue,
        Market market,
        String symbol,
        String base,
        String quote,
        BigDecimal tickSize,
        BigDecimal lotSize,
        BigDecimal minQty,
        BigDecimal minNotional,
        BigDecimal contractSize) {

    public Instrument {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        requirePositive(tickSize, "tickSize");
        requirePositive(lotSize, "lotSize");
        requirePositive(contractSize, "contractSize");
        Objects.requireNonNull(minQty, "minQty");
        Objects.requireNonNull(minNotional, "minNotional");
    }

    public InstrumentId id() {
        return new InstrumentId(venue, market, symbol);
    }

    /** Decimal places needed to represent every valid price exactly. */
    public int priceScale() {
        return Math.max(0, tickSize.stripTrailingZeros().scale());
    }

    /** Decimal places needed to represent every valid quantity exactly. */
    public int qtyScale() {
        return Math.max(0, lotSize.stripTrailingZeros().scale());
    }

    private static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
        }
    }
}

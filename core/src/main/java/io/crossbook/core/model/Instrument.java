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

    /**
     * A quantity in the base currency expressed in this instrument's order units: contracts where
     * one contract is {@code contractSize} of the base, the base itself for spot. Exact; throws
     * {@link ArithmeticException} when the base quantity is not a whole number of units, and
     * {@link UnsupportedOperationException} for inverse contracts, whose size is quoted in the
     * quote currency and so depends on the price.
     */
    public BigDecimal toOrderQty(BigDecimal baseQty) {
        if (market == Market.INVERSE) {
            throw new UnsupportedOperationException(id() + ": inverse contracts are sized in the quote currency");
        }
        return contractSize.compareTo(BigDecimal.ONE) == 0 ? baseQty
                : baseQty.divide(contractSize).stripTrailingZeros();
    }

    /** The base-currency quantity of {@code orderQty} order units (the inverse of {@link #toOrderQty}). */
    public BigDecimal toBaseQty(BigDecimal orderQty) {
        if (market == Market.INVERSE) {
            throw new UnsupportedOperationException(id() + ": inverse contracts are sized in the quote currency");
        }
        return orderQty.multiply(contractSize).stripTrailingZeros();
    }

    /** True when {@code orderQty} is a positive whole number of lots. */
    public boolean isWholeLots(BigDecimal orderQty) {
        return orderQty.signum() > 0 && orderQty.remainder(lotSize).signum() == 0;
    }

    private static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
        }
    }
}

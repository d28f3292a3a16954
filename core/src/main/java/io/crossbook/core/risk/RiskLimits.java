package io.crossbook.core.risk;

import java.math.BigDecimal;

/**
 * The limits every order and execution is checked against, and the bounds of the circuit
 * breakers. Money is in USD: stablecoins (see {@link RiskEngine#USD_ASSETS}) count one to one, and
 * an instrument quoted in anything else cannot be valued, so it is refused. Percentages are percent
 * (0.5 is half a percent); durations are milliseconds.
 *
 * @param maxSlippagePercent         how much worse than the expected price (top of book when there is none)
 *                                   the book's VWAP for the order's quantity may be
 * @param maxOrderNotional           largest notional of one order
 * @param maxPositionPerAsset        largest exposure to one asset across all venues (holdings plus perpetual positions)
 * @param maxPositionPerVenue        largest exposure to one asset on one venue
 * @param maxDailyLoss               realised loss of the UTC day past which orders that add exposure are refused
 * @param maxOpenOrders              orders open at once across all venues
 * @param minBookLiquidity           notional the book must hold on the side an order takes (its copied depth)
 * @param minSpreadPercent           lowest net spread a manual pair execution may start at (automatic ones need the pair's threshold)
 * @param maxVenueDeviationPercent   largest gap between the mids of a pair's two legs before the pair is paused as an anomaly
 * @param pairMaxConsecutiveFailures failed executions in a row that pause a pair
 * @param pairMaxErrorRate           share of failed executions within {@code pairErrorWindowMs} that pauses a pair, in (0, 1]
 * @param pairErrorRateMinSamples    executions within the window before the error rate counts
 * @param pairErrorWindowMs          the window of the error rate
 * @param pairPauseMs                how long a tripped pair stays paused; 0: until resumed by hand
 * @param venueMaxErrors             venue errors (exchange errors, disconnects) within {@code venueErrorWindowMs} that
 *                                   pause trading on the venue; a rate limit (429/418) pauses it at once
 * @param venueErrorWindowMs         the window of the venue errors
 * @param venuePauseMs               the first pause of a venue; each further trip doubles it
 * @param venueMaxPauseMs            the longest pause; a venue whose last pause ended this long ago starts over
 * @param anomalyResumeAfterMs       healthy time after a market anomaly before its pairs resume; 0: until resumed by hand
 */
public record RiskLimits(BigDecimal maxSlippagePercent, BigDecimal maxOrderNotional, BigDecimal maxPositionPerAsset,
                         BigDecimal maxPositionPerVenue, BigDecimal maxDailyLoss, int maxOpenOrders,
                         BigDecimal minBookLiquidity, BigDecimal minSpreadPercent, BigDecimal maxVenueDeviationPercent,
                         int pairMaxConsecutiveFailures, BigDecimal pairMaxErrorRate, int pairErrorRateMinSamples,
                         long pairErrorWindowMs, long pairPauseMs, int venueMaxErrors, long venueErrorWindowMs,
                         long venuePauseMs, long venueMaxPauseMs, long anomalyResumeAfterMs) {

    public static final RiskLimits DEFAULTS = new RiskLimits(new BigDecimal("0.5"), new BigDecimal("10000"),
            new BigDecimal("50000"), new BigDecimal("25000"), new BigDecimal("500"), 50, new BigDecimal("10000"),
            new BigDecimal("-0.5"), new BigDecimal("1"), 3, new BigDecimal("0.5"), 5, 900_000, 600_000, 5, 60_000,
            30_000, 600_000, 60_000);

    public RiskLimits {
        nonNegative(maxSlippagePercent, "maxSlippagePercent");
        positive(maxOrderNotional, "maxOrderNotional");
        positive(maxPositionPerAsset, "maxPositionPerAsset");
        positive(maxPositionPerVenue, "maxPositionPerVenue");
        nonNegative(maxDailyLoss, "maxDailyLoss");
        atLeastOne(maxOpenOrders, "maxOpenOrders");
        nonNegative(minBookLiquidity, "minBookLiquidity");
        if (minSpreadPercent == null) {
            throw new IllegalArgumentException("minSpreadPercent is required");
        }
        positive(maxVenueDeviationPercent, "maxVenueDeviationPercent");
        atLeastOne(pairMaxConsecutiveFailures, "pairMaxConsecutiveFailures");
        positive(pairMaxErrorRate, "pairMaxErrorRate");
        if (pairMaxErrorRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("pairMaxErrorRate must be at most 1, was " + pairMaxErrorRate.toPlainString());
        }
        atLeastOne(pairErrorRateMinSamples, "pairErrorRateMinSamples");
        atLeastOne(pairErrorWindowMs, "pairErrorWindowMs");
        atLeastZero(pairPauseMs, "pairPauseMs");
        atLeastOne(venueMaxErrors, "venueMaxErrors");
        atLeastOne(venueErrorWindowMs, "venueErrorWindowMs");
        atLeastOne(venuePauseMs, "venuePauseMs");
        if (venueMaxPauseMs < venuePauseMs) {
            throw new IllegalArgumentException("venueMaxPauseMs must be at least venuePauseMs (" + venuePauseMs
                    + "), was " + venueMaxPauseMs);
        }
        atLeastZero(anomalyResumeAfterMs, "anomalyResumeAfterMs");
    }

    private static void positive(BigDecimal value, String name) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + plain(value));
        }
    }

    private static void nonNegative(BigDecimal value, String name) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException(name + " must be zero or positive, was " + plain(value));
        }
    }

    private static void atLeastOne(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static void atLeastZero(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be zero or positive, was " + value);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "missing" : value.toPlainString();
    }
}

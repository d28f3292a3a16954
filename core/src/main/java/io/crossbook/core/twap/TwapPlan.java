package io.crossbook.core.twap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a plan trades, as it was created; it never changes. {@code totalQty} and {@code sliceQty}
 * are in the base currency (both legs trade the same quantity). A slice of {@code sliceQty}, or of
 * what remains when that is less, is due every {@code intervalMs}. A two-legged plan buys on one
 * leg and sells on the other, and may bound the spread it pays between them:
 * {@code maxAdverseSpreadPercent} (null for none) is the most the buy may cost above the sale, net of
 * taker fees, as a percent of their mid.
 */
public record TwapPlan(String id, String name, BigDecimal totalQty, BigDecimal sliceQty, long intervalMs,
                       List<TwapLeg> legs, BigDecimal maxAdverseSpreadPercent) {
    /** Short enough that a slice's client order ids ({@code <id>s<n>a1}) fit every venue's limit. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,16}");

    public TwapPlan {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plan id must be 1 to 16 letters, digits or '_', was '" + id + "'");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(totalQty, "totalQty");
        Objects.requireNonNull(sliceQty, "sliceQty");
        if (sliceQty.signum() <= 0 || sliceQty.compareTo(totalQty) > 0) {
            throw new IllegalArgumentException("sliceQty must be positive and at most totalQty");
        }
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("intervalMs must be positive, was " + intervalMs);
        }
        legs = List.copyOf(legs);
        if (legs.isEmpty() || legs.size() > 2) {
            throw new IllegalArgumentException("a plan has one or two legs, not " + legs.size());
        }
        if (legs.size() == 2 && legs.get(0).side() == legs.get(1).side()) {
            throw new IllegalArgumentException("the legs of a two-legged plan buy on one and sell on the other");
        }
        if (maxAdverseSpreadPercent != null && legs.size() != 2) {
            throw new IllegalArgumentException("maxAdverseSpreadPercent applies to two-legged plans only");
        }
    }

    /**
     * The slices a plan of {@code totalQty} in slices of {@code sliceQty} takes at this rate: those
     * done, the one in flight (its quantity {@code inFlightQty}, zero for none), and enough slices
     * for what neither covers, so a slice that fills short adds one at the end.
     */
    public static int slicesTotal(BigDecimal totalQty, BigDecimal sliceQty, int slicesDone, BigDecimal executed,
                                  BigDecimal inFlightQty) {
        BigDecimal uncovered = totalQty.subtract(executed).subtract(inFlightQty).max(BigDecimal.ZERO);
        return slicesDone + (inFlightQty.signum() > 0 ? 1 : 0)
                + uncovered.divide(sliceQty, 0, RoundingMode.CEILING).intValueExact();
    }

    /**
     * The id its slice {@code n} executes under, and so the prefix of the slice's client order ids:
     * the plan id without '_' (the server names plans {@code twap_N}, so no two collide).
     */
    public String executionId(int n) {
        return id.replace("_", "") + "s" + n;
    }
}

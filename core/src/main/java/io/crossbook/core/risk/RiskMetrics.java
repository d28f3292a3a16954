package io.crossbook.core.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Risk figures computed from the realised P&L of finished executions, as shown by
 * {@code GET /api/risk/status}. Pure and stateless: the same points, clock and zone always give the
 * same {@link Figures}, whatever the order of the points.
 *
 * <p>A figure the data cannot support is {@code null}, never estimated, and
 * {@link Figures#insufficient()} says why (for example {@code "var99 needs 100 days of P&L, have 12"}).
 * The minimums are public so the server can document them.
 *
 * <p>Daily figures (VaR, Sharpe, Sortino) use the daily P&L series: the P&L summed per calendar day
 * in the given zone, from the day of the first execution to the day of {@code nowMillis}, with 0
 * for a day without executions (the platform ran and made nothing that day). If an execution is
 * stamped on a later day than {@code nowMillis} (a clock behind the records), the series runs to
 * that day instead, so no P&L is dropped.
 */
public final class RiskMetrics {
    /** Days of P&L needed for {@link Figures#var95()}: with fewer, the 5th percentile is not observed. */
    public static final int MIN_DAYS_VAR95 = 20;
    /** Days of P&L needed for {@link Figures#var99()}: with fewer, the 1st percentile is not observed. */
    public static final int MIN_DAYS_VAR99 = 100;
    /** Days of P&L needed for {@link Figures#sharpe()} and {@link Figures#sortino()}. */
    public static final int MIN_DAYS_RATIOS = 10;
    /** Crypto trades every day, so daily ratios are annualised by the square root of 365. */
    public static final int DAYS_PER_YEAR = 365;

    private RiskMetrics() {
    }

    /** The realised P&L, in USD, of one execution that finished at {@code ts} (epoch milliseconds). */
    public record PnlPoint(long ts, BigDecimal pnl) {
        public PnlPoint {
            Objects.requireNonNull(pnl, "pnl");
        }
    }

    /** The realised P&L, in USD, of all executions that finished on {@code day}; 0 if there were none. */
    public record DailyPnl(LocalDate day, BigDecimal pnl) {
        public DailyPnl {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(pnl, "pnl");
        }
    }

    /**
     * The figures. Amounts are USD; drawdown, VaR and realised P&L are exact. A {@code null} figure
     * is explained by a note in {@code insufficient} that starts with the figure's name.
     *
     * @param executions   number of finished executions
     * @param realisedPnl  exact sum of their P&L; 0 with no executions
     * @param maxDrawdown  largest fall of the cumulative P&L from an earlier peak (>= 0); the curve
     *                     starts at 0, so a first loss of 5 is a drawdown of 5. Executions finished
     *                     in the same millisecond move the curve once, by their sum
     * @param daily        the daily P&L series, oldest day first
     * @param var95        historical one-day 95% Value at Risk, as a positive loss; needs
     *                     {@link RiskMetrics#MIN_DAYS_VAR95} days
     * @param var99        historical one-day 99% Value at Risk, as a positive loss; needs
     *                     {@link RiskMetrics#MIN_DAYS_VAR99} days
     * @param sharpe       annualised Sharpe ratio of the daily P&L, risk-free rate 0; needs
     *                     {@link RiskMetrics#MIN_DAYS_RATIOS} days
     * @param sortino      annualised Sortino ratio of the daily P&L, target 0; needs
     *                     {@link RiskMetrics#MIN_DAYS_RATIOS} days
     * @param insufficient one note per {@code null} figure saying why it is missing
     */
    public record Figures(int executions, BigDecimal realisedPnl, BigDecimal maxDrawdown, List<DailyPnl> daily,
                          BigDecimal var95, BigDecimal var99, Double sharpe, Double sortino,
                          List<String> insufficient) {
        public Figures {
            Objects.requireNonNull(realisedPnl, "realisedPnl");
            daily = List.copyOf(daily);
            insufficient = List.copyOf(insufficient);
        }

        /** Number of days in the daily P&L series. */
        public int days() {
            return daily.size();
        }
    }

    /**
     * Computes the figures.
     *
     * <p><b>VaR</b> is the loss on the day at the 5th (1st) percentile of the daily P&L, by nearest
     * rank: sort the n daily P&Ls ascending and take the one at index ceil(q * n) - 1, so with exactly
     * 20 days VaR95 is the worst day's loss. It is reported as max(0, -that P&L): a percentile day
     * that did not lose has a VaR of 0.
     *
     * <p><b>Sharpe</b> is mean / sample standard deviation (n - 1) * sqrt(365); <b>Sortino</b> is
     * mean / downside deviation * sqrt(365), the downside deviation being sqrt(sum of min(0, x)^2 / n)
     * over all n days. Both are ratios of returns, and a daily return is daily P&L divided by a
     * constant capital, which cancels out; so they are computed on daily P&L directly and need no
     * capital. Sharpe is undefined when every day has the same P&L, Sortino when no day lost. They
     * are display figures, computed in {@code double}.
     *
     * @param points    one point per finished execution, in any order
     * @param nowMillis the current time; the daily series runs up to its day
     * @param zone      where calendar days begin and end (UTC in production)
     */
    public static Figures compute(Collection<PnlPoint> points, long nowMillis, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        List<PnlPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingLong(PnlPoint::ts));
        List<String> insufficient = new ArrayList<>();

        BigDecimal realisedPnl = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        for (int i = 0; i < sorted.size(); i++) {
            realisedPnl = realisedPnl.add(sorted.get(i).pnl());
            boolean lastOfItsInstant = i + 1 == sorted.size() || sorted.get(i + 1).ts() != sorted.get(i).ts();
            if (lastOfItsInstant) {
                peak = peak.max(realisedPnl);
                maxDrawdown = maxDrawdown.max(peak.subtract(realisedPnl));
            }
        }
        if (sorted.isEmpty()) {
            maxDrawdown = null;
            insufficient.add("maxDrawdown needs at least one execution, have 0");
        }

        List<DailyPnl> daily = daily(sorted, nowMillis, zone);
        List<BigDecimal> ascending = daily.stream().map(DailyPnl::pnl).sorted().toList();
        BigDecimal var95 = valueAtRisk(ascending, 5, "var95", MIN_DAYS_VAR95, insufficient);
        BigDecimal var99 = valueAtRisk(ascending, 1, "var99", MIN_DAYS_VAR99, insufficient);

        Double sharpe = null;
        Double sortino = null;
        int n = ascending.size();
        if (n < MIN_DAYS_RATIOS) {
            insufficient.add("sharpe needs " + MIN_DAYS_RATIOS + " days of P&L, have " + n);
            insufficient.add("sortino needs " + MIN_DAYS_RATIOS + " days of P&L, have " + n);
        } else {
            double mean = realisedPnl.doubleValue() / n;
            double squaredDeviations = 0;
            double squaredLosses = 0;
            for (BigDecimal pnl : ascending) {
                double x = pnl.doubleValue();
                squaredDeviations += (x - mean) * (x - mean);
                squaredLosses += Math.min(0, x) * Math.min(0, x);
            }
            // Decided on the exact values: rounding must not turn a constant series into a huge ratio.
            if (ascending.getFirst().compareTo(ascending.getLast()) == 0) {
                insufficient.add("sharpe undefined: every day has the same P&L (standard deviation 0)");
            } else {
                sharpe = mean / Math.sqrt(squaredDeviations / (n - 1)) * Math.sqrt(DAYS_PER_YEAR);
            }
            if (ascending.getFirst().signum() >= 0) {
                insufficient.add("sortino undefined: no losing day (downside deviation 0)");
            } else {
                sortino = mean / Math.sqrt(squaredLosses / n) * Math.sqrt(DAYS_PER_YEAR);
            }
        }
        return new Figures(sorted.size(), realisedPnl, maxDrawdown, daily, var95, var99, sharpe, sortino,
                insufficient);
    }

    private static List<DailyPnl> daily(List<PnlPoint> sorted, long nowMillis, ZoneId zone) {
        if (sorted.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, BigDecimal> byDay = new HashMap<>();
        for (PnlPoint point : sorted) {
            byDay.merge(day(point.ts(), zone), point.pnl(), BigDecimal::add);
        }
        LocalDate first = day(sorted.getFirst().ts(), zone);
        LocalDate last = day(Math.max(nowMillis, sorted.getLast().ts()), zone);
        List<DailyPnl> daily = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            daily.add(new DailyPnl(day, byDay.getOrDefault(day, BigDecimal.ZERO)));
        }
        return daily;
    }

    private static LocalDate day(long tsMillis, ZoneId zone) {
        return Instant.ofEpochMilli(tsMillis).atZone(zone).toLocalDate();
    }

    /** Nearest-rank VaR at the {@code percentile}th percentile; ceil(p * n / 100) in integers, no rounding. */
    private static BigDecimal valueAtRisk(List<BigDecimal> ascending, int percentile, String name, int minDays,
                                          List<String> insufficient) {
        int n = ascending.size();
        if (n < minDays) {
            insufficient.add(name + " needs " + minDays + " days of P&L, have " + n);
            return null;
        }
        BigDecimal quantile = ascending.get((percentile * n + 99) / 100 - 1);
        return quantile.signum() < 0 ? quantile.negate() : BigDecimal.ZERO;
    }
}

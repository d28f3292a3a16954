package io.crossbook.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crossbook.core.risk.RiskMetrics.DailyPnl;
import io.crossbook.core.risk.RiskMetrics.Figures;
import io.crossbook.core.risk.RiskMetrics.PnlPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RiskMetricsTest {
    static final ZoneId UTC = ZoneOffset.UTC;
    static final Instant DAY0_NOON = Instant.parse("2025-06-01T12:00:00Z");

    static PnlPoint at(String instant, String pnl) {
        return new PnlPoint(Instant.parse(instant).toEpochMilli(), new BigDecimal(pnl));
    }

    static long noonOfDay(int day) {
        return DAY0_NOON.plus(Duration.ofDays(day)).toEpochMilli();
    }

    /** One execution at noon UTC of each day from 2025-06-01, day i making amounts[i]; "now" is the last day. */
    static Figures oneExecutionPerDay(List<String> amounts) {
        List<PnlPoint> points = new ArrayList<>();
        for (int day = 0; day < amounts.size(); day++) {
            points.add(new PnlPoint(noonOfDay(day), new BigDecimal(amounts.get(day))));
        }
        return RiskMetrics.compute(points, noonOfDay(amounts.size() - 1), UTC);
    }

    static Figures oneExecutionPerDay(String... amounts) {
        return oneExecutionPerDay(List.of(amounts));
    }

    static List<String> days(int count, String pnl) {
        return new ArrayList<>(Collections.nCopies(count, pnl));
    }

    static List<BigDecimal> pnls(Figures figures) {
        return figures.daily().stream().map(DailyPnl::pnl).toList();
    }

    @Test
    void maxDrawdownIsTheLargestFallFromAnEarlierPeak() {
        // +10, -4, -3, +8, -12: the curve goes 10, 6, 3, 11, -1. Falls: 10 -> 3 is 7, 11 -> -1 is 12.
        Figures figures = RiskMetrics.compute(List.of(
                at("2025-06-01T10:00:00Z", "10"),
                at("2025-06-01T10:00:01Z", "-4"),
                at("2025-06-01T10:00:02Z", "-3"),
                at("2025-06-01T10:00:03Z", "8"),
                at("2025-06-01T10:00:04Z", "-12")), noonOfDay(0), UTC);

        assertThat(figures.executions()).isEqualTo(5);
        assertThat(figures.realisedPnl()).isEqualByComparingTo("-1");
        assertThat(figures.maxDrawdown()).isEqualByComparingTo("12");
    }

    @Test
    void theCurveStartsAtZeroSoAFirstLossIsADrawdown() {
        // -5, +2, +1: the curve goes 0, -5, -3, -2; the peak is the starting 0.
        Figures figures = RiskMetrics.compute(List.of(
                at("2025-06-01T10:00:00Z", "-5"),
                at("2025-06-01T10:00:01Z", "2"),
                at("2025-06-01T10:00:02Z", "1")), noonOfDay(0), UTC);

        assertThat(figures.maxDrawdown()).isEqualByComparingTo("5");
    }

    @Test
    void aCurveThatNeverFallsHasNoDrawdown() {
        Figures figures = RiskMetrics.compute(List.of(
                at("2025-06-01T10:00:00Z", "1.25"),
                at("2025-06-01T10:00:01Z", "0")), noonOfDay(0), UTC);

        assertThat(figures.maxDrawdown()).isEqualByComparingTo("0");
    }

    @Test
    void executionsFinishedInTheSameMillisecondMoveTheCurveOnceByTheirSum() {
        // Listed loss first or gain first, the curve goes from 0 to 0 at that instant: no drawdown.
        for (List<PnlPoint> points : List.of(
                List.of(at("2025-06-01T10:00:00Z", "-10"), at("2025-06-01T10:00:00Z", "10")),
                List.of(at("2025-06-01T10:00:00Z", "10"), at("2025-06-01T10:00:00Z", "-10")))) {
            assertThat(RiskMetrics.compute(points, noonOfDay(0), UTC).maxDrawdown()).isEqualByComparingTo("0");
        }
    }

    @Test
    void daysWithoutExecutionsCountAsZeroFromTheFirstExecutionUpToToday() {
        Figures figures = RiskMetrics.compute(List.of(
                at("2025-06-01T09:00:00Z", "3"),
                at("2025-06-01T17:00:00Z", "-1"),
                at("2025-06-03T12:00:00Z", "2.50")), Instant.parse("2025-06-05T08:00:00Z").toEpochMilli(), UTC);

        assertThat(figures.days()).isEqualTo(5);
        assertThat(figures.daily()).extracting(DailyPnl::day).containsExactly(
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 3),
                LocalDate.of(2025, 6, 4), LocalDate.of(2025, 6, 5));
        assertThat(pnls(figures)).usingElementComparator(BigDecimal::compareTo).containsExactly(
                new BigDecimal("2"), BigDecimal.ZERO, new BigDecimal("2.50"), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void dayBoundariesFollowTheZone() {
        List<PnlPoint> aroundUtcMidnight = List.of(
                at("2025-06-01T23:59:59.999Z", "1"),
                at("2025-06-02T00:00:00Z", "2"));
        long now = Instant.parse("2025-06-02T12:00:00Z").toEpochMilli();

        Figures utc = RiskMetrics.compute(aroundUtcMidnight, now, UTC);
        assertThat(utc.daily()).extracting(DailyPnl::day)
                .containsExactly(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 2));
        assertThat(pnls(utc)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1"), new BigDecimal("2"));

        // At +02:00 both are on 2 June (01:59:59.999 and 02:00); midnight there is 22:00 UTC.
        ZoneOffset plusTwo = ZoneOffset.ofHours(2);
        Figures shifted = RiskMetrics.compute(aroundUtcMidnight, now, plusTwo);
        assertThat(shifted.daily()).extracting(DailyPnl::day).containsExactly(LocalDate.of(2025, 6, 2));
        assertThat(pnls(shifted)).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("3"));

        Figures aroundLocalMidnight = RiskMetrics.compute(List.of(
                at("2025-06-01T21:59:59.999Z", "1"),
                at("2025-06-01T22:00:00Z", "2")), now, plusTwo);
        assertThat(aroundLocalMidnight.daily()).extracting(DailyPnl::day)
                .containsExactly(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 2));
    }

    @Test
    void anExecutionStampedAfterTodayStillCounts() {
        // The clock says 2 June, an execution is stamped 3 June: the series runs to 3 June.
        Figures figures = RiskMetrics.compute(List.of(
                at("2025-06-01T12:00:00Z", "1"),
                at("2025-06-03T00:00:01Z", "-4")), Instant.parse("2025-06-02T23:59:59Z").toEpochMilli(), UTC);

        assertThat(figures.days()).isEqualTo(3);
        assertThat(pnls(figures)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1"), BigDecimal.ZERO, new BigDecimal("-4"));
    }

    @Test
    void var95OnExactlyTwentyDaysIsTheWorstDaysLoss() {
        // Nearest rank: index ceil(0.05 * 20) - 1 = 0, the smallest daily P&L.
        List<String> amounts = days(18, "2");
        amounts.add(5, "-7.50");
        amounts.add(12, "-3");

        Figures figures = oneExecutionPerDay(amounts);

        assertThat(figures.days()).isEqualTo(20);
        assertThat(figures.var95()).isEqualByComparingTo("7.50");
        assertThat(figures.insufficient()).noneMatch(note -> note.startsWith("var95"));
    }

    @Test
    void var95IsMissingWithNineteenDaysAndSaysWhy() {
        List<String> amounts = days(17, "2");
        amounts.add(5, "-7.50");
        amounts.add(12, "-3");

        Figures figures = oneExecutionPerDay(amounts);

        assertThat(figures.var95()).isNull();
        assertThat(figures.insufficient()).contains("var95 needs 20 days of P&L, have 19");
    }

    @Test
    void var95TakesTheNearestRankRoundingUp() {
        // 21 days: ceil(0.05 * 21) - 1 = ceil(1.05) - 1 = 1, the second smallest (-3).
        List<String> twentyOne = days(19, "2");
        twentyOne.add(5, "-7.50");
        twentyOne.add(12, "-3");
        assertThat(oneExecutionPerDay(twentyOne).var95()).isEqualByComparingTo("3");

        // 60 days: ceil(0.05 * 60) - 1 = 2, the third smallest of -9, -6, -4, -1, 1...
        List<String> sixty = days(56, "1");
        sixty.add(3, "-4");
        sixty.add(20, "-9");
        sixty.add(40, "-1");
        sixty.add(50, "-6");
        assertThat(oneExecutionPerDay(sixty).var95()).isEqualByComparingTo("4");
    }

    @Test
    void var99NeedsOneHundredDaysAndIsThenTheWorstDaysLoss() {
        // Losses -20, -5, -4, -3, -2, -1 among days of +1.
        List<String> hundred = days(94, "1");
        for (String loss : List.of("-20", "-5", "-4", "-3", "-2", "-1")) {
            hundred.add(hundred.size() / 2, loss);
        }
        Figures figures = oneExecutionPerDay(hundred);
        // var99: ceil(0.01 * 100) - 1 = 0 -> -20; var95: ceil(0.05 * 100) - 1 = 4 -> -2.
        assertThat(figures.days()).isEqualTo(100);
        assertThat(figures.var99()).isEqualByComparingTo("20");
        assertThat(figures.var95()).isEqualByComparingTo("2");
        assertThat(figures.insufficient()).isEmpty();

        hundred.remove("1");
        Figures ninetyNine = oneExecutionPerDay(hundred);
        // var95 still: ceil(0.05 * 99) - 1 = ceil(4.95) - 1 = 4 -> -2.
        assertThat(ninetyNine.var99()).isNull();
        assertThat(ninetyNine.var95()).isEqualByComparingTo("2");
        assertThat(ninetyNine.insufficient()).containsExactly("var99 needs 100 days of P&L, have 99");
    }

    @Test
    void theVarOfASeriesThatNeverLosesIsZero() {
        List<String> amounts = days(15, "1");
        amounts.addAll(days(5, "0"));

        Figures figures = oneExecutionPerDay(amounts);

        assertThat(figures.var95()).isEqualByComparingTo("0");
    }

    @Test
    void sharpeAndSortinoOfATenDaySeries() {
        // Daily P&L 4, -2, 3, -1, 0 (no execution), 5, -3, 2, 1, 1: sum 10, mean 1.
        // Deviations 3, -3, 2, -2, -1, 4, -4, 1, 0, 0; squares sum to 60; sample variance 60 / 9 = 20 / 3.
        // Sharpe = 1 / sqrt(20 / 3) * sqrt(365) = sqrt(365 * 3 / 20) = sqrt(54.75) = 7.3993...
        // Losing days -2, -1, -3: squares sum to 14; downside deviation sqrt(14 / 10) = sqrt(1.4).
        // Sortino = 1 / sqrt(1.4) * sqrt(365) = sqrt(365 / 1.4) = 16.1466...
        List<PnlPoint> points = new ArrayList<>();
        String[] amounts = {"4", "-2", "3", "-1", null, "5", "-3", "2", "1", "1"};
        for (int day = 0; day < amounts.length; day++) {
            if (amounts[day] != null) {
                points.add(new PnlPoint(noonOfDay(day), new BigDecimal(amounts[day])));
            }
        }

        Figures figures = RiskMetrics.compute(points, noonOfDay(9), UTC);

        assertThat(figures.days()).isEqualTo(10);
        assertThat(figures.executions()).isEqualTo(9);
        assertThat(figures.sharpe()).isCloseTo(7.3993, within(1e-4)).isCloseTo(Math.sqrt(54.75), within(1e-12));
        assertThat(figures.sortino()).isCloseTo(16.1466, within(1e-4)).isCloseTo(Math.sqrt(365 / 1.4), within(1e-12));
    }

    @Test
    void sharpeAndSortinoAreMissingWithNineDays() {
        Figures figures = oneExecutionPerDay("4", "-2", "3", "-1", "0", "5", "-3", "2", "1");

        assertThat(figures.sharpe()).isNull();
        assertThat(figures.sortino()).isNull();
        assertThat(figures.insufficient()).contains(
                "sharpe needs 10 days of P&L, have 9", "sortino needs 10 days of P&L, have 9");
    }

    @Test
    void sortinoIsMissingWithoutALosingDay() {
        Figures figures = oneExecutionPerDay("1", "2", "0", "4", "5", "6", "7", "8", "9", "10");

        assertThat(figures.sharpe()).isPositive();
        assertThat(figures.sortino()).isNull();
        assertThat(figures.insufficient()).contains("sortino undefined: no losing day (downside deviation 0)");
    }

    @Test
    void sharpeIsMissingWhenEveryDayMadeTheSame() {
        // 0.10 a day: exactly constant, even though 0.1 has no exact double.
        Figures gains = oneExecutionPerDay(days(10, "0.10"));
        assertThat(gains.sharpe()).isNull();
        assertThat(gains.insufficient()).contains("sharpe undefined: every day has the same P&L (standard deviation 0)");

        // -1 a day: Sharpe undefined, but Sortino is mean -1 / downside deviation sqrt(10 / 10) * sqrt(365).
        Figures losses = oneExecutionPerDay(days(10, "-1"));
        assertThat(losses.sharpe()).isNull();
        assertThat(losses.sortino()).isCloseTo(-Math.sqrt(365), within(1e-12));
    }

    @Test
    void withoutExecutionsOnlyCountsAndSumsAreGivenAndEveryOtherFigureIsExplained() {
        Figures figures = RiskMetrics.compute(List.of(), noonOfDay(0), UTC);

        assertThat(figures.executions()).isZero();
        assertThat(figures.realisedPnl()).isEqualByComparingTo("0");
        assertThat(figures.days()).isZero();
        assertThat(figures.maxDrawdown()).isNull();
        assertThat(figures.var95()).isNull();
        assertThat(figures.var99()).isNull();
        assertThat(figures.sharpe()).isNull();
        assertThat(figures.sortino()).isNull();
        assertThat(figures.insufficient()).containsExactly(
                "maxDrawdown needs at least one execution, have 0",
                "var95 needs 20 days of P&L, have 0",
                "var99 needs 100 days of P&L, have 0",
                "sharpe needs 10 days of P&L, have 0",
                "sortino needs 10 days of P&L, have 0");
    }

    @Test
    void theOrderOfThePointsDoesNotMatter() {
        List<PnlPoint> sorted = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            long ts = noonOfDay(0) + i * 3_600_000L / 2; // every half hour over about six days
            sorted.add(new PnlPoint(ts, BigDecimal.valueOf(random.nextInt(2001) - 1000, 2)));
        }
        sorted.add(new PnlPoint(sorted.get(100).ts(), new BigDecimal("-15.00"))); // two in the same millisecond
        sorted.sort((a, b) -> Long.compare(a.ts(), b.ts()));
        long now = noonOfDay(30);
        Figures expected = RiskMetrics.compute(sorted, now, UTC);

        for (int round = 0; round < 5; round++) {
            List<PnlPoint> shuffled = new ArrayList<>(sorted);
            Collections.shuffle(shuffled, random);
            assertThat(RiskMetrics.compute(shuffled, now, UTC)).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(expected);
        }
        assertThat(expected.days()).isEqualTo(31);
        assertThat(expected.sharpe()).isNotNull();
        assertThat(expected.var95()).isNotNull();
    }
}

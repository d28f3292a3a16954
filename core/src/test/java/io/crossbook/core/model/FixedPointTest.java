package io.crossbook.core.model;

import static io.crossbook.core.model.FixedPoint.INVALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FixedPointTest {

    static long natural(String s) {
        return FixedPoint.parseNatural(s.toCharArray(), 0, s.length());
    }

    @Nested
    class ParseAtAScale {

        @ParameterizedTest(name = "\"{0}\" at scale {1} is {2}")
        @CsvSource({
                "61800.20,     2, 6180020",
                "61800.2,      2, 6180020",
                "61800,        2, 6180000",
                "0.005,        3, 5",
                "0.005,        8, 500000",
                "-1.5,         2, -150",
                "-0.001,       3, -1",
                "0,            4, 0",
                "0.000,        0, 0",
                "007.10,       1, 71",
                "1,            18, 1000000000000000000",
                "9223372036854775807, 0, 9223372036854775807",
                "92233720368547758.07, 2, 9223372036854775807"})
        void parsesExactly(String text, int scale, long mantissa) {
            assertThat(FixedPoint.parse(text, scale)).isEqualTo(mantissa);
        }

        @ParameterizedTest(name = "\"{0}\" at scale {1}")
        @CsvSource({"61800.20000000, 2", "0.00100000, 3", "5.000000000000000000000, 0", "-2.50, 1"})
        void trailingZerosDoNotCountAsDecimals(String text, int scale) {
            assertThat(FixedPoint.parse(text, scale)).isNotEqualTo(INVALID)
                    .isEqualTo(FixedPoint.fromBigDecimal(new BigDecimal(text), scale));
        }

        @ParameterizedTest(name = "\"{0}\" at scale {1}")
        @CsvSource({"0.005, 2", "61800.21, 1", "-1.25, 1", "1.0000001, 6"})
        void moreSignificantDecimalsThanTheScaleAreInvalid(String text, int scale) {
            assertThat(FixedPoint.parse(text, scale)).isEqualTo(INVALID);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", ".", "-", "1.", ".5", "-.5", "1.2.3", "1e5", "abc", "+1", "1 ", " 1", "1,5", "--1", "1-"})
        void malformedTextIsInvalid(String text) {
            assertThat(FixedPoint.parse(text, 4)).isEqualTo(INVALID);
        }

        @ParameterizedTest(name = "\"{0}\" at scale {1}")
        @CsvSource({
                "9223372036854775808, 0",
                "-9223372036854775808, 0",
                "92233720368547758.08, 2",
                "922337203685477580.8, 1",
                "10, 18",
                "1, 19",
                "99999999999999999999999, 0"})
        void valuesBeyondALongAreInvalid(String text, int scale) {
            assertThat(FixedPoint.parse(text, scale)).isEqualTo(INVALID);
        }

        @Test
        void readsOnlyTheGivenRangeOfTheBuffer() {
            char[] json = "[\"61800.20\",\"0.014\"]".toCharArray();
            assertThat(FixedPoint.parse(json, 2, 8, 2)).isEqualTo(6180020);
            assertThat(FixedPoint.parse(json, 13, 5, 3)).isEqualTo(14);
            assertThat(FixedPoint.parse(json, 13, 4, 3)).as("\"0.01\" at scale 3").isEqualTo(10);
        }
    }

    @Nested
    class ParseNatural {

        @ParameterizedTest(name = "\"{0}\" is {1} at scale {2}")
        @CsvSource({
                "61800.20000000, 618002, 1",
                "0.00100000,     1,      3",
                "5,              5,      0",
                "5.000,          5,      0",
                "-1.50,          -15,    1",
                "0,              0,      0",
                "0.0,            0,      0",
                "1000,           1000,   0",
                "0.10203,        10203,  5",
                "0.000000000000000001, 1, 18"})
        void packsTheMantissaAtItsSignificantScale(String text, long mantissa, int scale) {
            long packed = natural(text);
            assertThat(packed).isNotEqualTo(INVALID);
            assertThat(FixedPoint.naturalValue(packed)).isEqualTo(mantissa);
            assertThat(FixedPoint.naturalScale(packed)).isEqualTo(scale);
        }

        @Test
        void acceptsMantissasUpTo2Pow58Minus1() {
            long max = (1L << 58) - 1; // 288230376151711743
            assertThat(FixedPoint.naturalValue(natural(Long.toString(max)))).isEqualTo(max);
            assertThat(FixedPoint.naturalValue(natural("-" + max))).isEqualTo(-max);
            assertThat(FixedPoint.naturalValue(natural("2882303761.51711743"))).isEqualTo(max);
            assertThat(FixedPoint.naturalScale(natural("2882303761.51711743"))).isEqualTo(8);
            assertThat(FixedPoint.naturalValue(natural("100000000000000000"))).isEqualTo(100_000_000_000_000_000L);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"288230376151711744", "-288230376151711744", "2882303761.51711744", "288230376151711750",
                "2882303761517117430", "28823037615171174.30001", "9223372036854775807"})
        void mantissasFrom2Pow58AreInvalid(String text) {
            assertThat(natural(text)).isEqualTo(INVALID);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", ".", "-", "1.", ".5", "1.2.3", "1e5", "abc", "+1", "1 ", "--1", "1-"})
        void malformedTextIsInvalid(String text) {
            assertThat(natural(text)).isEqualTo(INVALID);
        }

        @Test
        void agreesWithBigDecimalOnRandomDecimals() {
            Random rnd = new Random(58);
            for (int n = 0; n < 20_000; n++) {
                BigDecimal d = BigDecimal.valueOf(rnd.nextLong() >> rnd.nextInt(7, 60), rnd.nextInt(0, 19));
                String text = d.toPlainString() + (d.scale() > 0 ? "0".repeat(rnd.nextInt(3)) : "");
                long packed = natural(text);
                BigDecimal expected = d.stripTrailingZeros();
                assertThat(FixedPoint.toBigDecimal(FixedPoint.naturalValue(packed), FixedPoint.naturalScale(packed)))
                        .as(text).isEqualTo(expected.scale() < 0 ? expected.setScale(0) : expected);
            }
        }
    }

    @Nested
    class Format {

        @ParameterizedTest(name = "{0} at scale {1} is \"{2}\"")
        @CsvSource({
                "6180020, 2, 61800.2",
                "6180000, 2, 61800",
                "5,       3, 0.005",
                "-15,     1, -1.5",
                "-5,      3, -0.005",
                "0,       4, 0",
                "105,     2, 1.05",
                "1000,    1, 100",
                "42,      0, 42",
                "1,       18, 0.000000000000000001",
                "9223372036854775807, 18, 9.223372036854775807",
                "-9223372036854775807, 0, -9223372036854775807"})
        void writesTheShortestExactDecimal(long mantissa, int scale, String expected) {
            assertThat(FixedPoint.format(mantissa, scale)).isEqualTo(expected);
        }

        @Test
        void appendToAppendsAfterWhatIsThere() {
            StringBuilder sb = new StringBuilder("bid=");
            FixedPoint.appendTo(sb, 6180020, 2);
            sb.append(" qty=");
            FixedPoint.appendTo(sb, 14, 3);
            assertThat(sb).hasToString("bid=61800.2 qty=0.014");
        }

        @Test
        void agreesWithBigDecimalAndParsesBackToTheSameMantissa() {
            Random rnd = new Random(6180020);
            for (int n = 0; n < 20_000; n++) {
                long mantissa = rnd.nextLong() >> rnd.nextInt(0, 63);
                int scale = rnd.nextInt(0, 19);
                String text = FixedPoint.format(mantissa, scale);
                assertThat(text).as("%d at %d", mantissa, scale)
                        .isEqualTo(BigDecimal.valueOf(mantissa, scale).stripTrailingZeros().toPlainString());
                assertThat(FixedPoint.parse(text, scale)).isEqualTo(mantissa);
            }
        }
    }

    @Nested
    class Conversions {

        @Test
        void rescaleMultipliesByPowersOfTen() {
            assertThat(FixedPoint.rescale(5, 1, 3)).isEqualTo(500);
            assertThat(FixedPoint.rescale(-15, 1, 1)).isEqualTo(-15);
            assertThat(FixedPoint.rescale(1, 0, 18)).isEqualTo(1_000_000_000_000_000_000L);
        }

        @Test
        void rescaleThrowsRatherThanOverflow() {
            assertThatThrownBy(() -> FixedPoint.rescale(Long.MAX_VALUE / 10 + 1, 0, 1)).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> FixedPoint.rescale(10, 0, 18)).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> FixedPoint.rescale(-Long.MAX_VALUE / 100, 2, 5)).isInstanceOf(ArithmeticException.class);
        }

        @Test
        void rescaleNeverNarrows() {
            assertThatThrownBy(() -> FixedPoint.rescale(500, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("narrow");
        }

        @Test
        void bigDecimalRoundTrip() {
            assertThat(FixedPoint.toBigDecimal(6180020, 2)).isEqualTo(new BigDecimal("61800.20"));
            assertThat(FixedPoint.fromBigDecimal(new BigDecimal("61800.2"), 2)).isEqualTo(6180020);
            assertThat(FixedPoint.fromBigDecimal(new BigDecimal("61800.2000"), 2)).isEqualTo(6180020);
            assertThat(FixedPoint.fromBigDecimal(new BigDecimal("-0.005"), 3)).isEqualTo(-5);
            assertThat(FixedPoint.fromBigDecimal(new BigDecimal("1E+3"), 0)).isEqualTo(1000);
        }

        @Test
        void fromBigDecimalRefusesToRoundOrOverflow() {
            assertThatThrownBy(() -> FixedPoint.fromBigDecimal(new BigDecimal("0.005"), 2))
                    .isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> FixedPoint.fromBigDecimal(new BigDecimal("92233720368547758.08"), 2))
                    .isInstanceOf(ArithmeticException.class);
        }
    }
}

package io.crossbook.venues.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.FixedPoint;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cursor's fast paths must read exactly what the general parser reads, and reject what it rejects. */
class JsonCursorTest {
    final JsonCursor cursor = new JsonCursor();

    @ParameterizedTest
    @ValueSource(strings = {"61800.20", "0.014", "0.000", "12.111", "61737.63000000", "0.00000000", "100", "100.000",
            "007.50", "0", "99999999999999999", "999999999999999999", "0.1000000000000000000001",
            "123456789012.12345", "-1.5", "-0", "1e5", "1.", ".5", "1..2", "", "-", "1,5", "+1", " 1"})
    void readsADecimalAsTheGeneralParserDoes(String text) {
        char[] chars = text.toCharArray();
        long expected = FixedPoint.parseNatural(chars, 0, chars.length);
        cursor.reset("\"" + text + "\",");
        if (expected == FixedPoint.INVALID) {
            assertThatThrownBy(cursor::readDecimal).isInstanceOf(MalformedMessageException.class);
        } else {
            assertThat(cursor.readDecimal()).isEqualTo(expected);
            assertThat(cursor.peek()).isEqualTo(',');
        }
    }

    /**
     * The digit scans read two characters at a time and stop at the sentinels after the text: a
     * message cut off inside a number is read no further than its end, whatever its parity, and
     * left to the general path, as before.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\"1234", "\"12345", "\"1.5", "\"1.50", "[\"61800.20\",\"0.01", "[\"61800"})
    void aTextCutOffInsideADecimalIsReadNoFurtherThanItsEnd(String text) {
        cursor.reset(text);
        if (text.startsWith("[")) {
            assertThat(cursor.readPlainPairs(new long[4], new long[4], 0)).isZero();
            assertThat(cursor.peek()).isEqualTo('[');
        } else {
            char[] digits = text.substring(1).toCharArray();
            assertThat(cursor.readDecimal()).isEqualTo(FixedPoint.parseNatural(digits, 0, digits.length));
            assertThat(cursor.peek()).isEqualTo((char) 0);
        }
    }

    @Test
    void readsRandomDecimalsAsTheGeneralParserDoes() {
        Random rnd = new Random(20240808);
        String alphabet = "0000123456789.";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(20); k >= 0; k--) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            long expected = FixedPoint.parseNatural(text.toCharArray(), 0, text.length());
            cursor.reset("\"" + text + "\"");
            if (expected == FixedPoint.INVALID) {
                assertThatThrownBy(cursor::readDecimal).as(text).isInstanceOf(MalformedMessageException.class);
            } else {
                assertThat(cursor.readDecimal()).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void readsARunOfCompactLevelsUpToTheFirstOfAnotherShape() {
        cursor.reset("[[\"61800.20\",\"0.014\"],[\"61800.1\",\"0\"],[\"61800\", \"2\"]]");
        cursor.beginArray();
        assertThat(cursor.nextElement()).isTrue();
        long[] prices = new long[4];
        long[] qtys = new long[4];
        assertThat(cursor.readPlainPairs(prices, qtys, 1)).isEqualTo(3);
        assertThat(FixedPoint.naturalValue(prices[1])).isEqualTo(618002);
        assertThat(FixedPoint.naturalScale(prices[1])).isEqualTo(1);
        assertThat(FixedPoint.naturalValue(qtys[1])).isEqualTo(14);
        assertThat(FixedPoint.naturalScale(qtys[1])).isEqualTo(3);
        assertThat(prices[2]).isEqualTo(618001L << 5 | 1);
        assertThat(qtys[2]).isZero();
        assertThat(cursor.takePlainPriceScale()).isEqualTo(1);
        assertThat(cursor.takePlainQtyScale()).isEqualTo(3);
        assertThat(cursor.takePlainQtyScale()).as("taken").isZero();
        assertThat(cursor.nextElement()).isTrue();
        assertThat(cursor.readPlainPairs(prices, qtys, 3)).isEqualTo(3);
        cursor.beginArray();
        assertThat(cursor.nextElement()).isTrue();
        assertThat(cursor.readDecimal()).isEqualTo(61800L << 5);
    }

    @Test
    void stopsWhenTheArraysAreFullAndGoesOnFromThere() {
        cursor.reset("[[\"1\",\"2\"],[\"3\",\"4\"],[\"5\",\"6\"]]");
        cursor.beginArray();
        long[] prices = new long[2];
        long[] qtys = new long[2];
        assertThat(cursor.nextElement()).isTrue();
        assertThat(cursor.readPlainPairs(prices, qtys, 0)).isEqualTo(2);
        assertThat(qtys[1]).isEqualTo(4L << 5);
        assertThat(cursor.nextElement()).isTrue();
        assertThat(cursor.readPlainPairs(prices, qtys, 0)).isEqualTo(1);
        assertThat(prices[0]).isEqualTo(5L << 5);
        assertThat(cursor.nextElement()).isFalse();
        assertThat(cursor.peek()).isEqualTo((char) 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"61800.20\", \"0.014\"]", "[\"61800.20\",\"0.014\",\"3\"]", "[\"-1\",\"0.014\"]",
            "[\"61800.20\",\"1e3\"]", "[\"0.00\",\"0.014\"]", "[\"0\",\"1\"]", "[ \"61800.20\",\"0.014\"]", "[\"61800.20\"]", "[\"61800.20\",\"0.014\"", "[61800.20,0.014]"})
    void leavesAnyOtherShapeUnreadForTheGeneralPath(String text) {
        cursor.reset(text);
        assertThat(cursor.readPlainPairs(new long[4], new long[4], 0)).isZero();
        assertThat(cursor.peek()).isEqualTo('[');
        cursor.beginArray();
        assertThat(cursor.nextElement()).isTrue();
        assertThat(cursor.peek()).isIn('"', '6');
    }
}

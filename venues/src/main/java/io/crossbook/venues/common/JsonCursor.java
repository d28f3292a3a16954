package io.crossbook.venues.common;

import io.crossbook.core.model.FixedPoint;

/**
 * A minimal JSON reader for the busiest market-data streams: it walks one message in place,
 * compares names and strings without creating them, and parses decimal strings to fixed point in
 * the same pass that scans them. General enough for any JSON (unknown values are skipped), small
 * enough to be read in one sitting. Jackson's streaming parser costs several times more per token,
 * which on a 600-level depth message is most of the budget (docs/PERFORMANCE.md).
 *
 * <p>One instance per thread, reused for every message; nothing is allocated per value.
 */
public final class JsonCursor {
    /** At most 17 digits: below {@link FixedPoint#parseNatural}'s limit of 2^58, so no overflow check. */
    private static final int PLAIN_DECIMAL_CHARS = 17;

    private char[] buf = new char[8192];
    private int pos;
    private int end;
    private int nameStart;
    private int nameLength;
    private int plainPriceScales; // bit s set: a price of scale s read by readPlainPairs
    private int plainQtyScales;

    /** Starts reading a new message. */
    public void reset(String text) {
        int n = text.length();
        if (n + 1 >= buf.length) {
            buf = new char[Math.max(n + 2, buf.length * 2)];
        }
        text.getChars(0, n, buf, 0);
        buf[n] = 0; // sentinels: scans for a character class stop at the end without a bounds check,
        buf[n + 1] = 0; // also those that read two characters at a time
        pos = 0;
        plainPriceScales = 0;
        plainQtyScales = 0;
        end = n;
    }

    /** The next significant character, not consumed; 0 at the end. */
    public char peek() {
        skipWhitespace();
        return pos < end ? buf[pos] : 0;
    }

    public void beginObject() {
        expect('{');
    }

    public void beginArray() {
        expect('[');
    }

    /**
     * Advances to the next property of the current object and reads its name; false (with the
     * closing brace consumed) when there are no more.
     */
    public boolean nextProperty() {
        char c = peek();
        if (c == '}') {
            pos++;
            return false;
        }
        if (c == ',') {
            pos++;
            c = peek();
        }
        if (c != '"') {
            throw error("expected a property name");
        }
        nameStart = ++pos;
        while (pos < end && buf[pos] != '"') {
            if (buf[pos] == '\\') {
                pos++;
            }
            pos++;
        }
        nameLength = pos - nameStart;
        pos++;
        expect(':');
        return true;
    }

    /** True if the current property's name is {@code name}. */
    public boolean nameIs(String name) {
        if (name.length() != nameLength) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            if (buf[nameStart + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Advances to the next array element; false (with the closing bracket consumed) at the end. */
    public boolean nextElement() {
        char c = peek();
        if (c == ']') {
            pos++;
            return false;
        }
        if (c == ',') {
            pos++;
            peek();
        }
        return true;
    }

    /** Reads a JSON integer. */
    public long readLong() {
        skipWhitespace();
        boolean negative = pos < end && buf[pos] == '-';
        if (negative) {
            pos++;
        }
        int start = pos;
        long value = 0;
        while (pos < end) {
            int d = buf[pos] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (value > (Long.MAX_VALUE - d) / 10) {
                throw error("integer out of range");
            }
            value = value * 10 + d;
            pos++;
        }
        if (pos == start) {
            throw error("expected an integer");
        }
        if (pos < end && (buf[pos] == '.' || buf[pos] == 'e' || buf[pos] == 'E')) {
            throw error("expected an integer, found a fraction");
        }
        return negative ? -value : value;
    }

    public boolean readBoolean() {
        skipWhitespace();
        if (regionIs("true")) {
            pos += 4;
            return true;
        }
        if (regionIs("false")) {
            pos += 5;
            return false;
        }
        throw error("expected true or false");
    }

    /**
     * Reads a decimal string ({@code "61800.20"}) as a fixed-point value packed by
     * {@link FixedPoint#parseNatural}; throws if it is not a plain decimal.
     */
    public long readDecimal() {
        expect('"');
        long plain = plainDecimal();
        if (plain >= 0) {
            return plain;
        }
        int start = pos;
        while (pos < end && buf[pos] != '"') {
            pos++;
        }
        long packed = FixedPoint.parseNatural(buf, start, pos - start);
        if (packed == FixedPoint.INVALID) {
            throw new MalformedMessageException("not a valid decimal: '" + new String(buf, start, Math.min(pos, end) - start) + "'");
        }
        pos++;
        return packed;
    }

    /**
     * Reads, from an element of a levels array, the run of levels written as depth messages write
     * them, {@code ["price","qty"]} with plain decimals, a price above zero and no whitespace, into
     * {@code prices} and {@code qtys} from index {@code size} on (packed as {@link #readDecimal()}
     * packs them; their largest scales are then given by {@link #takePlainPriceScale()} and
     * {@link #takePlainQtyScale()}), and returns the new size. It stops at the end of the array,
     * when the arrays are full, or before a level of any other shape or with a zero price, which
     * is left unread for the general path to read or refuse; the caller continues
     * with {@link #nextElement()} either way. The whole loop is one method, so that the JIT
     * compiles the per-level work as one unit (docs/PERFORMANCE.md, round 4).
     */
    public int readPlainPairs(long[] prices, long[] qtys, int size) {
        char[] b = buf;
        int n = size;
        if (b[pos] != '[') {
            return n;
        }
        while (n < prices.length && b[pos + 1] == '"') { // at a '['; the sentinel bounds the read
            int start = pos;
            pos += 2;
            long price = plainDecimal();
            if (price < 32 || b[pos] != ',' || b[pos + 1] != '"') { // < 32: not plain, or zero
                pos = start;
                break;
            }
            pos += 2;
            long qty = plainDecimal();
            if (qty < 0 || b[pos] != ']') {
                pos = start;
                break;
            }
            prices[n] = price;
            qtys[n] = qty;
            plainPriceScales |= 1 << (int) price; // an int shift takes the low five bits: the scale
            plainQtyScales |= 1 << (int) qty;
            n++;
            if (b[pos + 1] != ',' || b[pos + 2] != '[') {
                pos++;
                break;
            }
            pos += 2;
        }
        return n;
    }

    /** The largest scale of the prices {@link #readPlainPairs} read since this was last asked (0 if none). */
    public int takePlainPriceScale() {
        int largest = Math.max(0, 31 - Integer.numberOfLeadingZeros(plainPriceScales));
        plainPriceScales = 0;
        return largest;
    }

    /** The largest scale of the quantities {@link #readPlainPairs} read since this was last asked (0 if none). */
    public int takePlainQtyScale() {
        int largest = Math.max(0, 31 - Integer.numberOfLeadingZeros(plainQtyScales));
        plainQtyScales = 0;
        return largest;
    }

    /**
     * The common case of {@link #readDecimal}, in the same pass that finds the closing quote:
     * {@code digits[.digits]"} with at most 17 characters, packed as {@link FixedPoint#parseNatural}
     * packs it, with the quote consumed. Anything else (a sign, an exponent, more characters) returns
     * -1 with nothing consumed, for the general parser to accept or reject.
     */
    private long plainDecimal() {
        char[] b = buf;
        int i = pos;
        long value = 0;
        int d;
        for (;;) { // two digits a step: half the dependent multiplications; the sentinels end the loop
            int d1 = (char) (b[i] - '0');
            int d2 = (char) (b[i + 1] - '0');
            if (d1 > 9) {
                break;
            }
            if (d2 > 9) {
                value = value * 10 + d1;
                i++;
                break;
            }
            value = value * 100 + (d1 * 10 + d2);
            i += 2;
        }
        if (i == pos) {
            return -1;
        }
        long natural = value; // the value without the fraction's trailing zeros
        int scale = 0;
        if (b[i] == '.') {
            int point = ++i;
            while ((d = b[i] - '0') >= 0 && d <= 9) {
                value = value * 10 + d;
                i++;
                natural = d != 0 ? value : natural;
                scale = d != 0 ? i - point : scale;
            }
            if (i == point) {
                return -1;
            }
        }
        if (i - pos > PLAIN_DECIMAL_CHARS || b[i] != '"') {
            return -1; // too long for the value to be exact, or not the end of the string
        }
        pos = i + 1;
        return natural << 5 | scale;
    }

    /** True, with the string consumed, if the next value is the string {@code s}; else nothing is consumed. */
    public boolean stringIs(String s) {
        skipWhitespace();
        int n = s.length();
        if (pos + n + 1 >= end || buf[pos] != '"' || buf[pos + n + 1] != '"') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[pos + 1 + i] != s.charAt(i)) {
                return false;
            }
        }
        pos += n + 2;
        return true;
    }

    /** Reads a string without escapes; returns {@code same} instead of a new String when equal. */
    public String readString(String same) {
        expect('"');
        int start = pos;
        while (pos < end && buf[pos] != '"') {
            if (buf[pos] == '\\') {
                throw error("escaped characters are not expected here");
            }
            pos++;
        }
        int length = pos - start;
        pos++;
        if (same != null && same.length() == length) {
            boolean equal = true;
            for (int i = 0; i < length && equal; i++) {
                equal = buf[start + i] == same.charAt(i);
            }
            if (equal) {
                return same;
            }
        }
        return new String(buf, start, length);
    }

    /** Skips one value of any kind. */
    public void skipValue() {
        char c = peek();
        switch (c) {
            case '"' -> skipString();
            case '{', '[' -> {
                int depth = 0;
                do {
                    char d = buf[pos];
                    if (d == '"') {
                        skipString();
                        continue;
                    }
                    if (d == '{' || d == '[') {
                        depth++;
                    } else if (d == '}' || d == ']') {
                        depth--;
                    }
                    pos++;
                } while (depth > 0 && pos < end);
                if (depth > 0) {
                    throw error("unterminated " + (c == '{' ? "object" : "array"));
                }
            }
            default -> {
                int start = pos;
                while (pos < end && ",}] \t\r\n".indexOf(buf[pos]) < 0) {
                    pos++;
                }
                if (pos == start) {
                    throw error("expected a value");
                }
            }
        }
    }

    private void skipString() {
        pos++;
        while (pos < end && buf[pos] != '"') {
            if (buf[pos] == '\\') {
                pos++;
            }
            pos++;
        }
        if (pos >= end) {
            throw error("unterminated string");
        }
        pos++;
    }

    private boolean regionIs(String s) {
        if (pos + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void expect(char c) {
        skipWhitespace();
        if (pos >= end || buf[pos] != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < end) {
            char c = buf[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private MalformedMessageException error(String what) {
        return new MalformedMessageException(what + " at offset " + pos);
    }
}

package io.crossbook.venues.common;

import io.crossbook.core.model.FixedPoint;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A reusable holder for one decimal string field of a message (a ticker's bid, a trade's price):
 * its mantissa at its own significant scale, parsed without allocating.
 */
public final class ParsedDecimal {
    private long value;
    private int scale;
    private boolean present;

    public void clear() {
        present = false;
    }

    public boolean present() {
        return present;
    }

    public long value() {
        return value;
    }

    public int scale() {
        return scale;
    }

    /** The value at a scale at least as large as its own. */
    public long at(int targetScale) {
        return FixedPoint.rescale(value, scale, targetScale);
    }

    /** Reads the parser's current string token; {@code field} names it in the error. */
    public void read(JsonParser p, String field) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedMessageException(field + " is not a decimal string");
        }
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        long packed = FixedPoint.parseNatural(chars, off, len);
        if (packed == FixedPoint.INVALID) {
            throw new MalformedMessageException(field + " is not a valid decimal: '" + new String(chars, off, len) + "'");
        }
        value = FixedPoint.naturalValue(packed);
        scale = FixedPoint.naturalScale(packed);
        present = true;
    }
}

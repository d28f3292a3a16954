package io.crossbook.venues.okx;

import io.crossbook.core.model.FixedPoint;
import io.crossbook.venues.common.MalformedMessageException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A decimal string field of a ticker or trade, kept as a mantissa at its own scale until the
 * fields it is reported with are read and a common scale is known. Reused from message to
 * message, so reading a value allocates nothing.
 */
final class DecimalField {
    private final String name;
    private long mantissa;
    private int scale;
    private boolean present;

    DecimalField(String name) {
        this.name = name;
    }

    /** Forgets the previous value: call before reading a new data entry. */
    void clear() {
        present = false;
    }

    /**
     * Reads the parser's current token, a non-negative decimal string. OKX sends an empty string
     * for a ticker side without a quote; where {@code emptyIsZero}, that reads as zero.
     */
    void read(JsonParser p, boolean emptyIsZero) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedMessageException(name + " is not a decimal string");
        }
        char[] chars = p.getStringCharacters();
        int off = p.getStringOffset();
        int len = p.getStringLength();
        if (len == 0 && emptyIsZero) {
            set(0, 0);
            return;
        }
        int s = FixedPoint.significantScale(chars, off, len);
        long value = s < 0 ? FixedPoint.INVALID : FixedPoint.parse(chars, off, len, s);
        if (value == FixedPoint.INVALID || value < 0) {
            throw new MalformedMessageException(name + " is not a non-negative decimal: '"
                    + new String(chars, off, len) + "'");
        }
        set(value, s);
    }

    private void set(long value, int s) {
        mantissa = value;
        scale = s;
        present = true;
    }

    /** Throws unless the field was read and is above zero (prices and trade sizes). */
    void requirePositive() {
        require();
        if (mantissa == 0) {
            throw new MalformedMessageException(name + " is zero");
        }
    }

    /** Throws unless the field was read. */
    void require() {
        if (!present) {
            throw new MalformedMessageException("no " + name);
        }
    }

    int scale() {
        return scale;
    }

    /** The value as a mantissa at {@code target}, which must be at least {@link #scale()}. */
    long at(int target) {
        return FixedPoint.rescale(mantissa, scale, target);
    }
}

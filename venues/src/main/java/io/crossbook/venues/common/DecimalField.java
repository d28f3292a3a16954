package io.crossbook.venues.common;

import io.crossbook.core.model.FixedPoint;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A decimal string field of a ticker or trade (any venue), kept as a mantissa at its own scale until the
 * fields it is reported with are read and a common scale is known. Reused from message to
 * message, so reading a value allocates nothing.
 */
public final class DecimalField {
    private final String name;
    private long mantissa;
    private int scale;
    private boolean present;

    public DecimalField(String name) {
        this.name = name;
    }

    /** Forgets the previous value: call before reading a new data entry. */
    public void clear() {
        present = false;
    }

    /**
     * Reads the parser's current token, a non-negative decimal string. OKX sends an empty string
     * for a ticker side without a quote; where {@code emptyIsZero}, that reads as zero.
     */
    public void read(JsonParser p, boolean emptyIsZero) {
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
        long packed = FixedPoint.parseNatural(chars, off, len);
        if (packed == FixedPoint.INVALID || packed < 0) {
            throw new MalformedMessageException(name + " is not a non-negative decimal: '"
                    + new String(chars, off, len) + "'");
        }
        set(FixedPoint.naturalValue(packed), FixedPoint.naturalScale(packed));
    }

    /** Reads a non-negative decimal string from a {@link JsonCursor}. */
    public void read(JsonCursor c) {
        long packed = c.readDecimal();
        if (packed < 0) {
            throw new MalformedMessageException(name + " is negative: " + FixedPoint.format(FixedPoint.naturalValue(packed),
                    FixedPoint.naturalScale(packed)));
        }
        set(FixedPoint.naturalValue(packed), FixedPoint.naturalScale(packed));
    }

    private void set(long value, int s) {
        mantissa = value;
        scale = s;
        present = true;
    }

    /** Throws unless the field was read and is above zero (prices and trade sizes). */
    public void requirePositive() {
        require();
        if (mantissa == 0) {
            throw new MalformedMessageException(name + " is zero");
        }
    }

    /** Throws unless the field was read. */
    public void require() {
        if (!present) {
            throw new MalformedMessageException("no " + name);
        }
    }

    public boolean present() {
        return present;
    }

    /** The mantissa at {@link #scale()}. */
    public long value() {
        return mantissa;
    }

    public int scale() {
        return scale;
    }

    /** The value as a mantissa at {@code target}, which must be at least {@link #scale()}. */
    public long at(int target) {
        return FixedPoint.rescale(mantissa, scale, target);
    }
}

package io.crossbook.venues.bybit;

import io.crossbook.core.model.FixedPoint;
import io.crossbook.venues.common.MalformedMessageException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads Bybit's decimal strings ({@code "63705.3"}) as fixed-point mantissas straight from the
 * parser's buffer, each at its own significant scale, without allocating. Used for the values
 * that do not go through {@link io.crossbook.venues.common.DepthUpdate}: best bid/ask and trades.
 */
final class DecimalReader {
    private int scale;

    /** Reads the current string token as a value above zero (a price, a trade size). */
    long positive(JsonParser p, String what) {
        long value = read(p, what);
        if (value <= 0) {
            throw new MalformedMessageException(what + " is not positive: " + p.getString());
        }
        return value;
    }

    /** Reads the current string token as a value of zero or more (a resting quantity). */
    long nonNegative(JsonParser p, String what) {
        long value = read(p, what);
        if (value < 0) {
            throw new MalformedMessageException(what + " is negative: " + p.getString());
        }
        return value;
    }

    /** The scale of the value read last. */
    int scale() {
        return scale;
    }

    private long read(JsonParser p, String what) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedMessageException(what + " is not a decimal string");
        }
        char[] chars = p.getStringCharacters();
        int off = p.getStringOffset();
        int len = p.getStringLength();
        int significant = FixedPoint.significantScale(chars, off, len);
        long value = significant < 0 ? FixedPoint.INVALID : FixedPoint.parse(chars, off, len, significant);
        if (value == FixedPoint.INVALID) {
            throw new MalformedMessageException(what + " is not a valid decimal: '" + new String(chars, off, len) + "'");
        }
        scale = significant;
        return value;
    }
}

package io.crossbook.venues.common;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Side;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A depth message's levels parsed into reusable arrays, so that a message is validated whole
 * before any of it touches the book, and nothing is allocated per price level. Each value keeps
 * its own decimal scale until it is applied, so parsing does not depend on the book. One instance
 * per feed handler.
 */
public final class DepthUpdate {
    private final Levels bids = new Levels();
    private final Levels asks = new Levels();
    private int priceScale;
    private int qtyScale;

    /** Starts a new message. */
    public void begin() {
        bids.size = 0;
        asks.size = 0;
        priceScale = 0;
        qtyScale = 0;
    }

    public int size(Side side) {
        return (side == Side.BID ? bids : asks).size;
    }

    /**
     * Reads a JSON array of levels ({@code [["price","qty",...],...]}; elements after the
     * quantity are ignored). The parser must be on the array's {@code START_ARRAY}.
     */
    public void readLevels(JsonParser p, Side side) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedMessageException("expected an array of " + side + " levels");
        }
        Levels levels = side == Side.BID ? bids : asks;
        while (p.nextToken() == JsonToken.START_ARRAY) {
            long price = readDecimal(p, "price");
            long qty = readDecimal(p, "quantity");
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
            add(levels, price, qty);
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedMessageException("expected a [price, qty] level in the " + side + " levels");
        }
    }

    /** As {@link #readLevels(JsonParser, Side)}, from a {@link JsonCursor} on the array. */
    public void readLevels(JsonCursor c, Side side) {
        Levels levels = side == Side.BID ? bids : asks;
        c.beginArray();
        while (c.nextElement()) {
            if (levels.size == levels.prices.length) {
                levels.grow();
            }
            int from = levels.size;
            levels.size = c.readPlainPairs(levels.prices, levels.qtys, from);
            if (levels.size > from) {
                priceScale = Math.max(priceScale, c.takePlainPriceScale());
                qtyScale = Math.max(qtyScale, c.takePlainQtyScale());
                continue;
            }
            c.beginArray();
            if (!c.nextElement()) {
                throw new MalformedMessageException("an empty " + side + " level");
            }
            long price = c.readDecimal();
            if (!c.nextElement()) {
                throw new MalformedMessageException("a " + side + " level without a quantity");
            }
            long qty = c.readDecimal();
            while (c.nextElement()) {
                c.skipValue();
            }
            add(levels, price, qty);
        }
    }

    /** Validates one level (packed by {@link FixedPoint#parseNatural}) and keeps it. */
    private void add(Levels levels, long packedPrice, long packedQty) {
        if (FixedPoint.naturalValue(packedPrice) <= 0) {
            throw new MalformedMessageException("non-positive price " + format(packedPrice));
        }
        if (packedQty < 0) {
            throw new MalformedMessageException("negative quantity " + format(packedQty));
        }
        levels.add(packedPrice, packedQty);
        priceScale = Math.max(priceScale, FixedPoint.naturalScale(packedPrice));
        qtyScale = Math.max(qtyScale, FixedPoint.naturalScale(packedQty));
    }

    private static String format(long packed) {
        return FixedPoint.format(FixedPoint.naturalValue(packed), FixedPoint.naturalScale(packed));
    }

    /**
     * Applies the levels to the book as absolute quantities (zero removes the level), widening the
     * book's scales first in the rare case the message carries more decimal places.
     */
    public void applyTo(OrderBook book) {
        if (priceScale > book.priceScale() || qtyScale > book.qtyScale()) {
            book.widenScale(priceScale, qtyScale);
        }
        bids.applyTo(book, Side.BID);
        asks.applyTo(book, Side.ASK);
    }

    private static long readDecimal(JsonParser p, String what) {
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw new MalformedMessageException(what + " is not a decimal string");
        }
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        long packed = FixedPoint.parseNatural(chars, off, len);
        if (packed == FixedPoint.INVALID) {
            throw new MalformedMessageException("not a valid decimal: '" + new String(chars, off, len) + "'");
        }
        return packed;
    }

    /** One side's levels as parsed, each value packed with its own scale. */
    private static final class Levels {
        long[] prices = new long[64];
        long[] qtys = new long[64];
        int size;

        void add(long packedPrice, long packedQty) {
            if (size == prices.length) {
                grow();
            }
            prices[size] = packedPrice;
            qtys[size] = packedQty;
            size++;
        }

        void grow() {
            prices = Arrays.copyOf(prices, size * 2);
            qtys = Arrays.copyOf(qtys, size * 2);
        }

        void applyTo(OrderBook book, Side side) {
            int ps = book.priceScale();
            int qs = book.qtyScale();
            for (int i = 0; i < size; i++) {
                book.set(side, at(prices[i], ps), at(qtys[i], qs));
            }
        }

        private static long at(long packed, int scale) {
            return FixedPoint.rescale(FixedPoint.naturalValue(packed), FixedPoint.naturalScale(packed), scale);
        }
    }
}

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
        long price = FixedPoint.naturalValue(packedPrice);
        int ps = FixedPoint.naturalScale(packedPrice);
        long qty = FixedPoint.naturalValue(packedQty);
        int qs = FixedPoint.naturalScale(packedQty);
        if (price <= 0) {
            throw new MalformedMessageException("non-positive price " + FixedPoint.format(price, ps));
        }
        if (qty < 0) {
            throw new MalformedMessageException("negative quantity " + FixedPoint.format(qty, qs));
        }
        levels.add(price, ps, qty, qs);
        priceScale = Math.max(priceScale, ps);
        qtyScale = Math.max(qtyScale, qs);
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

    private static final class Levels {
        long[] prices = new long[64];
        long[] qtys = new long[64];
        byte[] priceScales = new byte[64];
        byte[] qtyScales = new byte[64];
        int size;

        void add(long price, int priceScale, long qty, int qtyScale) {
            if (size == prices.length) {
                prices = Arrays.copyOf(prices, size * 2);
                qtys = Arrays.copyOf(qtys, size * 2);
                priceScales = Arrays.copyOf(priceScales, size * 2);
                qtyScales = Arrays.copyOf(qtyScales, size * 2);
            }
            prices[size] = price;
            qtys[size] = qty;
            priceScales[size] = (byte) priceScale;
            qtyScales[size] = (byte) qtyScale;
            size++;
        }

        void applyTo(OrderBook book, Side side) {
            int ps = book.priceScale();
            int qs = book.qtyScale();
            for (int i = 0; i < size; i++) {
                book.set(side, FixedPoint.rescale(prices[i], priceScales[i], ps),
                        FixedPoint.rescale(qtys[i], qtyScales[i], qs));
            }
        }
    }
}

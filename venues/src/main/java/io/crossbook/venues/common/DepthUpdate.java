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
    private int lastScale; // scale of the value readDecimal returned last

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
            long price = readDecimal(p, true);
            int ps = lastScale;
            long qty = readDecimal(p, false);
            levels.add(price, ps, qty, lastScale);
            priceScale = Math.max(priceScale, ps);
            qtyScale = Math.max(qtyScale, lastScale);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedMessageException("expected a [price, qty] level in the " + side + " levels");
        }
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

    private long readDecimal(JsonParser p, boolean isPrice) {
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw new MalformedMessageException((isPrice ? "price" : "quantity") + " is not a decimal string");
        }
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        long packed = FixedPoint.parseNatural(chars, off, len);
        if (packed == FixedPoint.INVALID) {
            throw new MalformedMessageException("not a valid decimal: '" + new String(chars, off, len) + "'");
        }
        long value = FixedPoint.naturalValue(packed);
        int scale = FixedPoint.naturalScale(packed);
        if (isPrice ? value <= 0 : value < 0) {
            throw new MalformedMessageException((isPrice ? "non-positive price " : "negative quantity ")
                    + new String(chars, off, len));
        }
        lastScale = scale;
        return value;
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

package io.crossbook.core.book;

import java.util.Arrays;

/**
 * One side of an L2 book: price levels in parallel {@code long} arrays, kept sorted so that the
 * best level is the last one. Most updates touch the top of the book, so inserts and removals
 * there move few elements; nothing is allocated once the arrays have grown to the book's depth.
 */
final class BookSide {
    private final boolean bids;
    private long[] prices;
    private long[] qtys;
    private int size;

    BookSide(boolean bids, int initialCapacity) {
        this.bids = bids;
        this.prices = new long[initialCapacity];
        this.qtys = new long[initialCapacity];
    }

    int size() {
        return size;
    }

    /** Price of the i-th level from the top (0 = best). */
    long price(int level) {
        return prices[size - 1 - level];
    }

    long qty(int level) {
        return qtys[size - 1 - level];
    }

    void clear() {
        size = 0;
    }

    /** Sets the quantity at a price; zero removes the level (a no-op if it is absent). */
    void set(long price, long qty) {
        int i = indexOf(price);
        if (i >= 0) {
            if (qty == 0) {
                System.arraycopy(prices, i + 1, prices, i, size - i - 1);
                System.arraycopy(qtys, i + 1, qtys, i, size - i - 1);
                size--;
            } else {
                qtys[i] = qty;
            }
        } else if (qty != 0) {
            int at = -i - 1;
            if (size == prices.length) {
                prices = Arrays.copyOf(prices, size * 2);
                qtys = Arrays.copyOf(qtys, size * 2);
            }
            System.arraycopy(prices, at, prices, at + 1, size - at);
            System.arraycopy(qtys, at, qtys, at + 1, size - at);
            prices[at] = price;
            qtys[at] = qty;
            size++;
        }
    }

    /**
     * Binary search in storage order: bids ascending, asks descending (best last either way).
     * Returns the index, or {@code -(insertion point) - 1}.
     */
    private int indexOf(long price) {
        // Updates cluster at the top: check the best level first.
        if (size > 0 && prices[size - 1] == price) {
            return size - 1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long p = prices[mid];
            if (p == price) {
                return mid;
            }
            if (bids == p < price) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -(lo + 1);
    }

    /** Multiplies every level by powers of ten after the book's scale widened. */
    void rescale(long priceFactor, long qtyFactor) {
        for (int i = 0; i < size; i++) {
            prices[i] = Math.multiplyExact(prices[i], priceFactor);
            qtys[i] = Math.multiplyExact(qtys[i], qtyFactor);
        }
    }
}

package io.crossbook.core.book;

import java.util.Arrays;

/**
 * One side of an L2 book, best level first, as a list of small sorted chunks (a B+tree's leaf
 * level). Depth streams touch levels all over the book, so an update may land anywhere: in one
 * sorted array an insert or removal far from the top would move the whole book, here it moves at
 * most one chunk. Chunks are recycled, so nothing is allocated once the book has reached its size.
 *
 * <p>Prices are stored as ranks, ascending: the negated price for bids, the price for asks, so
 * that "better" is "smaller" on both sides.
 */
final class BookSide {
    private static final int CHUNK = 64;

    private final boolean bids;
    private long[][] ranks = new long[16][];
    private long[][] qtys = new long[16][];
    private int[] sizes = new int[16];
    private int chunks;
    private int size;
    private long[][] spareRanks = new long[16][];
    private long[][] spareQtys = new long[16][];
    private int spares;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    int size() {
        return size;
    }

    /** Price of the i-th level from the top (0 = best). */
    long price(int level) {
        for (int c = 0; c < chunks; c++) {
            if (level < sizes[c]) {
                return bids ? -ranks[c][level] : ranks[c][level];
            }
            level -= sizes[c];
        }
        throw new IndexOutOfBoundsException("level beyond depth " + size);
    }

    long qty(int level) {
        for (int c = 0; c < chunks; c++) {
            if (level < sizes[c]) {
                return qtys[c][level];
            }
            level -= sizes[c];
        }
        throw new IndexOutOfBoundsException("level beyond depth " + size);
    }

    void clear() {
        while (chunks > 0) {
            recycle(--chunks);
        }
        size = 0;
    }

    /** Sets the quantity at a price; zero removes the level (a no-op if it is absent). */
    void set(long price, long qty) {
        long rank = bids ? -price : price;
        if (chunks == 0) {
            if (qty != 0) {
                insertChunk(0);
                ranks[0][0] = rank;
                qtys[0][0] = qty;
                sizes[0] = 1;
                size = 1;
            }
            return;
        }
        int c = chunkFor(rank);
        long[] r = ranks[c];
        int n = sizes[c];
        int i = Arrays.binarySearch(r, 0, n, rank);
        if (i >= 0) {
            if (qty != 0) {
                qtys[c][i] = qty;
                return;
            }
            System.arraycopy(r, i + 1, r, i, n - i - 1);
            System.arraycopy(qtys[c], i + 1, qtys[c], i, n - i - 1);
            size--;
            if (--sizes[c] == 0) {
                removeChunk(c);
            }
            return;
        }
        if (qty == 0) {
            return;
        }
        int at = -i - 1;
        if (n == CHUNK) {
            split(c);
            if (at > CHUNK / 2) {
                c++;
                at -= CHUNK / 2;
            }
            r = ranks[c];
            n = sizes[c];
        }
        long[] q = qtys[c];
        System.arraycopy(r, at, r, at + 1, n - at);
        System.arraycopy(q, at, q, at + 1, n - at);
        r[at] = rank;
        q[at] = qty;
        sizes[c]++;
        size++;
    }

    /** The first chunk whose worst rank is at or beyond {@code rank}, else the last chunk. */
    private int chunkFor(long rank) {
        int lo = 0;
        int hi = chunks - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ranks[mid][sizes[mid] - 1] < rank) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Moves the upper half of a full chunk into a new chunk right after it. */
    private void split(int c) {
        insertChunk(c + 1);
        int half = CHUNK / 2;
        System.arraycopy(ranks[c], half, ranks[c + 1], 0, CHUNK - half);
        System.arraycopy(qtys[c], half, qtys[c + 1], 0, CHUNK - half);
        sizes[c + 1] = CHUNK - half;
        sizes[c] = half;
    }

    private void insertChunk(int at) {
        if (chunks == ranks.length) {
            ranks = Arrays.copyOf(ranks, chunks * 2);
            qtys = Arrays.copyOf(qtys, chunks * 2);
            sizes = Arrays.copyOf(sizes, chunks * 2);
        }
        System.arraycopy(ranks, at, ranks, at + 1, chunks - at);
        System.arraycopy(qtys, at, qtys, at + 1, chunks - at);
        System.arraycopy(sizes, at, sizes, at + 1, chunks - at);
        if (spares > 0) {
            spares--;
            ranks[at] = spareRanks[spares];
            qtys[at] = spareQtys[spares];
        } else {
            ranks[at] = new long[CHUNK];
            qtys[at] = new long[CHUNK];
        }
        sizes[at] = 0;
        chunks++;
    }

    private void removeChunk(int c) {
        long[] r = ranks[c];
        long[] q = qtys[c];
        System.arraycopy(ranks, c + 1, ranks, c, chunks - c - 1);
        System.arraycopy(qtys, c + 1, qtys, c, chunks - c - 1);
        System.arraycopy(sizes, c + 1, sizes, c, chunks - c - 1);
        chunks--;
        ranks[chunks] = r;
        qtys[chunks] = q;
        recycle(chunks);
    }

    /** Keeps the arrays of chunk slot {@code c} (no longer in use) for reuse. */
    private void recycle(int c) {
        if (spares == spareRanks.length) {
            spareRanks = Arrays.copyOf(spareRanks, spares * 2);
            spareQtys = Arrays.copyOf(spareQtys, spares * 2);
        }
        spareRanks[spares] = ranks[c];
        spareQtys[spares] = qtys[c];
        spares++;
        ranks[c] = null;
        qtys[c] = null;
        sizes[c] = 0;
    }

    /** Multiplies every level by powers of ten after the book's scale widened. */
    void rescale(long priceFactor, long qtyFactor) {
        for (int c = 0; c < chunks; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                ranks[c][i] = Math.multiplyExact(ranks[c][i], priceFactor);
                qtys[c][i] = Math.multiplyExact(qtys[c][i], qtyFactor);
            }
        }
    }
}

package io.crossbook.core.book;

import java.util.Arrays;

/**
 * Price levels as (rank, quantity), ascending by rank: the part of a {@link BookSide} beyond its
 * ladder, and all of it until the ladder opens. Kept as a list of small sorted chunks (a B+tree's
 * leaf level): updates land anywhere in this part, and where one sorted array would move
 * everything after an insert or removal, this moves at most one chunk. Chunks are recycled, so
 * nothing is allocated once the side has reached its size.
 *
 * <p>A chunk holds its levels interleaved, rank then quantity, so that finding a level brings its
 * quantity into the cache with it.
 *
 * <p>A depth message lists its levels sorted by price, so each update lands near the previous
 * one: the search starts from where the last update landed (a finger) and widens outwards.
 */
final class SortedLevels {
    private static final int CHUNK = 64;

    private long[][] levels = new long[16][]; // per chunk: rank, qty, rank, qty, ...
    private int[] sizes = new int[16];
    private long[] lasts = new long[16]; // each chunk's worst rank, so that finding a chunk reads one array
    private int chunks;
    private int size;
    private int finger; // chunk of the last update
    private int fingerAt; // and its level there
    private long[][] spares = new long[16][];
    private int spareCount;

    int size() {
        return size;
    }

    /** Rank of the i-th level (0 = the smallest). */
    long rank(int level) {
        for (int c = 0; c < chunks; c++) {
            if (level < sizes[c]) {
                return levels[c][2 * level];
            }
            level -= sizes[c];
        }
        throw new IndexOutOfBoundsException("level beyond depth " + size);
    }

    long qty(int level) {
        for (int c = 0; c < chunks; c++) {
            if (level < sizes[c]) {
                return levels[c][2 * level + 1];
            }
            level -= sizes[c];
        }
        throw new IndexOutOfBoundsException("level beyond depth " + size);
    }

    /** Visits the levels in order, each rank times {@code sign} as its price, until the visitor returns false. */
    void forEach(long sign, BookSide.LevelVisitor visitor) {
        for (int c = 0; c < chunks; c++) {
            long[] l = levels[c];
            for (int i = 0; i < 2 * sizes[c]; i += 2) {
                if (!visitor.visit(sign * l[i], l[i + 1])) {
                    return;
                }
            }
        }
    }

    void clear() {
        while (chunks > 0) {
            recycle(--chunks);
        }
        size = 0;
    }

    /** Sets the quantity at a rank; zero removes the level (a no-op if it is absent). */
    void set(long rank, long qty) {
        if (chunks == 0) {
            if (qty != 0) {
                insertChunk(0);
                levels[0][0] = rank;
                levels[0][1] = qty;
                sizes[0] = 1;
                lasts[0] = rank;
                size = 1;
            }
            return;
        }
        int c = chunkFor(rank);
        long[] l = levels[c];
        int n = sizes[c];
        int i = search(l, n, rank, c == finger ? Math.min(fingerAt, n - 1) : c > finger ? 0 : n - 1);
        finger = c;
        fingerAt = i >= 0 ? i : -i - 1;
        if (i >= 0) {
            if (qty != 0) {
                l[2 * i + 1] = qty;
                return;
            }
            System.arraycopy(l, 2 * i + 2, l, 2 * i, 2 * (n - i - 1));
            size--;
            if (--sizes[c] == 0) {
                removeChunk(c);
            } else {
                lasts[c] = l[2 * (n - 2)];
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
            l = levels[c];
            n = sizes[c];
        }
        System.arraycopy(l, 2 * at, l, 2 * at + 2, 2 * (n - at));
        l[2 * at] = rank;
        l[2 * at + 1] = qty;
        lasts[c] = l[2 * n];
        sizes[c]++;
        size++;
    }

    /**
     * The first chunk whose worst rank is at or beyond {@code rank}, else the last chunk: searched
     * outwards from the finger, doubling the stride, so that an update next to the previous one
     * costs a comparison or two and one anywhere else a search of the chunks between.
     */
    private int chunkFor(long rank) {
        int c = Math.min(finger, chunks - 1);
        int lo;
        int hi;
        if (lasts[c] < rank) {
            if (c == chunks - 1) {
                return c;
            }
            lo = c + 1; // the answer is after the finger; the last chunk if none is at or beyond it
            hi = chunks - 1;
            for (int step = 1; lo < hi; step <<= 1) {
                int probe = Math.min(c + step, hi);
                if (lasts[probe] >= rank) {
                    hi = probe;
                    break;
                }
                lo = Math.min(probe + 1, hi);
            }
        } else if (c > 0 && lasts[c - 1] >= rank) {
            lo = 0; // the answer is before the finger
            hi = c - 1;
            for (int step = 2; lo < hi; step <<= 1) {
                int probe = Math.max(c - step, lo);
                if (lasts[probe] < rank) {
                    lo = probe + 1;
                    break;
                }
                hi = probe;
            }
        } else {
            return c;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lasts[mid] < rank) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Finds {@code rank} among the first {@code n} levels of a chunk, searching outwards from level
     * {@code from} first: its index, else {@code -(insertion point) - 1} as
     * {@link Arrays#binarySearch} answers.
     */
    private static int search(long[] l, int n, long rank, int from) {
        int lo; // the answer is in [lo, hi]
        int hi;
        if (l[2 * from] < rank) {
            lo = from + 1;
            hi = n;
            for (int step = 1; from + step < n; step <<= 1) {
                if (l[2 * (from + step)] >= rank) {
                    hi = from + step;
                    break;
                }
                lo = from + step + 1;
            }
        } else {
            lo = 0;
            hi = from;
            for (int step = 1; from - step >= 0; step <<= 1) {
                if (l[2 * (from - step)] < rank) {
                    lo = from - step + 1;
                    break;
                }
                hi = from - step;
            }
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (l[2 * mid] < rank) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < n && l[2 * lo] == rank ? lo : -lo - 1;
    }

    /** Moves the upper half of a full chunk into a new chunk right after it. */
    private void split(int c) {
        insertChunk(c + 1);
        int half = CHUNK / 2;
        System.arraycopy(levels[c], 2 * half, levels[c + 1], 0, 2 * (CHUNK - half));
        sizes[c + 1] = CHUNK - half;
        sizes[c] = half;
        lasts[c + 1] = lasts[c];
        lasts[c] = levels[c][2 * (half - 1)];
    }

    private void insertChunk(int at) {
        if (chunks == levels.length) {
            levels = Arrays.copyOf(levels, chunks * 2);
            sizes = Arrays.copyOf(sizes, chunks * 2);
            lasts = Arrays.copyOf(lasts, chunks * 2);
        }
        System.arraycopy(levels, at, levels, at + 1, chunks - at);
        System.arraycopy(sizes, at, sizes, at + 1, chunks - at);
        System.arraycopy(lasts, at, lasts, at + 1, chunks - at);
        levels[at] = spareCount > 0 ? spares[--spareCount] : new long[2 * CHUNK];
        sizes[at] = 0;
        chunks++;
    }

    private void removeChunk(int c) {
        long[] l = levels[c];
        System.arraycopy(levels, c + 1, levels, c, chunks - c - 1);
        System.arraycopy(sizes, c + 1, sizes, c, chunks - c - 1);
        System.arraycopy(lasts, c + 1, lasts, c, chunks - c - 1);
        chunks--;
        levels[chunks] = l;
        recycle(chunks);
    }

    /** Keeps the array of chunk slot {@code c} (no longer in use) for reuse. */
    private void recycle(int c) {
        if (spareCount == spares.length) {
            spares = Arrays.copyOf(spares, spareCount * 2);
        }
        spares[spareCount++] = levels[c];
        levels[c] = null;
        sizes[c] = 0;
    }

    /** Multiplies every level's rank and quantity (the book's scales widened). */
    void rescale(long priceFactor, long qtyFactor) {
        for (int c = 0; c < chunks; c++) {
            long[] l = levels[c];
            for (int i = 0; i < 2 * sizes[c]; i += 2) {
                l[i] = Math.multiplyExact(l[i], priceFactor);
                l[i + 1] = Math.multiplyExact(l[i + 1], qtyFactor);
            }
            lasts[c] = l[2 * (sizes[c] - 1)];
        }
    }
}

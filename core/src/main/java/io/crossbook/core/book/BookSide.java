package io.crossbook.core.book;

import java.util.Arrays;

/**
 * One side of an L2 book, best level first. Prices are kept as ranks: the negated price for bids,
 * the price for asks, so that "better" is "smaller" on both sides.
 *
 * <p>Most updates land within a few thousand ticks of the top, so that region is a ladder: the
 * quantities in an array indexed by {@code (rank - base) / step}, with a bitmap of the occupied
 * slots, where a level is found by one division instead of a search. The levels beyond the
 * ladder's window are kept in {@link SortedLevels}; no level is ever better than the window. The
 * window follows the top: up as soon as a better level arrives, down once the top has fallen into
 * its last quarter, by whole bitmap words.
 *
 * <p>The step (the tick, in mantissa units) is learnt from the prices themselves: the greatest
 * common divisor of the first differences seen, lowered at once if a price off it arrives later.
 * Until it is learnt every level is in {@link SortedLevels}. A wrong guess costs time, never a
 * wrong level.
 */
final class BookSide {
    static final int SLOTS = 16384;
    private static final int WORDS = SLOTS / 64;
    private static final int MARGIN = SLOTS / 4; // free slots above the top after the window moves
    private static final int LEARN = 64; // price differences seen before the step is trusted
    private static final long MAX_STEP = 1L << 40; // keeps every rank the window covers far from overflow

    private final boolean bids;
    private final SortedLevels far = new SortedLevels(); // ranks at or beyond base + SLOTS * step
    private final long[] qtys = new long[SLOTS]; // 0 where no level
    private final long[] occupied = new long[WORDS];
    private int count; // levels in the ladder
    private int top = SLOTS; // first occupied slot; SLOTS while the ladder is empty
    private long base; // rank of slot 0
    private long step; // 0 until learnt
    private long learnt; // gcd of the differences seen so far
    private long lastRank;
    private int samples;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    int size() {
        return count + far.size();
    }

    /** Price of the i-th level from the top (0 = best). */
    long price(int level) {
        long rank = level < count ? base + nthSlot(level) * step : far.rank(level - count);
        return bids ? -rank : rank;
    }

    long qty(int level) {
        return level < count ? qtys[nthSlot(level)] : far.qty(level - count);
    }

    /** Visits the levels from the top until the visitor returns false. */
    void forEach(LevelVisitor visitor) {
        long sign = bids ? -1 : 1;
        for (int w = top >>> 6; w < WORDS; w++) {
            for (long bits = occupied[w]; bits != 0; bits &= bits - 1) {
                int s = (w << 6) + Long.numberOfTrailingZeros(bits);
                if (!visitor.visit(sign * (base + s * step), qtys[s])) {
                    return;
                }
            }
        }
        far.forEach(sign, visitor);
    }

    void clear() {
        far.clear();
        if (count > 0) {
            Arrays.fill(qtys, 0);
            Arrays.fill(occupied, 0);
            count = 0;
            top = SLOTS;
        }
    }

    /** Sets the quantity at a price; zero removes the level (a no-op if it is absent). */
    void set(long price, long qty) {
        long rank = bids ? -price : price;
        long offset = rank - base;
        // A step of one mantissa unit is the usual case (the book's scale is the tick's): no division.
        long slot = step == 1 ? offset : step > 1 ? offset / step : -1;
        if (slot < 0 || count == 0 || step != 1 && slot * step != offset) {
            place(rank, qty);
        } else if (slot >= SLOTS) {
            far.set(rank, qty);
        } else {
            update((int) slot, qty);
        }
    }

    /**
     * {@link #set} for what its fast path leaves: the step still being learnt, an empty ladder, a
     * price off the step, or one better than the window's start.
     */
    private void place(long rank, long qty) {
        if (step == 0) {
            far.set(rank, qty);
            learn(rank);
            return;
        }
        if (count == 0 && far.size() == 0) {
            if (qty == 0) {
                return;
            }
            base = rank - MARGIN * step; // an empty side: the window starts here
        }
        long offset = rank - base;
        long slot = offset / step;
        if (slot * step != offset) {
            relearn(offset);
            place(rank, qty);
        } else if (slot >= SLOTS) {
            far.set(rank, qty);
        } else if (slot >= 0) {
            update((int) slot, qty);
        } else if (qty != 0) { // a removal above the window has nothing to remove
            moveUp(-slot);
            place(rank, qty); // now inside the window (whose step may have been lowered meanwhile)
        }
    }

    /** Sets a ladder slot: insert, change and removal alike without a branch on which, as they mix unpredictably. */
    private void update(int s, long qty) {
        long old = qtys[s];
        qtys[s] = qty;
        long bit = 1L << s;
        long word = occupied[s >>> 6];
        occupied[s >>> 6] = qty != 0 ? word | bit : word & ~bit;
        count += (qty != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
        top = qty != 0 ? Math.min(top, s) : top;
        if (s == top && qty == 0 && old != 0) {
            top = nextSlot(s);
            if (top >= SLOTS - MARGIN && far.size() > 0) {
                moveDown();
            }
        }
    }

    /** Multiplies every level's price and quantity after the book's scales widened. */
    void rescale(long priceFactor, long qtyFactor) {
        if (step != 0) {
            step = Math.multiplyExact(step, priceFactor);
            base = Math.multiplyExact(base, priceFactor);
        }
        learnt = Math.multiplyExact(learnt, priceFactor);
        lastRank = Math.multiplyExact(lastRank, priceFactor);
        for (int w = 0; w < WORDS; w++) {
            for (long bits = occupied[w]; bits != 0; bits &= bits - 1) {
                int s = (w << 6) + Long.numberOfTrailingZeros(bits);
                qtys[s] = Math.multiplyExact(qtys[s], qtyFactor);
            }
        }
        far.rescale(priceFactor, qtyFactor);
    }

    /** While the step is unknown: one more price to learn it from; the ladder opens once it is known. */
    private void learn(long rank) {
        long difference = Math.abs(rank - lastRank);
        lastRank = rank;
        if (difference == 0 || samples++ == 0) {
            return; // the first price has nothing to differ from
        }
        learnt = gcd(learnt, difference);
        if (samples > LEARN && learnt <= MAX_STEP) {
            step = learnt;
            reopen();
        }
    }

    /** A price off the step arrived at {@code offset} from the base: lower the step and rebuild the ladder. */
    private void relearn(long offset) {
        drain();
        step = gcd(step, Math.abs(offset));
        reopen();
    }

    /** Opens the empty ladder at the best level held beyond it. */
    private void reopen() {
        if (far.size() > 0) {
            base = far.rank(0) - MARGIN * step;
            pull();
        }
    }

    /** Moves the window up by at least {@code slots} plus the margin, the levels falling off its end going beyond. */
    private void moveUp(long slots) {
        long shift = (slots + MARGIN + 63) & ~63L;
        if (shift >= SLOTS || count == 0) {
            drain();
            base -= shift * step;
            pull();
            return;
        }
        int keep = SLOTS - (int) shift;
        for (int w = WORDS - 1; w >= keep >>> 6; w--) {
            for (long bits = occupied[w]; bits != 0; bits &= ~Long.highestOneBit(bits)) {
                int s = (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
                far.set(base + s * step, qtys[s]); // worst first: each goes to the front
                count--;
            }
        }
        System.arraycopy(qtys, 0, qtys, (int) shift, keep);
        Arrays.fill(qtys, 0, (int) shift, 0);
        System.arraycopy(occupied, 0, occupied, (int) shift >>> 6, keep >>> 6);
        Arrays.fill(occupied, 0, (int) shift >>> 6, 0);
        base -= shift * step;
        top = count == 0 ? SLOTS : top + (int) shift;
    }

    /** Moves the window down so that the top is a margin from its start, taking in the levels beyond it. */
    private void moveDown() {
        if (count == 0) {
            reopen();
            return;
        }
        int shift = (top - MARGIN) & ~63;
        System.arraycopy(qtys, shift, qtys, 0, SLOTS - shift);
        Arrays.fill(qtys, SLOTS - shift, SLOTS, 0);
        System.arraycopy(occupied, shift >>> 6, occupied, 0, WORDS - (shift >>> 6));
        Arrays.fill(occupied, WORDS - (shift >>> 6), WORDS, 0);
        top -= shift;
        base += shift * step;
        pull();
    }

    /** Takes into the ladder the levels beyond it that the window now covers, best first. */
    private void pull() {
        long end = base + SLOTS * step;
        while (far.size() > 0 && far.rank(0) < end) {
            long rank = far.rank(0);
            long offset = rank - base;
            if (offset % step != 0) {
                relearn(offset);
                return;
            }
            int s = (int) (offset / step);
            qtys[s] = far.qty(0);
            occupied[s >>> 6] |= 1L << s;
            count++;
            top = Math.min(top, s);
            far.set(rank, 0);
        }
    }

    /** Moves every ladder level beyond it (worst first, so each lands at the front) and empties the ladder. */
    private void drain() {
        for (int w = WORDS - 1; w >= 0; w--) {
            for (long bits = occupied[w]; bits != 0; bits &= ~Long.highestOneBit(bits)) {
                int s = (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
                far.set(base + s * step, qtys[s]);
            }
        }
        Arrays.fill(qtys, 0);
        Arrays.fill(occupied, 0);
        count = 0;
        top = SLOTS;
    }

    /** The first occupied slot after {@code s}, or SLOTS. */
    private int nextSlot(int s) {
        int w = (s + 1) >>> 6;
        if (w >= WORDS) {
            return SLOTS;
        }
        long bits = occupied[w] & (-1L << (s + 1));
        while (bits == 0) {
            if (++w == WORDS) {
                return SLOTS;
            }
            bits = occupied[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits);
    }

    /** The slot of the n-th ladder level from the top ({@code n < count}). */
    private int nthSlot(int n) {
        for (int w = top >>> 6; ; w++) {
            long bits = occupied[w];
            int c = Long.bitCount(bits);
            if (n < c) {
                for (; n > 0; n--) {
                    bits &= bits - 1;
                }
                return (w << 6) + Long.numberOfTrailingZeros(bits);
            }
            n -= c;
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Receives a side's levels, best first. */
    interface LevelVisitor {
        /** One level (price and quantity as mantissas); false stops the walk. */
        boolean visit(long price, long qty);
    }
}

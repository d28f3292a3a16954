package io.crossbook.core.book;

import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Side;

/**
 * An L2 order book for one instrument. Prices and quantities are fixed-point mantissas at the
 * book's {@link #priceScale()} and {@link #qtyScale()}. A book is {@linkplain #valid() valid} only
 * while it is known to equal the exchange's; whoever keeps it in sync marks it invalid the moment
 * that is in doubt, and nothing may price from an invalid book.
 *
 * <p>Not thread-safe: one thread owns a book and publishes copies to others.
 */
public final class OrderBook {
    /** Returned by best-price accessors when the side is empty. */
    public static final long NO_PRICE = Long.MIN_VALUE;

    private final InstrumentId instrument;
    private final BookSide bids = new BookSide(true);
    private final BookSide asks = new BookSide(false);
    private int priceScale;
    private int qtyScale;
    private boolean valid;
    private String invalidReason = "no snapshot yet";
    private long sequence;
    private long exchangeTimeMillis;
    private long receiveNanos;

    public OrderBook(InstrumentId instrument, int priceScale, int qtyScale) {
        this.instrument = instrument;
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
    }

    public InstrumentId instrument() {
        return instrument;
    }

    public int priceScale() {
        return priceScale;
    }

    public int qtyScale() {
        return qtyScale;
    }

    public boolean valid() {
        return valid;
    }

    /** Why the book is invalid, or null while it is valid. */
    public String invalidReason() {
        return valid ? null : invalidReason;
    }

    /** The exchange's sequence (update id) of the last applied message. */
    public long sequence() {
        return sequence;
    }

    public long exchangeTimeMillis() {
        return exchangeTimeMillis;
    }

    /** Local receive time, in epoch nanoseconds, of the last applied message. */
    public long receiveNanos() {
        return receiveNanos;
    }

    /** Empties the book and marks it invalid until the next snapshot is applied. */
    public void reset(String reason) {
        bids.clear();
        asks.clear();
        invalidate(reason);
    }

    public void invalidate(String reason) {
        valid = false;
        invalidReason = reason;
    }

    public void markValid() {
        valid = true;
        invalidReason = null;
    }

    /** Records which exchange message the book now reflects. */
    public void stamp(long sequence, long exchangeTimeMillis, long receiveNanos) {
        this.sequence = sequence;
        this.exchangeTimeMillis = exchangeTimeMillis;
        this.receiveNanos = receiveNanos;
    }

    /** Sets the quantity at a price level; a zero quantity removes the level. */
    public void set(Side side, long price, long qty) {
        (side == Side.BID ? bids : asks).set(price, qty);
    }

    /**
     * Widens the scales (never narrows) so that values with more decimal places fit, multiplying
     * every stored level. Rare: only when the exchange sends more precision than expected.
     */
    public void widenScale(int newPriceScale, int newQtyScale) {
        int ps = Math.max(priceScale, newPriceScale);
        int qs = Math.max(qtyScale, newQtyScale);
        if (ps > FixedPoint.MAX_SCALE || qs > FixedPoint.MAX_SCALE) {
            throw new ArithmeticException("scale beyond " + FixedPoint.MAX_SCALE + " decimal places");
        }
        long pf = FixedPoint.pow10(ps - priceScale);
        long qf = FixedPoint.pow10(qs - qtyScale);
        priceScale = ps;
        qtyScale = qs;
        try {
            bids.rescale(pf, qf);
            asks.rescale(pf, qf);
        } catch (ArithmeticException e) {
            reset("levels overflow at scale " + ps + "/" + qs); // never half-rescaled
            throw e;
        }
    }

    public int depth(Side side) {
        return (side == Side.BID ? bids : asks).size();
    }

    /** Price of the level'th level from the top of a side (0 = best). */
    public long price(Side side, int level) {
        return (side == Side.BID ? bids : asks).price(level);
    }

    public long qty(Side side, int level) {
        return (side == Side.BID ? bids : asks).qty(level);
    }

    public long bestBid() {
        return bids.size() == 0 ? NO_PRICE : bids.price(0);
    }

    public long bestAsk() {
        return asks.size() == 0 ? NO_PRICE : asks.price(0);
    }

    /** True when both sides are present and the best bid is at or above the best ask. */
    public boolean crossed() {
        return bids.size() > 0 && asks.size() > 0 && bids.price(0) >= asks.price(0);
    }

    /**
     * Walks a side from the top for {@code qty} (a mantissa at {@link #qtyScale()}): asks for a
     * buy, bids for a sell. Exact; throws {@link ArithmeticException} if the notional overflows.
     */
    public Vwap vwap(Side side, long qty) {
        if (qty <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        Walk walk = new Walk(qty);
        (side == Side.BID ? bids : asks).forEach(walk);
        return new Vwap(qty, qty - walk.remaining, walk.notional, priceScale, qtyScale);
    }

    /**
     * Copies the top levels of a side, best first, into the arrays (at most {@code n}, fewer if the
     * side is shallower) and returns how many: one walk, where indexing each level would search
     * from the top again.
     */
    public int copyTop(Side side, int n, long[] prices, long[] qtys) {
        BookSide levels = side == Side.BID ? bids : asks;
        int count = Math.min(n, levels.size());
        if (count > 0) {
            levels.forEach(new BookSide.LevelVisitor() {
                int k;

                @Override
                public boolean visit(long price, long qty) {
                    prices[k] = price;
                    qtys[k] = qty;
                    return ++k < count;
                }
            });
        }
        return count;
    }

    /** An immutable copy of the top {@code levels} of each side, for other threads. */
    public BookSnapshot snapshot(int levels) {
        return BookSnapshot.of(this, levels);
    }

    /** A walk from the top of a side for a quantity. */
    private static final class Walk implements BookSide.LevelVisitor {
        long remaining;
        long notional;

        Walk(long qty) {
            remaining = qty;
        }

        @Override
        public boolean visit(long price, long qty) {
            long take = Math.min(remaining, qty);
            notional = Math.addExact(notional, Math.multiplyExact(take, price));
            remaining -= take;
            return remaining > 0;
        }
    }
}

package io.crossbook.core.book;

import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Side;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * An immutable copy of the top of a book, safe to hand to other threads. Levels are
 * {@code [price, qty]} mantissa pairs, best first.
 */
public record BookSnapshot(
        InstrumentId instrument,
        int priceScale,
        int qtyScale,
        long[] bidPrices,
        long[] bidQtys,
        long[] askPrices,
        long[] askQtys,
        boolean valid,
        long sequence,
        long exchangeTimeMillis,
        long receiveNanos) {

    static BookSnapshot of(OrderBook book, int levels) {
        int nb = Math.min(levels, book.depth(Side.BID));
        int na = Math.min(levels, book.depth(Side.ASK));
        long[] bp = new long[nb];
        long[] bq = new long[nb];
        long[] ap = new long[na];
        long[] aq = new long[na];
        book.copyTop(Side.BID, nb, bp, bq);
        book.copyTop(Side.ASK, na, ap, aq);
        return new BookSnapshot(book.instrument(), book.priceScale(), book.qtyScale(), bp, bq, ap, aq,
                book.valid(), book.sequence(), book.exchangeTimeMillis(), book.receiveNanos());
    }

    public BigDecimal bestBid() {
        return bidPrices.length == 0 ? null : FixedPoint.toBigDecimal(bidPrices[0], priceScale);
    }

    public BigDecimal bestAsk() {
        return askPrices.length == 0 ? null : FixedPoint.toBigDecimal(askPrices[0], priceScale);
    }

    /** The exact mid of the top of the book, or null when a side is empty. */
    public BigDecimal mid() {
        if (bidPrices.length == 0 || askPrices.length == 0) {
            return null;
        }
        return FixedPoint.toBigDecimal(bidPrices[0] + askPrices[0], priceScale).divide(BigDecimal.TWO);
    }

    /**
     * Walks a side from the top for {@code qty} (a mantissa at {@link #qtyScale()}), as
     * {@link OrderBook#vwap} does: asks for a buy, bids for a sell. Exact; partial when the copied
     * levels are too thin; throws {@link ArithmeticException} if the notional overflows.
     */
    public Vwap vwap(Side side, long qty) {
        if (qty <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        long[] prices = side == Side.BID ? bidPrices : askPrices;
        long[] qtys = side == Side.BID ? bidQtys : askQtys;
        long remaining = qty;
        long notional = 0;
        for (int i = 0; i < prices.length && remaining > 0; i++) {
            long take = Math.min(remaining, qtys[i]);
            notional = Math.addExact(notional, Math.multiplyExact(take, prices[i]));
            remaining -= take;
        }
        return new Vwap(qty, qty - remaining, notional, priceScale, qtyScale);
    }

    /**
     * The exact average price of taking {@code qty} (order units) from a side, to four decimals
     * finer than the tick, or null when the copied levels are too thin for it. Throws
     * {@link ArithmeticException} when {@code qty} is finer than the book's quantities.
     */
    public BigDecimal averagePrice(Side side, BigDecimal qty) {
        Vwap v = vwap(side, FixedPoint.fromBigDecimal(qty, qtyScale));
        return v.complete() ? v.averagePrice(priceScale + 4).stripTrailingZeros() : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BookSnapshot s && instrument.equals(s.instrument) && priceScale == s.priceScale
                && qtyScale == s.qtyScale && Arrays.equals(bidPrices, s.bidPrices) && Arrays.equals(bidQtys, s.bidQtys)
                && Arrays.equals(askPrices, s.askPrices) && Arrays.equals(askQtys, s.askQtys) && valid == s.valid
                && sequence == s.sequence && exchangeTimeMillis == s.exchangeTimeMillis && receiveNanos == s.receiveNanos;
    }

    @Override
    public int hashCode() {
        return instrument.hashCode() * 31 + Arrays.hashCode(bidPrices) * 17 + Arrays.hashCode(askPrices);
    }

    @Override
    public String toString() {
        return "BookSnapshot[" + instrument + " bid=" + bestBid() + " ask=" + bestAsk() + " valid=" + valid + "]";
    }
}

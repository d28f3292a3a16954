package io.crossbook.core.arb;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.exec.MarketView;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices triangular cycles through the books' depth, hop by hop, in exact decimals: a buy spends
 * the held quote amount walking the asks, a sell walks the bids for the held base amount, and each
 * hop's taker fee comes off what it receives. Only the results become doubles.
 */
public final class TriangularDetector {
    /**
     * Precision of the base bought inside a level (held quote / price need not terminate): 34
     * significant digits, rounded down so that the edge is never overstated.
     */
    private static final MathContext PARTIAL_LEVEL = new MathContext(34, RoundingMode.DOWN);

    private final FeeSchedule fees;

    public TriangularDetector(FeeSchedule fees) {
        this.fees = fees;
    }

    /** Walks {@code startQty} of the cycle's start asset around the cycle on the current books. */
    public TriangularPath evaluate(TriangularCycle cycle, MarketView books, BigDecimal startQty, long ts) {
        if (startQty == null || startQty.signum() <= 0) {
            throw new IllegalArgumentException("startQty must be positive, was "
                    + (startQty == null ? "missing" : startQty.toPlainString()));
        }
        List<String> symbols = new ArrayList<>(3);
        List<String> sides = new ArrayList<>(3);
        BigDecimal held = startQty;
        for (TriangularCycle.Hop hop : cycle.hops()) {
            symbols.add(hop.instrument().symbol());
            sides.add(hop.side().id());
            BookSnapshot book = held == null ? null : books.book(hop.instrument().id());
            if (book == null || !book.valid()) {
                held = null;
                continue;
            }
            BigDecimal received = trade(book, hop.side(), held);
            held = received == null ? null
                    : received.multiply(BigDecimal.ONE.subtract(fees.taker(hop.instrument().id())));
        }
        Double edge = null;
        Double endQty = null;
        if (held != null) {
            endQty = held.doubleValue();
            edge = held.divide(startQty, MathContext.DECIMAL128).subtract(BigDecimal.ONE).movePointRight(2).doubleValue();
        }
        return new TriangularPath(cycle.id(), cycle.venue().id(), cycle.startAsset(), symbols, sides, startQty,
                edge, endQty, ts);
    }

    /**
     * What {@code held} turns into when traded through the book from the top: a buy spends quote
     * on the asks and receives base, a sell spends base on the bids and receives quote. Null when
     * the side runs out first.
     */
    private static BigDecimal trade(BookSnapshot book, OrderSide side, BigDecimal held) {
        boolean buy = side == OrderSide.BUY;
        long[] prices = buy ? book.askPrices() : book.bidPrices();
        long[] qtys = buy ? book.askQtys() : book.bidQtys();
        BigDecimal remaining = held;
        BigDecimal received = BigDecimal.ZERO;
        for (int i = 0; i < prices.length; i++) {
            BigDecimal price = BigDecimal.valueOf(prices[i], book.priceScale());
            BigDecimal qty = BigDecimal.valueOf(qtys[i], book.qtyScale());
            BigDecimal spendable = buy ? price.multiply(qty) : qty; // of the held asset, at this level
            if (spendable.compareTo(remaining) >= 0) {
                return received.add(buy ? remaining.divide(price, PARTIAL_LEVEL) : remaining.multiply(price));
            }
            received = received.add(buy ? qty : qty.multiply(price));
            remaining = remaining.subtract(spendable);
        }
        return null;
    }
}

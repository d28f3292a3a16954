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
            BigDecimal received = hop.side() == OrderSide.BUY ? spendOnAsks(book, held) : sellIntoBids(book, held);
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

    /** The base bought by spending {@code quote} from the best ask up; null when the asks run out first. */
    private static BigDecimal spendOnAsks(BookSnapshot book, BigDecimal quote) {
        BigDecimal remaining = quote;
        BigDecimal bought = BigDecimal.ZERO;
        for (int i = 0; i < book.askPrices().length; i++) {
            BigDecimal price = BigDecimal.valueOf(book.askPrices()[i], book.priceScale());
            BigDecimal qty = BigDecimal.valueOf(book.askQtys()[i], book.qtyScale());
            BigDecimal cost = price.multiply(qty);
            if (cost.compareTo(remaining) >= 0) {
                return bought.add(remaining.divide(price, PARTIAL_LEVEL));
            }
            bought = bought.add(qty);
            remaining = remaining.subtract(cost);
        }
        return null;
    }

    /** The quote received by selling {@code base} from the best bid down; null when the bids run out first. */
    private static BigDecimal sellIntoBids(BookSnapshot book, BigDecimal base) {
        BigDecimal remaining = base;
        BigDecimal received = BigDecimal.ZERO;
        for (int i = 0; i < book.bidPrices().length; i++) {
            BigDecimal price = BigDecimal.valueOf(book.bidPrices()[i], book.priceScale());
            BigDecimal qty = BigDecimal.valueOf(book.bidQtys()[i], book.qtyScale());
            if (qty.compareTo(remaining) >= 0) {
                return received.add(remaining.multiply(price));
            }
            received = received.add(qty.multiply(price));
            remaining = remaining.subtract(qty);
        }
        return null;
    }
}

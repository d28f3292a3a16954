package io.crossbook.server.marketdata;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.model.FixedPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The API.md price object: a book's top levels as {@code [price, quantity]} decimal strings, best
 * first; {@code type} is the market ({@code spot|linear|inverse}); {@code ts} is the exchange's
 * time of the last update applied (epoch ms), or its local receive time where the exchange gives none.
 */
public record BookPrices(String exchange, String symbol, String type, List<List<String>> bids,
                         List<List<String>> asks, long ts) {

    static BookPrices of(BookSnapshot book, int depth) {
        return new BookPrices(book.instrument().venue().id(), book.instrument().symbol(), book.instrument().market().id(),
                levels(book.bidPrices(), book.bidQtys(), depth, book),
                levels(book.askPrices(), book.askQtys(), depth, book),
                book.exchangeTimeMillis() > 0 ? book.exchangeTimeMillis() : book.receiveNanos() / 1_000_000);
    }

    private static List<List<String>> levels(long[] prices, long[] qtys, int depth, BookSnapshot book) {
        int n = Math.min(depth, prices.length);
        List<List<String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(List.of(FixedPoint.format(prices[i], book.priceScale()), FixedPoint.format(qtys[i], book.qtyScale())));
        }
        return out;
    }
}

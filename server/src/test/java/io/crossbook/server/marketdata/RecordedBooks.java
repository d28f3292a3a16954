package io.crossbook.server.marketdata;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.replay.ReplaySession;
import io.crossbook.server.replay.ReplayTestData;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.Speed;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The expectations, computed apart from the collectors: a {@link ReplaySession} over the same
 * recording, and the book's levels written out with {@link java.math.BigDecimal}.
 */
public final class RecordedBooks {
    private RecordedBooks() {
    }

    /**
     * The feed handler after a whole recording, with every valid update's sequence and best bid
     * and ask on the way.
     */
    public record Replayed(FeedHandler<?> handler, List<Long> sequences, List<List<String>> tops) {
        OrderBook book(String symbol) {
            return handler.book(symbol);
        }

        BookSnapshot snapshot(String symbol, int depth) {
            return handler.book(symbol).snapshot(depth);
        }
    }

    public static Replayed replay(Venue venue, Market market, Path file) {
        List<Long> sequences = new ArrayList<>();
        List<List<String>> tops = new ArrayList<>();
        MarketDataListener listener = new MarketDataListener() {
            @Override
            public void onBook(OrderBook book) {
                sequences.add(book.sequence());
                tops.add(Arrays.asList(decimal(book.bestBid(), book.priceScale()),
                        decimal(book.bestAsk(), book.priceScale())));
            }
        };
        ReplaySession session = new ReplaySession(List.of(new ReplaySource(venue, market, List.of(file))),
                CleaningRules.DEFAULT, listener, Speed.MAX);
        session.run(n -> { });
        return new Replayed(session.handlers().get(0), sequences, tops);
    }

    /** {@code [[price, qty], ...]} of the top {@code depth} levels of one side, best first. */
    static List<List<String>> levels(BookSnapshot s, boolean bids, int depth) {
        long[] prices = bids ? s.bidPrices() : s.askPrices();
        long[] qtys = bids ? s.bidQtys() : s.askQtys();
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < Math.min(depth, prices.length); i++) {
            out.add(List.of(decimal(prices[i], s.priceScale()), decimal(qtys[i], s.qtyScale())));
        }
        return out;
    }

    static String decimal(long mantissa, int scale) {
        return mantissa == OrderBook.NO_PRICE ? null
                : FixedPoint.toBigDecimal(mantissa, scale).stripTrailingZeros().toPlainString();
    }

    /** The raw lines of a recording, gzip or plain, line ends stripped. */
    static List<String> lines(Path recording) {
        try {
            return recording.toString().endsWith(".gz") ? ReplayTestData.lines(recording)
                    : Files.readAllLines(recording).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of the first line at or after {@code from} that contains {@code text}. */
    static int indexOf(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text + " after line " + from);
    }

    /** A copy of a recording without one line: a message lost on the way. */
    static Path withoutLine(Path recording, int index, Path dir) {
        List<String> lines = new ArrayList<>(lines(recording));
        lines.remove(index);
        try {
            return Files.write(dir.resolve("lost-line-" + index + "-" + recording.getFileName() + ".txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

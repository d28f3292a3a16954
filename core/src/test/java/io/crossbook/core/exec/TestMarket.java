package io.crossbook.core.exec;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The engine's latest books as a test sets them, and a builder for hand-made books at an instrument's scales. */
final class TestMarket implements MarketView {
    private final Map<InstrumentId, BookSnapshot> books = new HashMap<>();

    @Override
    public BookSnapshot book(InstrumentId instrument) {
        return books.get(instrument);
    }

    /** Makes {@code book} the latest one of its instrument, and returns it. */
    BookSnapshot show(BookSnapshot book) {
        books.put(book.instrument(), book);
        return book;
    }

    static Builder bookOf(Instrument instrument) {
        return new Builder(instrument);
    }

    /** Levels as decimal strings, best first; quantities in order units, as the exchange shows them. */
    static final class Builder {
        private final Instrument instrument;
        private final List<String[]> bids = new ArrayList<>();
        private final List<String[]> asks = new ArrayList<>();

        private Builder(Instrument instrument) {
            this.instrument = instrument;
        }

        Builder bid(String price, String qty) {
            bids.add(new String[] {price, qty});
            return this;
        }

        Builder ask(String price, String qty) {
            asks.add(new String[] {price, qty});
            return this;
        }

        BookSnapshot build() {
            return snapshot(true);
        }

        /** The same levels, marked out of sync. */
        BookSnapshot invalid() {
            return snapshot(false);
        }

        private BookSnapshot snapshot(boolean valid) {
            int ps = instrument.priceScale();
            int qs = instrument.qtyScale();
            return new BookSnapshot(instrument.id(), ps, qs, column(bids, 0, ps), column(bids, 1, qs),
                    column(asks, 0, ps), column(asks, 1, qs), valid, 1, 0, ManualScheduler.T0);
        }

        private static long[] column(List<String[]> levels, int column, int scale) {
            return levels.stream().mapToLong(l -> FixedPoint.fromBigDecimal(new BigDecimal(l[column]), scale)).toArray();
        }
    }
}

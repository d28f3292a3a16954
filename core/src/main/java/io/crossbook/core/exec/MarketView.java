package io.crossbook.core.exec;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.model.InstrumentId;

/** The engine's latest books, read on the engine thread. */
@FunctionalInterface
public interface MarketView {
    /** The latest snapshot of a book while it is valid, else null (no data, or out of sync). */
    BookSnapshot book(InstrumentId instrument);
}

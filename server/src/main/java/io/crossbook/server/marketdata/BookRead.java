package io.crossbook.server.marketdata;

import io.crossbook.core.book.BookSnapshot;

/** What a collector answers for one of its books: a snapshot of it in sync, or why there is none. */
public sealed interface BookRead {

    /** @param cached served from the snapshot cache, without waiting for the feed thread */
    record InSync(BookSnapshot snapshot, boolean cached) implements BookRead {
    }

    record NotInSync(String reason) implements BookRead {
    }
}

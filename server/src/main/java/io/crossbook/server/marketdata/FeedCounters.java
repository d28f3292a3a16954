package io.crossbook.server.marketdata;

import io.crossbook.core.clean.FeedStats;
import io.crossbook.venues.common.FeedHandler;

/** A feed's counters summed over its books; {@code bookUpdates} are the book messages applied. */
record FeedCounters(long messages, long bookUpdates, long gaps, long resyncs, long checksumFailures, long anomalies) {
    static final FeedCounters ZERO = new FeedCounters(0, 0, 0, 0, 0, 0);

    /** The handler's counters; read on its feed thread. */
    static FeedCounters of(FeedHandler<?> handler) {
        FeedCounters sum = ZERO;
        if (handler != null) {
            for (FeedStats s : handler.stats()) {
                sum = sum.plus(new FeedCounters(s.messages(), s.applied(), s.gaps(), s.resyncs(), s.checksumFailures(),
                        s.anomalies()));
            }
        }
        return sum;
    }

    FeedCounters plus(FeedCounters o) {
        return new FeedCounters(messages + o.messages, bookUpdates + o.bookUpdates, gaps + o.gaps, resyncs + o.resyncs,
                checksumFailures + o.checksumFailures, anomalies + o.anomalies);
    }
}

package io.crossbook.server.replay;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.Venues;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MessageKind;
import io.crossbook.venues.common.ResyncRequester;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Feeds recorded sources through the same feed handlers the live connections use, merged by
 * receive time, at the requested pace, on the recording's clock (a source that goes quiet while the
 * others run is flagged stale as it would be live). A replay cannot ask the exchange for a snapshot: a book
 * that loses sync stays invalid until the recording brings the next one, and says so.
 */
public final class ReplaySession {
    private static final long STALE_CHECK_EVERY_NANOS = 1_000_000_000L;
    private final List<ReplaySource> sources;
    private final CleaningRules rules;
    private final MarketDataListener listener;
    private final Speed speed;
    private final List<FeedHandler<?>> handlers = new ArrayList<>();

    public ReplaySession(List<ReplaySource> sources, CleaningRules rules, MarketDataListener listener, Speed speed) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one --source is needed");
        }
        this.sources = List.copyOf(sources);
        this.rules = rules;
        this.listener = listener;
        this.speed = speed;
    }

    /** Replays everything; {@code progress} receives the count of messages so far, now and then. */
    public ReplayReport run(LongConsumer progress) {
        PriorityQueue<Cursor> queue = new PriorityQueue<>((a, b) -> Long.compare(a.head.receiveNanos(), b.head.receiveNanos()));
        for (ReplaySource source : sources) {
            FeedHandler<?> handler = Venues.protocol(source.venue(), source.market())
                    .newHandler(source.instruments(), rules, listener, ResyncRequester.NONE);
            handlers.add(handler);
            Cursor c = new Cursor(source, handler);
            if (c.advance()) {
                queue.add(c);
            }
        }
        long[] latencies = new long[1 << 16];
        int depth = 0;
        long depthNanos = 0;
        long messages = 0;
        long firstRecorded = -1;
        long lastStaleCheck = 0;
        long started = System.nanoTime();
        while (!queue.isEmpty()) {
            Cursor c = queue.poll();
            RecordedMessage m = c.head;
            if (!speed.isMax()) {
                if (firstRecorded < 0) {
                    firstRecorded = m.receiveNanos();
                }
                long due = started + speed.wallNanos(m.receiveNanos() - firstRecorded);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            long t0 = System.nanoTime();
            MessageKind kind = c.handler.onMessage(m.receiveNanos(), m.text());
            long spent = System.nanoTime() - t0;
            if (kind == MessageKind.BOOK) {
                if (depth == latencies.length) {
                    latencies = Arrays.copyOf(latencies, depth * 2);
                }
                latencies[depth++] = spent;
                depthNanos += spent;
            }
            if (m.receiveNanos() - lastStaleCheck >= STALE_CHECK_EVERY_NANOS) {
                // the recording's clock is every feed's clock: a source that went quiet is stale
                lastStaleCheck = m.receiveNanos();
                for (FeedHandler<?> h : handlers) {
                    h.checkStale(m.receiveNanos());
                }
            }
            if (++messages % 100_000 == 0) {
                progress.accept(messages);
            }
            if (c.advance()) {
                queue.add(c);
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies, 0, depth);
        return new ReplayReport(instrumentReports(), new ReplayReport.Throughput(messages, depth, wall,
                (long) (messages / Math.max(wall, 1e-9)), depthNanos == 0 ? 0 : (long) (depth * 1e9 / depthNanos),
                new ReplayReport.Percentiles(percentile(latencies, depth, 0.50), percentile(latencies, depth, 0.99),
                        percentile(latencies, depth, 0.999))));
    }

    /** The handlers, one per source, after {@link #run}. */
    public List<FeedHandler<?>> handlers() {
        return handlers;
    }

    private List<ReplayReport.InstrumentReport> instrumentReports() {
        List<ReplayReport.InstrumentReport> out = new ArrayList<>();
        for (FeedHandler<?> h : handlers) {
            for (FeedStats s : h.stats()) {
                OrderBook book = h.book(s.instrument().symbol());
                boolean usable = book.valid();
                out.add(new ReplayReport.InstrumentReport(h.venue().id(), h.market().id(), s.instrument().symbol(),
                        s.messages(), s.applied(), s.gaps(), s.resyncs(), s.checksumFailures(), s.anomalies(),
                        usable && book.bestBid() != OrderBook.NO_PRICE ? FixedPoint.format(book.bestBid(), book.priceScale()) : null,
                        usable && book.bestAsk() != OrderBook.NO_PRICE ? FixedPoint.format(book.bestAsk(), book.priceScale()) : null));
            }
        }
        return out;
    }

    private static long percentile(long[] sorted, int n, double q) {
        return n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.ceil(q * n) - 1)];
    }

    /** The next message of one source, across its files in order. */
    private static final class Cursor {
        final FeedHandler<?> handler;
        final RecordedFiles files;
        RecordedMessage head;

        Cursor(ReplaySource source, FeedHandler<?> handler) {
            this.handler = handler;
            this.files = new RecordedFiles(source.files());
        }

        boolean advance() {
            head = files.next();
            return head != null;
        }
    }
}

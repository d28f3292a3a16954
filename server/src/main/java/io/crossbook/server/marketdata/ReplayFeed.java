package io.crossbook.server.marketdata;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.server.replay.RecordedFiles;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.Speed;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.Venues;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MarketDataProtocol;
import io.crossbook.venues.common.ResyncRequester;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A feed that replays one venue-market's recording instead of connecting to the exchange, through
 * the feed handler the live connection uses. Like a live connection it owns one thread: the replay
 * runs there in small batches, and reads queued between two batches see the books between two
 * messages. At Nx, when the next message is not yet due, the replay reschedules itself for when it
 * is and leaves the thread to the reads meanwhile.
 *
 * <p>A replay cannot ask for a snapshot: a book that loses sync stays invalid until the recording
 * brings the next one. With {@code loop}, the end of the recording is handled like a reconnect:
 * every book is emptied and invalidated (listeners hear {@code onBookInvalid}), the handler is
 * replaced by a fresh one, and the next pass syncs from the recording's own snapshot, so no book
 * of one pass leaks into the next. Counters add up over the passes.
 */
final class ReplayFeed implements Feed {
    /** Messages per turn: a read waits for at most one batch (well under a millisecond at max). */
    private static final int BATCH = 256;

    private final ReplaySource source;
    private final MarketDataProtocol protocol;
    private final CleaningRules rules;
    private final MarketDataListener listener;
    private final Speed speed;
    private final boolean loop;
    private final String files;
    private final ScheduledThreadPoolExecutor thread;
    private volatile FeedState state = FeedState.STARTING;
    private volatile String failure;
    private volatile int pass;
    private volatile long replayed;
    private volatile long position;
    private volatile List<String> symbols = List.of();
    // Owned by the feed thread:
    private final Set<String> seen = new LinkedHashSet<>();
    private FeedHandler<?> handler;
    private FeedCounters earlierPasses = FeedCounters.ZERO;
    private RecordedFiles recording;
    private RecordedMessage next;
    private long passMessages;
    private long passStartedNanos;
    private long passFirstRecorded;

    ReplayFeed(ReplaySource source, CleaningRules rules, MarketDataListener listener, Speed speed, boolean loop) {
        this.source = source;
        this.protocol = Venues.protocol(source.venue(), source.market());
        this.rules = rules;
        this.listener = listener;
        this.speed = speed;
        this.loop = loop;
        this.files = source.files().stream().map(Path::getFileName).map(Path::toString).collect(Collectors.joining(", "));
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "replay-" + source);
            t.setDaemon(true);
            return t;
        });
        // On close, drop the pending turn of a paced replay rather than wait for it.
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void start() {
        continueWith(this::beginPass, 0);
    }

    @Override
    public FeedStatus status() {
        FeedState s = state;
        return new FeedStatus(s, switch (s) {
            case STARTING -> "opening " + files;
            case REPLAYING -> String.format(Locale.ROOT, "%s at %s%s, at %s", files, speed, loop ? ", pass " + pass : "",
                    recordedTime(position));
            case FINISHED -> String.format(Locale.ROOT, "replayed %,d messages of %s, to %s", replayed, files,
                    recordedTime(position));
            case FAILED -> failure;
            default -> "stopped";
        });
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }

    @Override
    public <T> CompletableFuture<T> read(Function<FeedHandler<?>, T> read, T whenClosed) {
        try {
            return CompletableFuture.supplyAsync(() -> read.apply(handler), thread);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(whenClosed);
        }
    }

    @Override
    public FeedCounters counters(FeedHandler<?> current) {
        return earlierPasses.plus(FeedCounters.of(current));
    }

    @Override
    public void close() {
        if (thread.isShutdown()) {
            return;
        }
        continueWith(() -> {
            state = FeedState.STOPPED;
            closeRecording();
        }, 0);
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void beginPass() {
        handler = protocol.newHandler(source.instruments(), rules, listener, ResyncRequester.NONE);
        recording = new RecordedFiles(source.files());
        pass++;
        passMessages = 0;
        passStartedNanos = System.nanoTime();
        passFirstRecorded = -1;
        state = FeedState.REPLAYING;
        pump();
    }

    /** One turn: up to a batch of the messages that are due, then the next turn is queued or scheduled. */
    private void pump() {
        int done = 0;
        long delay = 0;
        try {
            for (; done < BATCH; done++) {
                if (next == null && (next = recording.next()) == null) {
                    progress(done);
                    endOfRecording();
                    return;
                }
                if (!speed.isMax()) {
                    if (passFirstRecorded < 0) {
                        passFirstRecorded = next.receiveNanos();
                    }
                    delay = passStartedNanos + speed.wallNanos(next.receiveNanos() - passFirstRecorded) - System.nanoTime();
                    if (delay > 0) {
                        break;
                    }
                }
                handler.onMessage(next.receiveNanos(), next.text());
                position = next.receiveNanos();
                next = null;
            }
        } catch (RuntimeException e) {
            progress(done);
            fail(e);
            return;
        }
        progress(done);
        continueWith(this::pump, Math.max(delay, 0));
    }

    private void progress(int messages) {
        if (messages == 0) {
            return;
        }
        passMessages += messages;
        replayed += messages;
        if (seen.addAll(handler.symbols())) {
            symbols = List.copyOf(seen);
        }
    }

    private void endOfRecording() {
        closeRecording();
        if (!loop || passMessages == 0) {
            state = FeedState.FINISHED;
            return;
        }
        earlierPasses = earlierPasses.plus(FeedCounters.of(handler));
        handler.disconnected("replay restarting from the beginning of the recording");
        continueWith(this::beginPass, 0);
    }

    private void fail(RuntimeException e) {
        Throwable cause = e.getCause();
        failure = "cannot read the recording: " + e.getMessage() + (cause == null ? "" : ": " + cause);
        state = FeedState.FAILED;
        closeRecording();
        handler.disconnected(failure);
    }

    private void closeRecording() {
        if (recording != null) {
            try {
                recording.close();
            } catch (RuntimeException ignored) {
                // nothing more is read from it either way
            }
            recording = null;
        }
    }

    /** Queues a task on the feed thread, after {@code delayNanos}; once closed, nothing more runs. */
    private void continueWith(Runnable task, long delayNanos) {
        try {
            if (delayNanos > 0) {
                thread.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            } else {
                thread.execute(task);
            }
        } catch (RejectedExecutionException closed) {
            // closing: the replay stops here
        }
    }

    private static Instant recordedTime(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos).truncatedTo(ChronoUnit.MILLIS);
    }
}

package io.crossbook.testkit.sim;

import io.crossbook.core.model.Market;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.testkit.sim.MatchingEngine.BookKey;
import java.util.List;
import java.util.function.Predicate;

/**
 * The recorded market, played back through the simulated exchange one message at a time: each
 * message goes to the WebSocket clients subscribed to its stream (REST snapshots excepted), changes
 * the exchange's book, and fills the resting orders the new book crosses. The recordings of all
 * instruments play as one timeline in receive-time order.
 *
 * <p>Tests step it explicitly ({@link #step(int)}, {@link #stepUntilBooksReady()}), so that what a
 * client sees is deterministic; {@link #play(double)} plays it in the background at a multiple of the
 * recorded pace for tests that want the market to move by itself.
 */
public final class Replay {
    /** One recorded message of one book and what it means. */
    record Entry(BookKey key, RecordedMessage message, MarketEvent event) {
    }

    private final ExchangeSimulator simulator;
    private final List<Entry> timeline;
    private int position;
    private Thread player;

    Replay(ExchangeSimulator simulator, List<Entry> timeline) {
        this.simulator = simulator;
        this.timeline = List.copyOf(timeline);
    }

    /** Replays the next message; false when the recording is over. */
    public boolean step() {
        return step(1) == 1;
    }

    /** Replays the next {@code n} messages (fewer at the end); returns how many. */
    public int step(int n) {
        int done = 0;
        synchronized (simulator.lock) {
            while (done < n && position < timeline.size()) {
                simulator.deliver(timeline.get(position++));
                done++;
            }
        }
        return done;
    }

    /**
     * Starts the recording over as a new session of the exchange, for tests that need more market
     * than one pass holds: every WebSocket connection is closed and every book emptied, so clients
     * resync from a fresh snapshot as after any disconnect instead of seeing update ids and times
     * jump back on a stream they trust. The books are ready again once the recording's snapshot has
     * been replayed ({@link #stepUntilBooksReady()}); orders, balances and positions stay as they are.
     */
    public void restart() {
        synchronized (simulator.lock) {
            position = 0;
            simulator.engine.resetBooks();
            simulator.faults().disconnectAll();
        }
    }

    /** Replays every message left; returns how many. */
    public int playAll() {
        return step(Integer.MAX_VALUE);
    }

    /** Replays until the next message to come satisfies {@code stop} (which is not replayed); returns how many were. */
    public int stepUntil(Predicate<String> stop) {
        int done = 0;
        synchronized (simulator.lock) {
            while (position < timeline.size() && !stop.test(timeline.get(position).message().text())) {
                simulator.deliver(timeline.get(position++));
                done++;
            }
        }
        return done;
    }

    /** Replays until every book has its snapshot (and so a price); returns how many messages that took. */
    public int stepUntilBooksReady() {
        int done = 0;
        synchronized (simulator.lock) {
            while (position < timeline.size() && !simulator.booksReady()) {
                simulator.deliver(timeline.get(position++));
                done++;
            }
        }
        return done;
    }

    /**
     * Plays the rest in the background, keeping the recorded gaps between messages divided by
     * {@code speed}, until it ends or {@link #pause()} is called.
     */
    public synchronized void play(double speed) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
        pause();
        player = Thread.ofPlatform().daemon().name("exchange-simulator-replay").start(() -> playInBackground(speed));
    }

    /** Stops background play (if any) and waits for it to stop. */
    public synchronized void pause() {
        if (player != null) {
            player.interrupt();
            try {
                player.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            player = null;
        }
    }

    private void playInBackground(double speed) {
        long previous = Long.MIN_VALUE;
        while (!Thread.currentThread().isInterrupted()) {
            long next;
            synchronized (simulator.lock) {
                if (position >= timeline.size()) {
                    return;
                }
                next = timeline.get(position).message().receiveNanos();
            }
            if (previous != Long.MIN_VALUE && next > previous) {
                try {
                    long gap = (long) ((next - previous) / speed);
                    Thread.sleep(gap / 1_000_000, (int) (gap % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            previous = next;
            step(1);
        }
    }

    /** How many messages have been replayed. */
    public int position() {
        synchronized (simulator.lock) {
            return position;
        }
    }

    /** How many messages the recordings hold. */
    public int size() {
        return timeline.size();
    }

    public boolean finished() {
        return position() >= timeline.size();
    }

    /** The exchange's book now, every level. */
    public BookView book(Market market, String symbol) {
        return book(market, symbol, Integer.MAX_VALUE);
    }

    /** The exchange's book now, {@code depth} levels a side. */
    public BookView book(Market market, String symbol, int depth) {
        synchronized (simulator.lock) {
            return simulator.engine.book(market, symbol, depth);
        }
    }
}

package io.crossbook.core.engine;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The single writer: one thread runs every event and every timer, in order, so the state they
 * touch needs no locks. Two ways to drive it:
 * <ul>
 * <li>{@link #start()} gives it its own thread that takes events {@linkplain #post posted} by any
 *     thread, on the wall clock; timers run when their time comes.</li>
 * <li>{@link #runAt(long, Runnable)} runs an event on the caller's thread at a given engine time,
 *     first running every timer due by then: a replay drives it so with recorded receive times,
 *     and the same input gives the same run, byte for byte.</li>
 * </ul>
 * Use one or the other, never both on one engine.
 */
public final class Engine implements Scheduler, EngineClock {
    /**
     * How long the threaded engine spins for its next event before it parks, unless told otherwise:
     * a parked thread takes tens of µs to wake, which the event then waits for.
     */
    public static final long DEFAULT_SPIN_NANOS = 50_000;
    /** A spin that never ends: the engine never parks, and keeps a CPU busy while it runs. */
    public static final long BUSY_SPIN = Long.MAX_VALUE;

    private final String name;
    private final EngineClock wall;
    private final Consumer<RuntimeException> errors;
    private final long spinNanos;
    private final ConcurrentLinkedQueue<Runnable> inbound = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private volatile Thread thread;
    private volatile boolean running;
    private long now;
    private long timerSequence;

    private record Timer(long at, long sequence, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(sequence, o.sequence);
        }
    }

    /** An engine that spins {@link #DEFAULT_SPIN_NANOS} before it parks. */
    public Engine(String name, EngineClock wall, Consumer<RuntimeException> errors) {
        this(name, wall, errors, DEFAULT_SPIN_NANOS);
    }

    /**
     * @param wall      the clock of the threaded mode (ignored when driven by {@link #runAt})
     * @param errors    hears any exception an event or timer throws; the engine goes on with the next
     * @param spinNanos how long the threaded engine spins for its next event before it parks: 0
     *                  parks at once, {@link #BUSY_SPIN} never
     */
    public Engine(String name, EngineClock wall, Consumer<RuntimeException> errors, long spinNanos) {
        if (spinNanos < 0) {
            throw new IllegalArgumentException("an engine's spin cannot be negative: " + spinNanos + " ns");
        }
        this.name = name;
        this.wall = wall;
        this.errors = errors;
        this.spinNanos = spinNanos;
    }

    /** The engine time: the wall clock while threaded, the time of the event being run when driven. */
    @Override
    public long nowNanos() {
        return now;
    }

    /** On the engine thread only (an event or a timer); other threads {@link #post} an event that calls it. */
    @Override
    public void at(long atNanos, Runnable task) {
        timers.add(new Timer(atNanos, timerSequence++, task));
    }

    /** Queues an event for the engine thread; any thread may call it, and it never blocks. */
    public void post(Runnable event) {
        inbound.add(event);
        Thread t = thread;
        if (t != null && spinNanos != BUSY_SPIN) { // a busy-spinning engine is never parked
            LockSupport.unpark(t);
        }
    }

    /** True while the engine's own thread runs. */
    public boolean running() {
        return running;
    }

    /** True on the engine's own thread. */
    public boolean onEngineThread() {
        return Thread.currentThread() == thread;
    }

    /** Starts the engine's own thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops the thread after the event it is running; queued events are dropped. */
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        inbound.clear();
    }

    /**
     * Driven mode: runs every timer due at or before {@code atNanos}, each at its own time, then
     * {@code event} at {@code atNanos}. Time never goes backwards: an earlier time runs at the
     * current one.
     */
    public void runAt(long atNanos, Runnable event) {
        advanceTo(atNanos);
        run(event);
    }

    /** Driven mode: runs every timer due at or before {@code atNanos} and leaves the clock there. */
    public void advanceTo(long atNanos) {
        Timer next;
        while ((next = timers.peek()) != null && next.at <= atNanos) {
            timers.poll();
            now = Math.max(now, next.at);
            run(next.task);
        }
        now = Math.max(now, atNanos);
    }

    private void loop() {
        long idleSince = -1;
        while (running) {
            now = wall.nowNanos();
            runDueTimers();
            Runnable event = inbound.poll();
            if (event != null) {
                idleSince = -1;
                now = wall.nowNanos();
                run(event);
                continue;
            }
            long t = System.nanoTime();
            if (idleSince < 0) {
                idleSince = t;
            }
            if (t - idleSince < spinNanos) {
                Thread.onSpinWait();
                continue;
            }
            Timer next = timers.peek();
            if (next == null) {
                LockSupport.park(this);
            } else {
                long wait = next.at - wall.nowNanos();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                }
            }
            idleSince = -1;
        }
    }

    private void runDueTimers() {
        Timer next;
        while ((next = timers.peek()) != null && next.at <= now) {
            timers.poll();
            run(next.task);
        }
    }

    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            errors.accept(e);
        }
    }
}

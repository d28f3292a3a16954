package io.crossbook.core.exec;

import io.crossbook.core.engine.EngineClock;
import io.crossbook.core.engine.Scheduler;
import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/** The engine's clock and scheduler, driven by hand: tasks run in time order (then in order of scheduling) as time advances. */
final class ManualScheduler implements Scheduler, EngineClock {
    /** 2025-06-15T15:06:40Z, in epoch nanoseconds. */
    static final long T0 = 1_750_000_000_000_000_000L;

    private record Task(long atNanos, long seq, Runnable run) {
    }

    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>(Comparator.comparingLong(Task::atNanos).thenComparingLong(Task::seq));
    private long now = T0;
    private long scheduled;

    @Override
    public void at(long atNanos, Runnable task) {
        tasks.add(new Task(atNanos, scheduled++, task));
    }

    @Override
    public long nowNanos() {
        return now;
    }

    /** Runs every task due up to {@code nanos}, each at its own time (a task already late runs at once), then stops there. */
    void advanceTo(long nanos) {
        while (!tasks.isEmpty() && tasks.peek().atNanos() <= nanos) {
            Task task = tasks.poll();
            now = Math.max(now, task.atNanos());
            task.run().run();
        }
        now = Math.max(now, nanos);
    }

    /** Advances to {@code T0 + offset}. */
    void advanceTo(Duration sinceT0) {
        advanceTo(T0 + sinceT0.toNanos());
    }

    /** Runs what is due now, without moving time. */
    void runDue() {
        advanceTo(now);
    }
}

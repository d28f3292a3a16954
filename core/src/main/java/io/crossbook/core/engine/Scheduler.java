package io.crossbook.core.engine;

/**
 * Runs tasks on the engine thread at a given engine time. In a replay a task due at {@code t}
 * runs before the first event received at or after {@code t}; live, a timer wakes the engine.
 */
public interface Scheduler {
    /** Runs {@code task} on the engine thread once the engine clock reaches {@code atNanos}. */
    void at(long atNanos, Runnable task);
}

package io.crossbook.core.engine;

/**
 * The engine's time, in epoch nanoseconds. Live it is the wall clock; in a replay it is the
 * recorded receive time of the event being handled, so that a replay is deterministic.
 */
@FunctionalInterface
public interface EngineClock {
    long nowNanos();

    default long nowMillis() {
        return Math.floorDiv(nowNanos(), 1_000_000L);
    }

    /** The wall clock, for live trading. */
    static EngineClock wall() {
        return () -> {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}

package io.crossbook.venues.common;

import java.time.Instant;

/** Local receive timestamps: wall-clock time in epoch nanoseconds (microsecond resolution on Linux). */
public final class EpochNanos {
    private EpochNanos() {
    }

    public static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

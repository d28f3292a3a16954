package io.crossbook.venues.common;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter for reconnects and retries: the n-th delay is uniform in
 * [0, min(max, base * 2^n)], so that many clients do not retry in step.
 */
public final class Backoff {
    private final long baseMillis;
    private final long maxMillis;
    private int attempts;

    public Backoff(Duration base, Duration max) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The delay before the next attempt; each call backs off further. */
    public Duration next() {
        long ceiling = Math.min(maxMillis, baseMillis << Math.min(attempts, 20));
        attempts++;
        return Duration.ofMillis(Math.max(baseMillis / 2, ThreadLocalRandom.current().nextLong(ceiling + 1)));
    }

    public void reset() {
        attempts = 0;
    }

    public int attempts() {
        return attempts;
    }
}

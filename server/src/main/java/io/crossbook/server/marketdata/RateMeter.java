package io.crossbook.server.marketdata;

import java.util.ArrayDeque;

/**
 * Events per second over a sliding window, from samples of a cumulative count taken now and then.
 * Thread-safe.
 */
final class RateMeter {
    private final long windowNanos;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {nanoTime, count}

    RateMeter(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    synchronized void sample(long nanos, long count) {
        if (!samples.isEmpty() && count < samples.peekLast()[1]) {
            samples.clear(); // the count started over: earlier samples say nothing about the new one
        }
        samples.addLast(new long[] {nanos, count});
        while (samples.size() > 2 && nanos - samples.peekFirst()[0] > windowNanos) {
            samples.pollFirst();
        }
    }

    /** The rate between the oldest and the newest sample in the window; 0 with fewer than two. */
    synchronized double perSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        return last[0] == first[0] ? 0 : (last[1] - first[1]) * 1e9 / (last[0] - first[0]);
    }

    synchronized void clear() {
        samples.clear();
    }
}

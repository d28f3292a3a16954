package io.crossbook.testkit.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The exchange's request-weight limit, per limit group, over a sliding window (stricter than the
 * exchanges' fixed windows, so a client that passes here passes there). A request that would go
 * beyond the limit is answered 429 with the seconds until enough weight has aged out; a request sent
 * while told to wait gets the client banned: 418 for {@code banDuration}. Refused requests use no
 * weight.
 */
final class WeightLimiter {
    /** Pass ({@code status} 0) with the weight now used, or refuse with 429 or 418 and Retry-After. */
    record Verdict(int status, Duration retryAfter, int usedWeight) {
        boolean passed() {
            return status == 0;
        }
    }

    private static final class Group {
        final ArrayDeque<long[]> admitted = new ArrayDeque<>();
        int used;
        long waitUntil;
        long bannedUntil;
        boolean waiting;
        boolean banned;
    }

    private final ToIntFunction<String> limits;
    private final long windowNanos;
    private final Duration banDuration;
    private final Map<String, Group> groups = new HashMap<>();

    WeightLimiter(ToIntFunction<String> limits, Duration window, Duration banDuration) {
        this.limits = limits;
        this.windowNanos = window.toNanos();
        this.banDuration = banDuration;
    }

    synchronized Verdict admit(String groupName, int weight, long now) {
        Group g = groups.computeIfAbsent(groupName, n -> new Group());
        while (!g.admitted.isEmpty() && now - g.admitted.peekFirst()[0] >= windowNanos) {
            g.used -= (int) g.admitted.pollFirst()[1];
        }
        if (g.banned && g.bannedUntil - now > 0) {
            return new Verdict(418, wholeSeconds(g.bannedUntil - now), g.used);
        }
        g.banned = false;
        if (g.waiting && g.waitUntil - now > 0) {
            ban(g, now, banDuration);
            return new Verdict(418, banDuration, g.used);
        }
        g.waiting = false;
        int limit = limits.applyAsInt(groupName);
        if (g.used + weight > limit) {
            long freed = 0;
            long until = now;
            for (long[] admitted : g.admitted) {
                freed += admitted[1];
                until = admitted[0] + windowNanos;
                if (g.used - freed + weight <= limit) {
                    break;
                }
            }
            Duration retryAfter = wholeSeconds(until - now);
            told(g, now, retryAfter);
            return new Verdict(429, retryAfter, g.used);
        }
        g.admitted.addLast(new long[] {now, weight});
        g.used += weight;
        return new Verdict(0, Duration.ZERO, g.used);
    }

    /** A fault answered 429 or 418 in {@code groupName}: the client is now told to wait, or banned. */
    synchronized void answered(String groupName, int status, Duration retryAfter, long now) {
        Group g = groups.computeIfAbsent(groupName, n -> new Group());
        if (status == 418) {
            ban(g, now, retryAfter);
        } else if (status == 429) {
            told(g, now, retryAfter);
        }
    }

    private static void told(Group g, long now, Duration retryAfter) {
        g.waiting = true;
        g.waitUntil = now + retryAfter.toNanos();
    }

    private static void ban(Group g, long now, Duration duration) {
        g.banned = true;
        g.bannedUntil = now + duration.toNanos();
    }

    /** Rounded up to whole seconds, as the Retry-After header counts, and at least one. */
    private static Duration wholeSeconds(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}

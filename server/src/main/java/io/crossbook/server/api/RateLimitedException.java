package io.crossbook.server.api;

import java.time.Duration;

/** {@code RATE_LIMITED}: the client may try again after {@link #retryAfter()} (sent as Retry-After). */
public class RateLimitedException extends ApiException {
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The Retry-After header's value. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    /** Whole seconds, rounded up and at least one, as the Retry-After header wants them. */
    public static long wholeSeconds(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}

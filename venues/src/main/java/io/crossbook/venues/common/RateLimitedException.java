package io.crossbook.venues.common;

import java.time.Duration;

/**
 * The exchange answered 429 (too many requests) or 418 (banned for a while): nothing was carried out.
 * {@code retryAfter} is how long it asked us to wait.
 */
public final class RateLimitedException extends ExchangeUnavailableException {
    private final Duration retryAfter;
    private final boolean banned;

    public RateLimitedException(String message, Duration retryAfter, boolean banned) {
        super(message, null, false);
        this.retryAfter = retryAfter;
        this.banned = banned;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** True for a 418: the exchange banned the address after it kept sending through 429s. */
    public boolean banned() {
        return banned;
    }
}

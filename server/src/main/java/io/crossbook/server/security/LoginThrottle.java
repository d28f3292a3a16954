package io.crossbook.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.crossbook.server.api.RateLimitedException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing: after {@code maxFailures} failed sign-ins for one username, or from one
 * client address, within a window that starts at the first failure, further attempts for it are
 * refused until the window ends, even with the right password (else the refusal itself would
 * confirm a guess). Counters live in memory; a restart clears them.
 */
public final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** Bounds the memory an attacker can fill with made-up usernames or addresses. */
    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Ticker ticker;
    private final Cache<String, Failures> failures;

    public LoginThrottle(int maxFailures, Duration window, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfter(Expiry.<String, Failures>creating((key, value) -> window))
                .maximumSize(MAX_TRACKED)
                .build();
    }

    /** Refuses with {@code RATE_LIMITED} while the username or the address is locked out. */
    public void check(String username, String clientAddress) {
        long now = ticker.read();
        for (String key : new String[] {userKey(username), addressKey(clientAddress)}) {
            Failures f = failures.getIfPresent(key);
            if (f != null && f.count() >= maxFailures) {
                Duration retryAfter = window.minusNanos(now - f.since());
                throw new RateLimitedException("too many failed sign-ins; try again in "
                        + RateLimitedException.wholeSeconds(retryAfter) + " s", retryAfter);
            }
        }
    }

    public void recordFailure(String username, String clientAddress) {
        long now = ticker.read();
        for (String key : new String[] {userKey(username), addressKey(clientAddress)}) {
            Failures f = failures.asMap().merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, old.since()));
            if (f.count() == maxFailures) {
                LOG.warn("sign-in locked for {} after {} failures", key, maxFailures);
            }
        }
    }

    /** A correct password clears the username's failures; the address keeps its count. */
    public void recordSuccess(String username) {
        failures.invalidate(userKey(username));
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** Failures counted since {@code since} ({@link Ticker} nanoseconds). */
    private record Failures(int count, long since) {
    }
}

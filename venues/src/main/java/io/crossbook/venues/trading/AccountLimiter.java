package io.crossbook.venues.trading;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.RateLimitedException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * One exchange account's request budget, shared by every strategy that trades on it: a request
 * weight per window and an order count per window, as the exchange publishes them, and the pause a
 * 429 or 418 orders.
 *
 * <p>The exchanges count in fixed windows whose alignment we do not know, and a Resilience4j limiter
 * refills in cycles of its own: a window of the exchange's length can overlap {@value #CYCLES_PER_WINDOW}
 * + 1 of our cycles, so each cycle gets 1/({@value #CYCLES_PER_WINDOW} + 1) of the limit and no window
 * of the exchange's length ever sees more than the limit.
 */
public final class AccountLimiter {
    static final int CYCLES_PER_WINDOW = 10;

    /**
     * @param weight      request weight allowed per {@code weightWindow}
     * @param orders      orders allowed per {@code orderWindow}
     * @param maxWait     how long a call may wait for budget before it is refused here, unsent
     */
    public record Limits(int weight, Duration weightWindow, int orders, Duration orderWindow, Duration maxWait) {
        public Limits {
            if (weight < CYCLES_PER_WINDOW + 1 || orders < 1) {
                throw new IllegalArgumentException("limits too small: weight " + weight + ", orders " + orders);
            }
            Objects.requireNonNull(weightWindow, "weightWindow");
            Objects.requireNonNull(orderWindow, "orderWindow");
            Objects.requireNonNull(maxWait, "maxWait");
        }
    }

    private final Venue venue;
    private final Limits limits;
    private final RateLimiter weight;
    private final RateLimiter orders;
    /** {@link System#nanoTime()} may be any value, even negative: only differences of it mean anything. */
    private volatile long pausedUntilNanos;
    private volatile String pauseReason;

    public AccountLimiter(Venue venue, Limits limits) {
        this.venue = venue;
        this.limits = limits;
        this.weight = limiter(venue.id() + "-weight", limits.weight(), limits.weightWindow(), limits.maxWait());
        this.orders = limiter(venue.id() + "-orders", limits.orders(), limits.orderWindow(), limits.maxWait());
        this.pausedUntilNanos = System.nanoTime();
    }

    private static RateLimiter limiter(String name, int limit, Duration window, Duration maxWait) {
        int perCycle = Math.max(1, limit / (CYCLES_PER_WINDOW + 1));
        return RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(perCycle)
                .limitRefreshPeriod(window.dividedBy(CYCLES_PER_WINDOW))
                .timeoutDuration(maxWait)
                .build());
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Takes {@code requestWeight} (and one order when {@code order}) from the budget, waiting at most
     * {@code maxWait}; a request the budget cannot carry in time, or one made while the exchange has
     * told us to wait, is refused with {@link RateLimitedException} and never sent.
     */
    public void acquire(int requestWeight, boolean order) {
        long pausedFor = pausedUntilNanos - System.nanoTime();
        if (pausedFor > 0) {
            throw new RateLimitedException(venue.id() + ": not sent, " + pauseReason + " (" + Duration.ofNanos(pausedFor).toMillis()
                    + " ms left)", Duration.ofNanos(pausedFor), false);
        }
        if (order && !orders.acquirePermission()) {
            throw new RateLimitedException(venue.id() + ": not sent, the order-rate limit (" + limits.orders() + " per "
                    + limits.orderWindow() + ") is used up", limits.orderWindow().dividedBy(CYCLES_PER_WINDOW), false);
        }
        // A request heavier than one cycle's permits takes them over several cycles: its whole weight
        // is counted, never just the part one cycle can carry.
        int perCycle = weight.getRateLimiterConfig().getLimitForPeriod();
        int cycles = (requestWeight + perCycle - 1) / perCycle;
        Duration cycle = limits.weightWindow().dividedBy(CYCLES_PER_WINDOW);
        if (cycle.multipliedBy(Math.max(0, cycles - 1)).compareTo(limits.maxWait()) > 0) {
            throw weightUsedUp(cycle);
        }
        for (int left = requestWeight; left > 0; left -= perCycle) {
            if (!weight.acquirePermission(Math.min(left, perCycle))) {
                throw weightUsedUp(cycle);
            }
        }
    }

    private RateLimitedException weightUsedUp(Duration retryAfter) {
        return new RateLimitedException(venue.id() + ": not sent, the request-weight limit (" + limits.weight() + " per "
                + limits.weightWindow() + ") is used up", retryAfter, false);
    }

    /** The exchange answered 429 or 418: nothing more is sent on this account until {@code retryAfter} has passed. */
    public void pause(RateLimitedException e) {
        long until = System.nanoTime() + e.retryAfter().toNanos();
        if (until - pausedUntilNanos > 0) {
            pauseReason = "the exchange asked us to wait" + (e.banned() ? " (418, banned)" : " (429)");
            pausedUntilNanos = until;
        }
    }
}

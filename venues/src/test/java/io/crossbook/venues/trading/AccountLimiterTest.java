package io.crossbook.venues.trading;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.RateLimitedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The account's budget before and after the exchange asks it to wait. */
class AccountLimiterTest {
    private final AccountLimiter limiter = new AccountLimiter(Venue.BYBIT,
            new AccountLimiter.Limits(50, Duration.ofSeconds(1), 10, Duration.ofSeconds(1), Duration.ofSeconds(1)));

    @Test
    void aFreshLimiterIsNotPaused() {
        assertThatCode(() -> limiter.acquire(1, true)).doesNotThrowAnyException();
    }

    @Test
    void afterAPauseNothingIsSentUntilItHasPassed() throws InterruptedException {
        limiter.pause(new RateLimitedException("429", Duration.ofMillis(200), false));

        assertThatThrownBy(() -> limiter.acquire(1, false)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("not sent, the exchange asked us to wait (429)");
        Thread.sleep(250);
        assertThatCode(() -> limiter.acquire(1, false)).doesNotThrowAnyException();
    }
}

package io.crossbook.venues.trading;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.RateLimitedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountLimiterTest {
    private static final AccountLimiter.Limits LIMITS = new AccountLimiter.Limits(60, Duration.ofSeconds(2), 60,
            Duration.ofSeconds(2), Duration.ofSeconds(2));

    @Test
    void aNewLimiterIsNotPausedWhateverTheMachinesNanoTime() {
        AccountLimiter limiter = new AccountLimiter(Venue.OKX, LIMITS);

        assertThatCode(() -> limiter.acquire(1, true)).doesNotThrowAnyException();
    }

    @Test
    void afterARateLimitNothingIsSentUntilTheExchangesWaitHasPassed() throws InterruptedException {
        AccountLimiter limiter = new AccountLimiter(Venue.OKX, LIMITS);

        limiter.pause(new RateLimitedException("429", Duration.ofMillis(200), false));

        assertThatThrownBy(() -> limiter.acquire(1, false)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("not sent");
        Thread.sleep(250);
        assertThatCode(() -> limiter.acquire(1, false)).doesNotThrowAnyException();
    }
}

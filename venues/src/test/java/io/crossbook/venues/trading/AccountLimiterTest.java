package io.crossbook.venues.trading;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.RateLimitedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An account's budget: it lets requests through until the limit or a pause the exchange ordered. */
class AccountLimiterTest {
    private final AccountLimiter limiter = new AccountLimiter(Venue.BINANCE, new AccountLimiter.Limits(1100,
            Duration.ofMinutes(1), 11, Duration.ofSeconds(10), Duration.ZERO));

    @Test
    void aNewLimiterLetsRequestsThrough() {
        assertThatCode(() -> limiter.acquire(1, true)).doesNotThrowAnyException();
        assertThatCode(() -> limiter.acquire(20, false)).doesNotThrowAnyException();
    }

    @Test
    void nothingIsSentWhileTheExchangesPauseLasts() {
        limiter.pause(new RateLimitedException("429", Duration.ofMinutes(1), false));

        assertThatThrownBy(() -> limiter.acquire(1, false)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("not sent, the exchange asked us to wait (429)");
    }

    @Test
    void aUsedUpBudgetRefusesWithoutSending() {
        limiter.acquire(1, true);

        assertThatThrownBy(() -> limiter.acquire(1, true)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("order-rate limit");
    }
}

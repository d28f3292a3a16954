package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.api.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), nanos::get);

    @Test
    void theFifthFailureForAUsernameLocksItUntilTheWindowEnds() {
        failures("alice", "10.0.0.1", 4);
        assertThatCode(() -> throttle.check("alice", "10.0.0.9")).doesNotThrowAnyException();
        failures("alice", "10.0.0.2", 1);
        advance(Duration.ofMinutes(5));

        RateLimitedException refused = catchThrowableOfType(RateLimitedException.class, () -> throttle.check("alice", "10.0.0.9"));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(refused.getMessage()).isEqualTo("too many failed sign-ins; try again in 600 s");
        advance(Duration.ofMinutes(10));
        assertThatCode(() -> throttle.check("alice", "10.0.0.9")).doesNotThrowAnyException();
    }

    @Test
    void theWindowStartsAtTheFirstFailure() {
        failures("alice", "10.0.0.1", 4);
        advance(Duration.ofMinutes(16));
        failures("alice", "10.0.0.1", 4);

        assertThatCode(() -> throttle.check("alice", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void usernamesAreCountedWhateverTheirCase() {
        failures("Alice", "10.0.0.1", 3);
        failures("ALICE", "10.0.0.2", 2);

        assertThat(catchThrowableOfType(RateLimitedException.class, () -> throttle.check("alice", "10.0.0.3"))).isNotNull();
    }

    @Test
    void fiveFailuresFromOneAddressLockItForEveryUsername() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i, "10.0.0.1");
        }

        assertThat(catchThrowableOfType(RateLimitedException.class, () -> throttle.check("bob", "10.0.0.1"))).isNotNull();
        assertThatCode(() -> throttle.check("bob", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void successClearsTheUsernameButNotTheAddress() {
        failures("alice", "10.0.0.1", 4);
        throttle.recordSuccess("alice");
        failures("alice", "10.0.0.2", 4);
        assertThatCode(() -> throttle.check("alice", "10.0.0.3")).doesNotThrowAnyException();

        throttle.recordFailure("carol", "10.0.0.1");

        assertThat(catchThrowableOfType(RateLimitedException.class, () -> throttle.check("dave", "10.0.0.1"))).isNotNull();
    }

    private void failures(String username, String address, int count) {
        for (int i = 0; i < count; i++) {
            throttle.recordFailure(username, address);
        }
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}

package io.crossbook.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weight window sums and the limiter's 429-then-418 rule, on a clock the test controls. */
class WeightAccountingTest {
    private static final long MS = 1_000_000L;

    private static LoggedRequest at(long millis, int weight) {
        return new LoggedRequest(millis * MS, "GET", "/api/v3/depth", RequestKind.MARKET_DATA, "api", weight, 200);
    }

    @Test
    void theHeaviestWindowIsFoundWhereverItStarts() {
        List<LoggedRequest> requests = List.of(at(0, 5), at(100, 10), at(250, 20), at(1000, 1));

        assertThat(ExchangeSimulator.maxWeight(requests, 300 * MS)).as("0, 100 and 250 ms fit in 300 ms").isEqualTo(35);
        assertThat(ExchangeSimulator.maxWeight(requests, 250 * MS)).as("250 ms after the first is outside a 250 ms window").isEqualTo(30);
        assertThat(ExchangeSimulator.maxWeight(requests, 150 * MS)).isEqualTo(20);
        assertThat(ExchangeSimulator.maxWeight(requests, 2000 * MS)).isEqualTo(36);
        assertThat(ExchangeSimulator.maxWeight(List.of(), 2000 * MS)).isZero();
    }

    @Test
    void beyondTheLimitIs429UntilWeightAgesOutAndSendingWhileToldToWaitIsA418Ban() {
        WeightLimiter limiter = new WeightLimiter(group -> 10, Duration.ofSeconds(1), Duration.ofSeconds(120));

        assertThat(limiter.admit("api", 5, 0).passed()).isTrue();
        assertThat(limiter.admit("api", 5, 100 * MS).usedWeight()).isEqualTo(10);
        WeightLimiter.Verdict over = limiter.admit("api", 1, 200 * MS);
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.retryAfter()).as("the first 5 ages out at 1000 ms: 800 ms, rounded up").isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.admit("fapi", 1, 200 * MS).passed()).as("another budget").isTrue();

        WeightLimiter.Verdict banned = limiter.admit("api", 1, 300 * MS);
        assertThat(banned.status()).isEqualTo(418);
        assertThat(banned.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(limiter.admit("api", 1, 60_000 * MS).status()).isEqualTo(418);
        assertThat(limiter.admit("api", 1, 120_300 * MS).passed()).as("the ban is over and the window empty").isTrue();
    }

    @Test
    void aClientThatWaitsAfterA429IsServedAgain() {
        WeightLimiter limiter = new WeightLimiter(group -> 10, Duration.ofSeconds(1), Duration.ofSeconds(120));
        limiter.admit("api", 10, 0);
        WeightLimiter.Verdict over = limiter.admit("api", 1, 100 * MS);
        assertThat(over.status()).isEqualTo(429);

        assertThat(limiter.admit("api", 1, 100 * MS + over.retryAfter().toNanos()).passed()).isTrue();
    }
}

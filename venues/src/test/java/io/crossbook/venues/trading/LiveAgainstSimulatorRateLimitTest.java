package io.crossbook.venues.trading;

import static io.crossbook.testkit.sim.binance.BinanceSimulator.SPOT_BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.model.Market;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.LoggedRequest;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.binance.BinanceSimProtocol;
import io.crossbook.testkit.sim.binance.BinanceSimulator;
import io.crossbook.venues.binance.BinanceTrading;
import io.crossbook.venues.common.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, rate limits: the real Binance adapter's spot budget, measured by the simulator. A storm of
 * calls from many threads never puts more weight on the wire than the budget in any window, what
 * the budget cannot carry is refused here unsent, and a 429 stops everything until its Retry-After.
 */
class LiveAgainstSimulatorRateLimitTest {
    static final int BUDGET = 300;
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final AccountLimiter.Limits SMALL_SPOT = new AccountLimiter.Limits(BUDGET, WINDOW, 50, Duration.ofSeconds(10),
            Duration.ofMillis(100));

    private ExchangeSimulator sim;
    private BinanceTrading trading;

    @BeforeEach
    void start() {
        sim = BinanceSimulator.builder()
                .account(new SimAccount(SimTrading.KEY, SimTrading.SECRET).spot("USDT", "100000").futures("USDT", "100000"))
                .start();
        sim.replay().stepUntilBooksReady();
        trading = SimTrading.trading(sim, SMALL_SPOT, BinanceTrading.FUTURES_LIMITS);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** 8 threads × 40 order lookups and open-order listings (weights 4 and 80) against a 300-per-10 s budget. */
    @Test
    void aStormNeverExceedsTheBudgetInAnyWindowAndWhatItCannotCarryIsNeverSent() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> other = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> storm = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int t = thread;
                storm.add(pool.submit(() -> {
                    for (int call = 0; call < 40; call++) {
                        try {
                            if (call % 10 == 9) {
                                trading.openOrders(Market.SPOT);
                            } else {
                                assertThat(trading.query(SPOT_BTCUSDT, "storm" + t + "x" + call)).isNull();
                            }
                            sent.incrementAndGet();
                        } catch (RateLimitedException e) {
                            refused.incrementAndGet();
                        } catch (Throwable e) {
                            other.add(e);
                        }
                    }
                }));
            }
            for (Future<?> f : storm) {
                f.get();
            }
        }

        assertThat(other).isEmpty();
        assertThat(sent.get() + refused.get()).isEqualTo(320);
        assertThat(refused.get()).as("the budget cannot carry the storm").isPositive();
        List<LoggedRequest> onTheWire = sim.requests().stream()
                .filter(r -> r.limitGroup().equals(BinanceSimProtocol.SPOT_LIMITS)).toList();
        assertThat(onTheWire).as("refused calls were never sent").hasSize(sent.get());
        assertThat(onTheWire).noneMatch(r -> r.status() == 429 || r.status() == 418);
        assertThat(sim.maxWeightInAnyWindow(BinanceSimProtocol.SPOT_LIMITS, WINDOW))
                .as("the most weight the simulator saw in any %s", WINDOW).isLessThanOrEqualTo(BUDGET);
    }

    /**
     * Listing every open spot order weighs 80, more than one of the budget's cycles (27) carries: a
     * heavy call waits for its whole weight (here up to 3 s), so four never go out within one window of 300.
     */
    @Test
    void aHeavyCallCountsItsWholeWeight() {
        trading = SimTrading.trading(sim, new AccountLimiter.Limits(BUDGET, WINDOW, 50, Duration.ofSeconds(10),
                Duration.ofSeconds(3)), BinanceTrading.FUTURES_LIMITS);
        long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        int sent = 0;
        while (System.nanoTime() < end) {
            try {
                trading.openOrders(Market.SPOT);
                sent++;
            } catch (RateLimitedException e) {
                // refused here, unsent
            }
        }

        assertThat(sent).as("80-weight calls sent within 4 s of a 300-per-10 s budget").isBetween(1, BUDGET / 80);
        assertThat(sim.maxWeightInAnyWindow(BinanceSimProtocol.SPOT_LIMITS, WINDOW)).isLessThanOrEqualTo(BUDGET);
    }

    /** A 429 with Retry-After 2 s: nothing reaches the exchange until the 2 s have passed, then calls go through again. */
    @Test
    void a429PausesTheBudgetUntilItsRetryAfterHasPassed() {
        sim.faults().rateLimitNext(1, Duration.ofSeconds(2));

        assertThatThrownBy(() -> trading.query(SPOT_BTCUSDT, "first")).isInstanceOf(RateLimitedException.class);
        int afterThe429 = sim.requests().size();
        assertThatThrownBy(() -> trading.query(SPOT_BTCUSDT, "second")).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("not sent");
        assertThat(sim.requests()).as("the refused call was not sent").hasSize(afterThe429);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).ignoreException(RateLimitedException.class)
                .until(() -> trading.query(SPOT_BTCUSDT, "third") == null);

        List<LoggedRequest> requests = sim.requests();
        assertThat(requests).extracting(LoggedRequest::status).as("no ban: nothing was sent early").doesNotContain(418);
        LoggedRequest limited = requests.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        LoggedRequest next = requests.get(requests.indexOf(limited) + 1);
        assertThat(Duration.ofNanos(next.nanoTime() - limited.nanoTime())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(requests).hasSize(afterThe429 + 1);
    }
}

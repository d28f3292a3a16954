package io.crossbook.venues.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.engine.Engine;
import io.crossbook.core.engine.EngineClock;
import io.crossbook.core.exec.ExecutionListener;
import io.crossbook.core.exec.ExecutionPolicy;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.LegExecution;
import io.crossbook.core.exec.LegExecution.Leg;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running engine with live venues over real {@link TradingApi} adapters pointed at exchange
 * simulators, for scenarios that run a {@link LegExecution} and then look at what the simulators
 * booked. Each venue listens to its account's private stream and is polled every 50 ms (which reads
 * orders over REST only while the stream is down).
 */
final class LegScenario implements AutoCloseable {
    static final ExecutionPolicy POLICY = new ExecutionPolicy(new BigDecimal("0.01"), Duration.ofSeconds(2), Duration.ofSeconds(2), 1);
    /** The time every scenario must end in: entry, a lost answer looked up, a retry and an unwind. */
    static final Duration BOUND = Duration.ofSeconds(10);
    static final LiveVenue.Settings SETTINGS = new LiveVenue.Settings(SimTrading.RECV_WINDOW, Duration.ofMillis(50),
            Duration.ofMillis(200));

    final List<RuntimeException> engineErrors = new CopyOnWriteArrayList<>();
    final List<String> alerts = new CopyOnWriteArrayList<>();
    final List<OrderRequest> submitted = new CopyOnWriteArrayList<>();
    final List<OrderEvent> events = new CopyOnWriteArrayList<>();
    private final Engine engine = new Engine("scenario", EngineClock.wall(), engineErrors::add);
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final List<LiveVenue> venues = new CopyOnWriteArrayList<>();
    private final List<PrivateStream> streams = new CopyOnWriteArrayList<>();

    LegScenario() {
        engine.start();
        poller.scheduleAtFixedRate(() -> venues.forEach(LiveVenue::poll), 50, 50, TimeUnit.MILLISECONDS);
    }

    /** A venue over {@code api} that learns order state over REST alone (its private stream is never opened). */
    LiveVenue polledVenue(TradingApi api) {
        LiveVenue venue = new LiveVenue(api, engine::post, Clock.systemUTC(), SETTINGS, alerts::add);
        venues.add(venue);
        return venue;
    }

    /** A venue over {@code api}, listening to its private stream (waited for until it is up). */
    LiveVenue venue(TradingApi api) {
        LiveVenue venue = polledVenue(api);
        PrivateStream stream = api.openPrivateStream(venue);
        streams.add(stream);
        await().atMost(Duration.ofSeconds(30)).until(stream::isConnected);
        return venue;
    }

    /** Runs the execution ({@code second} may be null) on the engine thread and waits at most {@link #BOUND} for its result. */
    ExecutionResult execute(String id, Leg first, Leg second) {
        AtomicReference<ExecutionResult> done = new AtomicReference<>();
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void orderSubmitted(String executionId, OrderRequest order, long ts) {
                submitted.add(order);
            }

            @Override
            public void orderEvent(String executionId, OrderRequest order, OrderEvent event) {
                events.add(event);
            }

            @Override
            public void finished(ExecutionResult result) {
                done.set(result);
            }
        };
        long started = System.nanoTime();
        engine.post(() -> new LegExecution(id, first, second, POLICY, engine, engine, listener).start());
        ExecutionResult result = await().atMost(BOUND).until(done::get, r -> r != null);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
        assertThat(engineErrors).isEmpty();
        return result;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        streams.forEach(PrivateStream::close);
        engine.stop();
    }
}

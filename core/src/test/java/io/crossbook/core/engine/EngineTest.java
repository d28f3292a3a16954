package io.crossbook.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EngineTest {

    @Nested
    class DrivenAtRecordedTimes {
        final List<String> log = new ArrayList<>();
        final List<RuntimeException> errors = new ArrayList<>();
        final Engine engine = new Engine("test", () -> -1, errors::add);

        @Test
        void timersDueByAnEventRunFirstEachAtItsOwnTime() {
            engine.runAt(100, () -> {
                engine.at(250, () -> log.add("timer 250 at " + engine.nowNanos()));
                engine.at(150, () -> log.add("timer 150 at " + engine.nowNanos()));
                engine.at(900, () -> log.add("timer 900 at " + engine.nowNanos()));
            });
            engine.runAt(300, () -> log.add("event at " + engine.nowNanos()));

            assertThat(log).containsExactly("timer 150 at 150", "timer 250 at 250", "event at 300");
            engine.advanceTo(900);
            assertThat(log).endsWith("timer 900 at 900");
        }

        @Test
        void timersDueAtTheSameTimeRunInTheOrderTheyWereSet() {
            engine.runAt(10, () -> {
                engine.at(20, () -> log.add("a"));
                engine.at(20, () -> log.add("b"));
            });
            engine.advanceTo(20);
            assertThat(log).containsExactly("a", "b");
        }

        @Test
        void timeNeverGoesBackwards() {
            engine.runAt(500, () -> log.add("at " + engine.nowNanos()));
            engine.runAt(400, () -> log.add("at " + engine.nowNanos()));
            assertThat(log).containsExactly("at 500", "at 500");
        }

        @Test
        void aFailingEventIsReportedAndTheEngineGoesOn() {
            engine.runAt(1, () -> {
                throw new IllegalStateException("boom");
            });
            engine.runAt(2, () -> log.add("next"));
            assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
            assertThat(log).containsExactly("next");
        }
    }

    @Nested
    class OnItsOwnThread {

        @Test
        void runsEveryPostedEventOnOneThreadInTheOrderEachProducerPostedThem() throws Exception {
            List<String> seen = new CopyOnWriteArrayList<>();
            List<Thread> threads = new CopyOnWriteArrayList<>();
            Engine engine = new Engine("test-engine", EngineClock.wall(), e -> seen.add("error " + e));
            engine.start();
            try {
                int producers = 4;
                int each = 2_000;
                CountDownLatch done = new CountDownLatch(producers * each);
                List<Thread> started = new ArrayList<>();
                for (int p = 0; p < producers; p++) {
                    int id = p;
                    started.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; i < each; i++) {
                            int n = i;
                            engine.post(() -> {
                                seen.add(id + ":" + n);
                                threads.add(Thread.currentThread());
                                done.countDown();
                            });
                        }
                    }));
                }
                assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(threads.stream().distinct()).singleElement().extracting(Thread::getName).isEqualTo("test-engine");
                for (int p = 0; p < producers; p++) {
                    String prefix = p + ":";
                    List<Integer> order = seen.stream().filter(s -> s.startsWith(prefix))
                            .map(s -> Integer.parseInt(s.substring(prefix.length()))).toList();
                    assertThat(order).hasSize(each).isSorted();
                }
            } finally {
                engine.stop();
            }
        }

        @Test
        void aTimerSetByAnEventFiresOnTheWallClock() throws Exception {
            Engine engine = new Engine("test-engine", EngineClock.wall(), e -> { });
            engine.start();
            try {
                CountDownLatch fired = new CountDownLatch(1);
                long[] times = new long[2];
                engine.post(() -> {
                    times[0] = engine.nowNanos();
                    engine.at(times[0] + 20_000_000L, () -> {
                        times[1] = engine.nowNanos();
                        fired.countDown();
                    });
                });
                assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(times[1] - times[0]).isGreaterThanOrEqualTo(20_000_000L);
            } finally {
                engine.stop();
            }
            assertThat(engine.running()).isFalse();
        }

        @Test
        void parksOnceItHasSpunItsSpinWithoutAnEventAndWakesForTheNext() throws Exception {
            for (long spin : new long[] {0, Engine.DEFAULT_SPIN_NANOS}) {
                Engine engine = new Engine("test-engine", EngineClock.wall(), e -> { }, spin);
                engine.start();
                try {
                    Thread thread = engineThread(engine);
                    assertThat(waitForState(thread, Thread.State.WAITING, 2_000)).as("parked after a spin of %d ns", spin).isTrue();
                    CountDownLatch ran = new CountDownLatch(1);
                    engine.post(ran::countDown);
                    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
                } finally {
                    engine.stop();
                }
            }
        }

        @Test
        void aBusySpinningEngineNeverParksYetRunsItsTimersAndStops() throws Exception {
            Engine engine = new Engine("test-engine", EngineClock.wall(), e -> { }, Engine.BUSY_SPIN);
            engine.start();
            Thread thread = engineThread(engine);
            try {
                assertThat(waitForState(thread, Thread.State.WAITING, 200)).isFalse();
                assertThat(thread.getState()).isEqualTo(Thread.State.RUNNABLE);
                CountDownLatch fired = new CountDownLatch(1);
                engine.post(() -> engine.at(engine.nowNanos() + 10_000_000L, fired::countDown));
                assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
            } finally {
                engine.stop();
            }
            assertThat(thread.isAlive()).isFalse();
        }

        @Test
        void aNegativeSpinIsRefused() {
            assertThatThrownBy(() -> new Engine("test-engine", EngineClock.wall(), e -> { }, -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spin cannot be negative");
        }

        private static Thread engineThread(Engine engine) throws InterruptedException {
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            engine.post(() -> thread.complete(Thread.currentThread()));
            try {
                return thread.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("the engine ran no event", e);
            }
        }

        /** True once {@code thread} is seen in {@code state} (polled every millisecond) within {@code millis}. */
        private static boolean waitForState(Thread thread, Thread.State state, long millis) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < until) {
                if (thread.getState() == state) {
                    return true;
                }
                Thread.sleep(1);
            }
            return false;
        }
    }
}

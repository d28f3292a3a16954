package io.crossbook.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    }
}

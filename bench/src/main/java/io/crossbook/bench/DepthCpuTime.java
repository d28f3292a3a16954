package io.crossbook.bench;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.binance.BinanceFeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.ResyncRequester;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The depth path measured so that a busy machine disturbs it little: the recording's book
 * messages through a fresh handler per pass, and per pass the thread's CPU time (the best pass
 * counts) and each message's time (its fastest pass counts, so a message that was preempted in one
 * pass is not charged for it). Percentiles are over those per-message minima, and a least-squares
 * line over them splits the cost into a part per message and a part per level. For A/B comparisons
 * on a shared machine; {@link ReplayThroughput} remains the figure of record on a quiet one.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.crossbook.bench.DepthCpuTime [passes] [warmup]}
 */
public final class DepthCpuTime {
    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<RecordedMessage> messages = RecordedDepth.bookOnly();
        int n = messages.size();
        long[] fastest = new long[n];
        Arrays.fill(fastest, Long.MAX_VALUE);
        long bestPass = Long.MAX_VALUE;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < warmup + passes; pass++) {
            BinanceFeedHandler h = new BinanceFeedHandler(Market.LINEAR, Map.of(), CleaningRules.DEFAULT,
                    MarketDataListener.NONE, ResyncRequester.NONE);
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                RecordedMessage m = messages.get(i);
                long t0 = System.nanoTime();
                h.onMessage(m.receiveNanos(), m.text());
                fastest[i] = Math.min(fastest[i], System.nanoTime() - t0);
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            if (h.stats().get(0).gaps() != 0 || !h.book("BTCUSDT").valid()) {
                throw new IllegalStateException("replay lost sync: the benchmark would measure the wrong thing");
            }
            if (pass >= warmup) {
                bestPass = Math.min(bestPass, cpu);
            } else {
                Arrays.fill(fastest, Long.MAX_VALUE);
            }
        }
        long[] sorted = fastest.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s, %d book messages, best of %d passes after %d warm-up passes%n",
                RecordedDepth.FILE, n, passes, warmup);
        System.out.printf(Locale.ROOT, "thread CPU:     %,d ns/message, %,d msg/s parse+sync+apply%n",
                bestPass / n, (long) (n * 1e9 / bestPass));
        System.out.printf(Locale.ROOT, "fastest pass per message: p50 %,d ns, p90 %,d ns, p99 %,d ns, max %,d ns%n",
                sorted[n / 2], sorted[(int) (n * 0.9)], sorted[(int) Math.ceil(n * 0.99) - 1], sorted[n - 1]);
        fit(messages, fastest);
    }

    /** Least squares of each diff's fastest time against its number of levels (the 1,000-level snapshot left out). */
    private static void fit(List<RecordedMessage> messages, long[] fastest) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int m = 0;
        for (int i = 0; i < messages.size(); i++) {
            String text = messages.get(i).text();
            if (!text.contains("\"depthUpdate\"")) {
                continue;
            }
            int levels = text.split("\\[\"", -1).length - 1; // each level opens with ["
            m++;
            sx += levels;
            sy += fastest[i];
            sxx += (double) levels * levels;
            sxy += (double) levels * fastest[i];
        }
        double perLevel = (m * sxy - sx * sy) / (m * sxx - sx * sx);
        System.out.printf(Locale.ROOT, "fit:            %,.0f ns per message + %.1f ns per level (mean %.1f levels)%n",
                (sy - perLevel * sx) / m, perLevel, sx / m);
    }

    private DepthCpuTime() {
    }
}

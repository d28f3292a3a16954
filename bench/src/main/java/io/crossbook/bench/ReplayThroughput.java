package io.crossbook.bench;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.binance.BinanceFeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MessageKind;
import io.crossbook.venues.common.ResyncRequester;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The replay harness: the whole USDⓈ-M BTCUSDT recording (depth, bookTicker and trades, ~94k
 * messages), preloaded into memory so that decompression is not measured, replayed through a fresh
 * handler per round. Rounds before {@code warmup} let the JIT settle; the rest are measured, each
 * depth message timed on its own.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.crossbook.bench.ReplayThroughput [rounds] [warmup]}
 */
public final class ReplayThroughput {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<RecordedMessage> messages = RecordedDepth.all();
        long[] latencies = new long[0];
        int n = 0;
        long depthNanos = 0;
        long depthCount = 0;
        long allCount = 0;
        long wallNanos = 0;
        for (int round = 0; round < rounds; round++) {
            BinanceFeedHandler h = new BinanceFeedHandler(Market.LINEAR, Map.of(), CleaningRules.DEFAULT,
                    MarketDataListener.NONE, ResyncRequester.NONE);
            boolean measured = round >= warmup;
            long start = System.nanoTime();
            for (RecordedMessage m : messages) {
                long t0 = System.nanoTime();
                MessageKind kind = h.onMessage(m.receiveNanos(), m.text());
                long spent = System.nanoTime() - t0;
                if (measured && kind == MessageKind.BOOK) {
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, Math.max(1024, n * 2));
                    }
                    latencies[n++] = spent;
                    depthNanos += spent;
                    depthCount++;
                }
            }
            if (measured) {
                wallNanos += System.nanoTime() - start;
                allCount += messages.size();
            }
            if (h.stats().get(0).gaps() != 0 || !h.book("BTCUSDT").valid()) {
                throw new IllegalStateException("replay lost sync: the benchmark would measure the wrong thing");
            }
        }
        Arrays.sort(latencies, 0, n);
        System.out.printf(Locale.ROOT, "%s, %d measured rounds after %d warm-up rounds%n", RecordedDepth.FILE, rounds - warmup, warmup);
        System.out.printf(Locale.ROOT, "all messages:   %,d msg/s (%,d messages)%n", (long) (allCount * 1e9 / wallNanos), allCount);
        System.out.printf(Locale.ROOT, "depth messages: %,d msg/s parse+sync+apply (%,d messages)%n",
                (long) (depthCount * 1e9 / depthNanos), depthCount);
        System.out.printf(Locale.ROOT, "depth latency:  p50 %,d ns, p90 %,d ns, p99 %,d ns, p99.9 %,d ns, max %,d ns%n",
                pct(latencies, n, 0.5), pct(latencies, n, 0.9), pct(latencies, n, 0.99), pct(latencies, n, 0.999), latencies[n - 1]);
    }

    private static long pct(long[] sorted, int n, double q) {
        return sorted[Math.min(n - 1, (int) Math.ceil(q * n) - 1)];
    }

    private ReplayThroughput() {
    }
}

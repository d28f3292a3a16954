package io.crossbook.bench;

import java.util.Locale;

/**
 * How often, and for how long, the machine takes the CPU away from a running thread: one thread
 * reads the clock in a tight loop, and every gap of a microsecond or more between two reads is a
 * stall (an interrupt, the hypervisor, another thread). On a virtual machine most of these are
 * invisible to the guest's own counters. They are what separates the depth path's wall-clock
 * percentiles ({@link ReplayThroughput}, JMH) from its per-message minimum ({@link DepthCpuTime}):
 * a message that takes T is hit with a chance of about T times the stall rate.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.crossbook.bench.HostStalls [seconds]}
 */
public final class HostStalls {
    private static final long[] BANDS = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 1_000_000};

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long[] counts = new long[BANDS.length];
        long stalled = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long previous = start;
        for (long now = start; now < end; previous = now) {
            now = System.nanoTime();
            long gap = now - previous;
            if (gap >= BANDS[0]) {
                stalled += gap;
                int band = BANDS.length - 1;
                while (gap < BANDS[band]) {
                    band--;
                }
                counts[band]++;
            }
        }
        double elapsed = (previous - start) / 1e9;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        System.out.printf(Locale.ROOT, "machine: %s%n", Machine.describe());
        System.out.printf(Locale.ROOT, "%.1f s on one thread: %,d stalls of 1 µs or more (%,.0f/s, one every %,.0f µs), %.2f %% of the time%n",
                elapsed, total, total / elapsed, elapsed * 1e6 / Math.max(1, total), 100 * stalled / (elapsed * 1e9));
        for (int b = 0; b < BANDS.length; b++) {
            String band = b + 1 < BANDS.length
                    ? String.format(Locale.ROOT, "%,d–%,d µs", BANDS[b] / 1000, BANDS[b + 1] / 1000)
                    : String.format(Locale.ROOT, "%,d µs or more", BANDS[b] / 1000);
            System.out.printf(Locale.ROOT, "  %-16s %,10d  (%,.1f/s)%n", band, counts[b], counts[b] / elapsed);
        }
    }
}

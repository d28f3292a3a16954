package io.crossbook.core.twap;

import java.math.BigDecimal;

/**
 * A plan's state at one moment, as the engine published it: what it has executed (base currency,
 * hedged on both legs for a two-legged plan) and what remains, the slices done and how many it
 * takes in all at this rate (a slice that fills short adds to the end), the slices skipped by its
 * guards and why the last was, why it paused, failed or was cancelled, and the number the next slice
 * sent will get. {@code slicesDone} counts the slices over; a slice in flight is not done yet.
 * Timestamps are epoch milliseconds.
 */
public record TwapProgress(String planId, TwapState state, String reason, BigDecimal executed, BigDecimal remaining,
                           int slicesDone, int slicesTotal, int skips, String lastSkip, int nextSlice, Long startedTs,
                           Long lastExecutionTs, long ts) {
}

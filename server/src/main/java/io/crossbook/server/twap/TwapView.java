package io.crossbook.server.twap;

import io.crossbook.core.twap.TwapProgress;
import io.crossbook.store.twap.StoredTwapPlan;
import java.math.BigDecimal;
import java.util.List;

/**
 * A plan as the API shows it: API.md's status ({@code planId}, {@code progress}, {@code state},
 * {@code lastExecutionTs}) and the plan itself, with why it paused or ended ({@code reason}) and
 * the slices its guards skipped. Quantities are exact decimals in the base currency; timestamps
 * epoch milliseconds.
 */
public record TwapView(String planId, String name, Progress progress, String state, String reason, Long lastExecutionTs,
                       BigDecimal totalQty, BigDecimal sliceQty, long intervalMs, List<TwapRequest.Leg> legs,
                       BigDecimal maxAdverseSpreadPercent, int skips, String lastSkip, long createdTs, Long startedTs) {

    /** {@code slicesTotal} is what the plan takes at this rate: a slice that fills short adds one at the end. */
    public record Progress(BigDecimal executed, BigDecimal remaining, int slicesDone, int slicesTotal) {
    }

    /** The stored plan, with the engine's figures when it runs the plan (they are newer than the row). */
    static TwapView of(StoredTwapPlan row, List<TwapRequest.Leg> legs, TwapProgress live) {
        TwapProgress p = live != null ? live : TwapService.progress(row, row.updatedTs());
        return new TwapView(row.id(), row.name(), new Progress(p.executed(), p.remaining(), p.slicesDone(), p.slicesTotal()),
                p.state().id(), p.reason(), p.lastExecutionTs(), row.totalQty(), row.sliceQty(), row.intervalMs(), legs,
                row.maxAdverseSpreadPercent(), p.skips(), p.lastSkip(), row.createdTs(), p.startedTs());
    }
}

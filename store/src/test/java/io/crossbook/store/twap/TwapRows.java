package io.crossbook.store.twap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

/** Rows for the TWAP repository tests, with decimals whose scale a careless store would lose. */
final class TwapRows {
    private TwapRows() {
    }

    /** A plan just created: not started, nothing sent, every nullable column null. */
    static StoredTwapPlan pending(String id, long createdTs) {
        return new StoredTwapPlan(id, "plan " + id, "[{\"leg\":1}]", new BigDecimal("0.0500"),
                new BigDecimal("0.00500"), 60_000, null, StoredTwapPlan.PENDING, null, new BigDecimal("0"), 0, 1, 0,
                null, createdTs, null, null, createdTs);
    }

    /** The plan in another state, everything else as it was. */
    static StoredTwapPlan inState(StoredTwapPlan plan, String state) {
        return new StoredTwapPlan(plan.id(), plan.name(), plan.legsJson(), plan.totalQty(), plan.sliceQty(),
                plan.intervalMs(), plan.maxAdverseSpreadPercent(), state, plan.reason(), plan.executedQty(),
                plan.slicesDone(), plan.nextSlice(), plan.skips(), plan.lastSkip(), plan.createdTs(), plan.startedTs(),
                plan.lastExecutionTs(), plan.updatedTs());
    }

    /** The same plan under way: every mutable column changed and every nullable one set. */
    static StoredTwapPlan paused(StoredTwapPlan plan, long updatedTs) {
        return new StoredTwapPlan(plan.id(), "renamed " + plan.id(), "[{\"leg\":1},{\"leg\":2}]",
                new BigDecimal("123456789.123456789"), new BigDecimal("0.00000001"), 15_000,
                new BigDecimal("0.2500"), StoredTwapPlan.PAUSED, "spread too wide", new BigDecimal("0.00100"), 3, 5, 1,
                "spread 0.31 % over 0.25 %", plan.createdTs(), plan.createdTs() + 10, updatedTs - 5, updatedTs);
    }

    /** A slice just sent: nothing known of its outcome yet. */
    static StoredTwapSlice sending(String planId, int sliceNo, long startedTs) {
        return new StoredTwapSlice(planId, sliceNo, planId + "-" + sliceNo, new BigDecimal("0.00500"),
                StoredTwapSlice.SENDING, null, new BigDecimal("0"), null, null, "[]", null, startedTs, null);
    }

    /** The same slice over, with the P&L given (null for a slice of one leg). */
    static StoredTwapSlice done(StoredTwapSlice slice, long finishedTs, String pnl) {
        return new StoredTwapSlice(slice.planId(), slice.sliceNo(), slice.executionId(), slice.qty(),
                StoredTwapSlice.DONE, "filled", new BigDecimal("0.00499999"), new BigDecimal("0.0012500"),
                pnl == null ? null : new BigDecimal(pnl), "[{\"leg\":1},{\"leg\":2}]", "both legs filled",
                slice.startedTs(), finishedTs);
    }

    /** The value is the decimal written, to the digit: equal in value and in scale. */
    static void assertExact(BigDecimal actual, String written) {
        BigDecimal expected = new BigDecimal(written);
        assertThat(actual).isEqualByComparingTo(expected);
        assertThat(actual.scale()).isEqualTo(expected.scale());
    }
}

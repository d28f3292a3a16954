package io.crossbook.store.twap;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One TWAP plan as stored after its latest change: {@code totalQty} sent in slices of
 * {@code sliceQty} every {@code intervalMs}, skipping a slice while the spread is worse than
 * {@code maxAdverseSpreadPercent} (null: never). {@code legsJson} is the server's serialisation of
 * the legs. {@code state} is one of the constants here (the schema refuses anything else);
 * {@code reason} says why it paused, failed or was cancelled. {@code nextSlice} is the number the
 * next slice sent will get, from 1; {@code skips} counts the slices skipped and {@code lastSkip} says
 * why the last one was. Timestamps are epoch milliseconds; {@code startedTs} is null until it
 * started and {@code lastExecutionTs} until a slice was sent.
 */
public record StoredTwapPlan(String id, String name, String legsJson, BigDecimal totalQty, BigDecimal sliceQty,
                             long intervalMs, BigDecimal maxAdverseSpreadPercent, String state, String reason,
                             BigDecimal executedQty, int slicesDone, int nextSlice, int skips, String lastSkip,
                             long createdTs, Long startedTs, Long lastExecutionTs, long updatedTs) {
    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";
    /** The states of a plan not over yet: what a restart resumes. */
    public static final Set<String> UNFINISHED = Set.of(PENDING, RUNNING, PAUSED);
    private static final List<String> STATES = List.of(PENDING, RUNNING, PAUSED, COMPLETED, CANCELLED, FAILED);

    public StoredTwapPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(legsJson, "legsJson");
        Objects.requireNonNull(totalQty, "totalQty");
        Objects.requireNonNull(sliceQty, "sliceQty");
        Objects.requireNonNull(executedQty, "executedQty");
        States.requireOneOf(state, STATES);
    }
}

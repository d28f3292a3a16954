package io.crossbook.store.twap;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One slice of a TWAP plan as stored after its latest change: slice {@code sliceNo} (from 1) of plan
 * {@code planId}, whose orders carry {@code executionId} in {@code orders.execution_id}. {@code qty}
 * is the base quantity asked and {@code executedQty} what was done; {@code state} is one of the
 * constants here (the schema refuses anything else). {@code outcome}, {@code fees} and
 * {@code finishedTs} are known once it is {@link #DONE}; {@code pnl} stays null for a slice of one
 * leg, as only two-legged slices realise a P&L. {@code legsJson} is the server's serialisation of
 * the legs. Timestamps are epoch milliseconds.
 */
public record StoredTwapSlice(String planId, int sliceNo, String executionId, BigDecimal qty, String state,
                              String outcome, BigDecimal executedQty, BigDecimal fees, BigDecimal pnl, String legsJson,
                              String detail, long startedTs, Long finishedTs) {
    public static final String SENDING = "sending";
    public static final String DONE = "done";
    private static final List<String> STATES = List.of(SENDING, DONE);

    public StoredTwapSlice {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(executedQty, "executedQty");
        Objects.requireNonNull(legsJson, "legsJson");
        States.requireOneOf(state, STATES);
        if (sliceNo < 1) {
            throw new IllegalArgumentException("sliceNo must be at least 1, was " + sliceNo);
        }
    }
}

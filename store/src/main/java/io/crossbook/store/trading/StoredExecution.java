package io.crossbook.store.trading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One execution as stored after its latest state change. {@code pairId} is null for executions of
 * no pair; {@code kind} says what ran ({@link #ARBITRAGE}); {@code outcome}, {@code pnl} and
 * {@code fees} are known once it is over, {@code spread} and {@code spreadPercent} once it is priced.
 * {@code legsJson} is the server's serialisation of the legs. Timestamps are epoch milliseconds;
 * {@code finishedTs} is null while the execution is running.
 */
public record StoredExecution(String id, String pairId, String kind, String state, String outcome, String direction,
                              BigDecimal qty, BigDecimal spread, Double spreadPercent, BigDecimal pnl,
                              BigDecimal fees, String legsJson, String detail, long startedTs, Long finishedTs) {
    public static final String ARBITRAGE = "arbitrage";

    public StoredExecution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(legsJson, "legsJson");
        if (spreadPercent != null) {
            Columns.requireFinite(spreadPercent, "spreadPercent");
        }
    }
}

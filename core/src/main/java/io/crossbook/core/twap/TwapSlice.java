package io.crossbook.core.twap;

import io.crossbook.core.exec.ExecutionResult;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One slice of a plan: number {@code number}, {@code qty} of the base currency, executed under
 * {@code executionId}. It is stored before its orders are sent; {@code result} is null until it is
 * over. {@code startedTs} is epoch milliseconds.
 */
public record TwapSlice(String planId, int number, String executionId, BigDecimal qty, long startedTs,
                        ExecutionResult result) {
    public TwapSlice {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(qty, "qty");
        if (number < 1) {
            throw new IllegalArgumentException("slice numbers start at 1, was " + number);
        }
    }

    public boolean done() {
        return result != null;
    }

    /** What it executed: hedged on both legs, or filled on its one. */
    public BigDecimal executed() {
        return result == null ? BigDecimal.ZERO : result.hedgedBaseQty();
    }

    public TwapSlice finished(ExecutionResult result) {
        return new TwapSlice(planId, number, executionId, qty, startedTs, Objects.requireNonNull(result, "result"));
    }
}

package io.crossbook.server.twap;

import io.crossbook.server.arbitrage.ExecutionView;
import java.math.BigDecimal;
import java.util.List;

/**
 * One slice of a plan: {@code state} is {@code sending} from when it is stored until it is over,
 * then {@code done} with its {@code outcome}; {@code executed} is what it added to the plan (hedged
 * on both legs, or filled on its one), {@code pnl} the realised P&L of a two-legged slice. Its
 * orders' client ids start with {@code executionId}.
 */
public record TwapSliceView(int slice, String executionId, BigDecimal qty, String state, String outcome,
                            BigDecimal executed, BigDecimal fees, BigDecimal pnl, List<ExecutionView.Leg> legs,
                            String detail, long startedTs, Long finishedTs) {
}

package io.crossbook.core.exec;

import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.List;

/**
 * How an execution of one or two legs ended ({@code second} is null for one). Quantities are in
 * the base currency, money in the quote; {@code pnl} is the exact cash flow of every fill of its
 * legs (sells plus, buys minus, base quantity times price) less all fees: a realised P&L for two
 * matched legs, the cost or proceeds of the trade for one. {@code hedgedBaseQty} is what filled on
 * both legs, or on the one. {@code residualBaseQty} is the filled quantity left
 * unhedged: a rest too small for the lot that would trade it (retries spent), or for
 * {@link Outcome#IMBALANCED} the open excess.
 * Timestamps are epoch milliseconds.
 */
public record ExecutionResult(String executionId, Outcome outcome, LegResult first, LegResult second,
                              BigDecimal hedgedBaseQty, BigDecimal residualBaseQty, BigDecimal fees, BigDecimal pnl,
                              long startedTs, long finishedTs, String detail) {

    public enum Outcome {
        /** Every leg filled in full. */
        FILLED,
        /** Both legs filled the same quantity, short of the request. */
        HEDGED_PARTIAL,
        /** A single leg filled short of the request. */
        PARTIAL,
        /** One leg filled more than the other could and the excess was traded back. */
        UNWOUND,
        /** Nothing filled. */
        FAILED,
        /** An excess stays open because unwinding it failed: needs a human. */
        IMBALANCED
    }

    /**
     * One leg: {@code filledBaseQty} is net of unwinds, {@code averagePrice} that of the fills on
     * the leg's own side (null if none), {@code fees} in the quote, {@code exchangeOrderId} the first
     * one the venue gave, {@code failureCode} and {@code failureMessage} from its last rejected order.
     */
    public record LegResult(Venue venue, InstrumentId instrument, OrderSide side, BigDecimal requestedBaseQty,
                            BigDecimal filledBaseQty, BigDecimal averagePrice, BigDecimal fees,
                            List<String> clientOrderIds, String exchangeOrderId, boolean success, String failureCode,
                            String failureMessage) {
        public LegResult {
            clientOrderIds = List.copyOf(clientOrderIds);
        }
    }
}

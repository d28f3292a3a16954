package io.crossbook.store.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

/** Rows for the trading repository tests, with decimals whose scale a careless store would lose. */
final class TradingRows {
    private TradingRows() {
    }

    static StoredPair pair(String id, long createdAt) {
        return new StoredPair(id, "binance", "BTCUSDT", "spot", "okx", "BTC-USDT-SWAP", "linear",
                new BigDecimal("0.150"), new BigDecimal("0.00100000"), new BigDecimal("25000.00"), "auto", true,
                createdAt, createdAt);
    }

    static StoredOpportunity opportunity(String id, String pairId, long ts) {
        return new StoredOpportunity(id, pairId, "forward", 12.5, 0.019230769230769232, 0.0123, 65000.1, 65012.6,
                new BigDecimal("0.00100000"), ts);
    }

    /** A running arbitrage: nothing priced or settled yet. */
    static StoredExecution running(String id, String pairId, long startedTs) {
        return new StoredExecution(id, pairId, StoredExecution.ARBITRAGE, "submitting", null, "forward",
                new BigDecimal("0.00100000"), null, null, null, null, "[]", null, startedTs, null);
    }

    /** The same execution over: every mutable column now has a value. */
    static StoredExecution finished(StoredExecution running, long finishedTs) {
        return new StoredExecution(running.id(), running.pairId(), running.kind(), "done", "filled", "reverse",
                new BigDecimal("0.00200000"), new BigDecimal("12.50"), 0.0192, new BigDecimal("-0.012340"),
                new BigDecimal("0.0520000"), "[{\"leg\":1},{\"leg\":2}]", "both legs filled", running.startedTs(),
                finishedTs);
    }

    /** A limit order just sent: nothing known from the exchange yet. */
    static StoredOrder submitted(String clientOrderId, String executionId, long createdTs) {
        return new StoredOrder(clientOrderId, executionId, "binance", "spot", "BTCUSDT", "buy", "limit", "ioc",
                new BigDecimal("0.00100000"), new BigDecimal("65000.10"), StoredOrder.SUBMITTED, null,
                new BigDecimal("0"), null, new BigDecimal("0.00"), null, null, null, createdTs, createdTs);
    }

    static StoredOrder inState(StoredOrder order, String state) {
        return new StoredOrder(order.clientOrderId(), order.executionId(), order.exchange(), order.market(),
                order.symbol(), order.side(), order.type(), order.timeInForce(), order.qty(), order.limitPrice(), state,
                order.exchangeOrderId(), order.filledQty(), order.avgPrice(), order.fee(), order.feeAsset(),
                order.code(), order.message(), order.createdTs(), order.updatedTs());
    }

    /** The value is the decimal written, to the digit: equal in value and in scale. */
    static void assertExact(BigDecimal actual, String written) {
        BigDecimal expected = new BigDecimal(written);
        assertThat(actual).isEqualByComparingTo(expected);
        assertThat(actual.scale()).isEqualTo(expected.scale());
    }
}

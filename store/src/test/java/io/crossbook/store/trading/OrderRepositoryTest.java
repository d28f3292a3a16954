package io.crossbook.store.trading;

import static io.crossbook.store.trading.TradingRows.assertExact;
import static io.crossbook.store.trading.TradingRows.inState;
import static io.crossbook.store.trading.TradingRows.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.math.BigDecimal;
import org.springframework.dao.DataAccessException;

class OrderRepositoryTest {

    @EachDatabase
    void findsTheOrderItStoredWithItsExactDecimals(TestDatabase db) {
        OrderRepository orders = new OrderRepository(db.jdbc());
        StoredOrder order = submitted("cb-1", "x1", 1_700_000_000_123L);

        orders.upsert(order);

        StoredOrder found = orders.find("cb-1").orElseThrow();
        assertThat(found).isEqualTo(order);
        assertExact(found.qty(), "0.00100000");
        assertExact(found.limitPrice(), "65000.10");
        assertExact(found.fee(), "0.00");
        assertThat(orders.find("cb-unknown")).isEmpty();
    }

    @EachDatabase
    void upsertingAgainOverwritesEveryTransitionColumnButKeepsWhenTheOrderWasFirstStored(TestDatabase db) {
        OrderRepository orders = new OrderRepository(db.jdbc());
        orders.upsert(submitted("cb-1", "x1", 1_000));
        StoredOrder filled = new StoredOrder("cb-1", "x2", "okx", "linear", "BTC-USDT-SWAP", "sell", "market", "gtc",
                new BigDecimal("2"), null, StoredOrder.FILLED, "okx-778899", new BigDecimal("2.000"),
                new BigDecimal("64999.95000"), new BigDecimal("0.0650000"), "USDT", "OK", "filled in two trades",
                9_999, 1_500);

        orders.upsert(filled);

        assertThat(orders.find("cb-1")).contains(new StoredOrder("cb-1", "x2", "okx", "linear", "BTC-USDT-SWAP", "sell",
                "market", "gtc", new BigDecimal("2"), null, StoredOrder.FILLED, "okx-778899", new BigDecimal("2.000"),
                new BigDecimal("64999.95000"), new BigDecimal("0.0650000"), "USDT", "OK", "filled in two trades",
                1_000, 1_500));
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM orders").query(Long.class).single()).isOne();
    }

    @EachDatabase
    void upsertingCanClearAColumn(TestDatabase db) {
        OrderRepository orders = new OrderRepository(db.jdbc());
        StoredOrder rejected = new StoredOrder("cb-1", "x1", "binance", "spot", "BTCUSDT", "buy", "limit", "ioc",
                BigDecimal.ONE, BigDecimal.TEN, StoredOrder.REJECTED, "b-1", BigDecimal.ZERO, BigDecimal.TEN,
                BigDecimal.ZERO, "BNB", "INSUFFICIENT_FUNDS", "Account has insufficient balance", 1_000, 1_000);
        orders.upsert(rejected);
        StoredOrder resent = submitted("cb-1", null, 1_000);

        orders.upsert(resent);

        assertThat(orders.find("cb-1")).contains(resent);
    }

    @EachDatabase
    void listsAnExecutionsOrdersInTheOrderTheyWereFirstStored(TestDatabase db) {
        OrderRepository orders = new OrderRepository(db.jdbc());
        orders.upsert(submitted("c", "x1", 2_000));
        orders.upsert(submitted("b", "x1", 1_000));
        orders.upsert(submitted("a", "x1", 2_000));
        orders.upsert(submitted("other", "x2", 500));
        orders.upsert(submitted("manual", null, 500));
        orders.upsert(inState(submitted("b", "x1", 3_000), StoredOrder.FILLED));

        assertThat(orders.forExecution("x1")).extracting(StoredOrder::clientOrderId).containsExactly("b", "a", "c");
        assertThat(orders.forExecution("x-unknown")).isEmpty();
    }

    @EachDatabase
    void openOrdersAreTheOnesThatMayStillTrade(TestDatabase db) {
        OrderRepository orders = new OrderRepository(db.jdbc());
        long ts = 1_000;
        for (String state : new String[] {StoredOrder.FILLED, StoredOrder.PARTIALLY_FILLED, StoredOrder.CANCELLED,
                StoredOrder.ACCEPTED, StoredOrder.REJECTED, StoredOrder.SUBMITTED}) {
            orders.upsert(inState(submitted(state, "x1", ts++), state));
        }

        assertThat(orders.open()).extracting(StoredOrder::clientOrderId)
                .containsExactly(StoredOrder.PARTIALLY_FILLED, StoredOrder.ACCEPTED, StoredOrder.SUBMITTED);
    }

    @EachDatabase
    void refusesAnUnknownState(TestDatabase db) {
        OrderRepository orders = new OrderRepository(db.jdbc());

        assertThatThrownBy(() -> orders.upsert(inState(submitted("cb-1", "x1", 1_000), "lost")))
                .isInstanceOf(DataAccessException.class);

        assertThat(orders.find("cb-1")).isEmpty();
    }
}

package io.crossbook.store.trading;

import static io.crossbook.store.trading.TradingRows.assertExact;
import static io.crossbook.store.trading.TradingRows.finished;
import static io.crossbook.store.trading.TradingRows.inState;
import static io.crossbook.store.trading.TradingRows.running;
import static io.crossbook.store.trading.TradingRows.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.util.List;
import org.springframework.dao.DataAccessException;

class ExecutionRepositoryTest {

    @EachDatabase
    void findsARunningExecutionWithItsUnknownsStillUnknown(TestDatabase db) {
        ExecutionRepository executions = new ExecutionRepository(db.dataSource());
        StoredExecution running = running("x1", "p1", 1_700_000_000_123L);

        executions.upsert(running);

        assertThat(executions.find("x1")).contains(running);
        assertThat(executions.find("x-unknown")).isEmpty();
    }

    @EachDatabase
    void upsertingAgainOverwritesEveryStateColumnButKeepsWhenItStarted(TestDatabase db) {
        ExecutionRepository executions = new ExecutionRepository(db.dataSource());
        StoredExecution running = running("x1", "p1", 1_000);
        executions.upsert(running);
        StoredExecution over = finished(running, 2_000);

        executions.upsert(new StoredExecution(over.id(), "p2", "twap", over.state(), over.outcome(), over.direction(),
                over.qty(), over.spread(), over.spreadPercent(), over.pnl(), over.fees(), over.legsJson(), over.detail(),
                9_999, over.finishedTs()));

        StoredExecution found = executions.find("x1").orElseThrow();
        assertThat(found).isEqualTo(new StoredExecution(over.id(), "p2", "twap", over.state(), over.outcome(),
                over.direction(), over.qty(), over.spread(), over.spreadPercent(), over.pnl(), over.fees(),
                over.legsJson(), over.detail(), 1_000, over.finishedTs()));
        assertExact(found.qty(), "0.00200000");
        assertExact(found.spread(), "12.50");
        assertExact(found.pnl(), "-0.012340");
        assertExact(found.fees(), "0.0520000");
    }

    @EachDatabase
    void recentIsNewestFirstThenByIdAndLimited(TestDatabase db) {
        ExecutionRepository executions = new ExecutionRepository(db.dataSource());
        executions.upsert(running("a", "p1", 1_000));
        executions.upsert(running("c", "p1", 2_000));
        executions.upsert(running("b", "p1", 3_000));
        executions.upsert(running("d", "p1", 3_000));

        assertThat(executions.recent(null, 3)).extracting(StoredExecution::id).containsExactly("d", "b", "c");
    }

    @EachDatabase
    void recentOfAPairLeavesTheOthersOut(TestDatabase db) {
        ExecutionRepository executions = new ExecutionRepository(db.dataSource());
        executions.upsert(running("a", "p1", 1_000));
        executions.upsert(running("b", "p2", 2_000));
        executions.upsert(running("c", null, 3_000));
        executions.upsert(running("d", "p1", 4_000));

        assertThat(executions.recent("p1", 10)).extracting(StoredExecution::id).containsExactly("d", "a");
        assertThat(executions.recent(null, 10)).extracting(StoredExecution::id).containsExactly("d", "c", "b", "a");
    }

    @EachDatabase
    void unfinishedAreTheExecutionsWithoutAFinishTimeOldestFirst(TestDatabase db) {
        ExecutionRepository executions = new ExecutionRepository(db.dataSource());
        executions.upsert(running("late", "p1", 3_000));
        executions.upsert(finished(running("done", "p1", 1_000), 1_500));
        executions.upsert(running("early", null, 2_000));

        assertThat(executions.unfinished()).extracting(StoredExecution::id).containsExactly("early", "late");

        executions.upsert(finished(running("early", null, 2_000), 4_000));

        assertThat(executions.unfinished()).extracting(StoredExecution::id).containsExactly("late");
    }

    @EachDatabase
    void finishedSinceIsTheFinishedExecutionsFromThatTimeOldestFinishFirst(TestDatabase db) {
        ExecutionRepository executions = new ExecutionRepository(db.dataSource());
        executions.upsert(finished(running("before", "p1", 1_000), 1_999));
        executions.upsert(finished(running("second", "p1", 500), 3_000));
        executions.upsert(finished(running("first", null, 1_500), 2_000));
        executions.upsert(running("open", "p1", 2_500));

        assertThat(executions.finishedSince(2_000)).extracting(StoredExecution::id).containsExactly("first", "second");
    }

    @EachDatabase
    void savesExecutionsAndTheirOrdersTogether(TestDatabase db) {
        ExecutionRepository executions = new ExecutionRepository(db.dataSource());
        OrderRepository orders = new OrderRepository(db.jdbc());
        StoredExecution running = running("x1", "p1", 1_000);
        StoredOrder buy = submitted("cb-1", "x1", 1_000);
        StoredOrder sell = submitted("cb-2", "x1", 1_001);

        executions.saveAll(List.of(running, finished(running, 2_000)),
                List.of(buy, sell, inState(buy, StoredOrder.FILLED), inState(sell, StoredOrder.ACCEPTED)));

        assertThat(executions.find("x1")).contains(finished(running, 2_000));
        assertThat(orders.forExecution("x1")).containsExactly(inState(buy, StoredOrder.FILLED),
                inState(sell, StoredOrder.ACCEPTED));
    }

    @EachDatabase
    void aFailingRowLeavesTheWholeBatchUnwritten(TestDatabase db) {
        ExecutionRepository executions = new ExecutionRepository(db.dataSource());
        OrderRepository orders = new OrderRepository(db.jdbc());
        StoredExecution before = running("x1", "p1", 1_000);
        executions.upsert(before);

        assertThatThrownBy(() -> executions.saveAll(List.of(finished(before, 2_000), running("x2", "p1", 1_500)),
                List.of(submitted("cb-1", "x1", 1_000), inState(submitted("cb-2", "x1", 1_000), "lost"))))
                .isInstanceOf(DataAccessException.class);

        assertThat(executions.find("x1")).contains(before);
        assertThat(executions.find("x2")).isEmpty();
        assertThat(orders.find("cb-1")).isEmpty();
    }

    @EachDatabase
    void aBatchWithinTheCallersTransactionIsUndoneWithIt(TestDatabase db) {
        ExecutionRepository executions = new ExecutionRepository(db.dataSource());

        assertThatThrownBy(() -> db.inTransaction(() -> {
            executions.saveAll(List.of(running("x1", "p1", 1_000)), List.of());
            throw new IllegalStateException("the caller fails after the batch");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(executions.find("x1")).isEmpty();
    }
}

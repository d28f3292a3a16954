package io.crossbook.store.twap;

import static io.crossbook.store.twap.TwapRows.assertExact;
import static io.crossbook.store.twap.TwapRows.done;
import static io.crossbook.store.twap.TwapRows.inState;
import static io.crossbook.store.twap.TwapRows.paused;
import static io.crossbook.store.twap.TwapRows.pending;
import static io.crossbook.store.twap.TwapRows.sending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.dao.DataAccessException;

class TwapRepositoryTest {

    @EachDatabase
    void findsTheInsertedPlanWithItsUnknownsStillUnknown(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        StoredTwapPlan plan = pending("twap_1", 1_700_000_000_123L);

        assertThat(twaps.insert(plan)).isTrue();

        StoredTwapPlan found = twaps.find("twap_1").orElseThrow();
        assertThat(found).isEqualTo(plan);
        assertThat(found.maxAdverseSpreadPercent()).isNull();
        assertThat(found.startedTs()).isNull();
        assertThat(found.lastExecutionTs()).isNull();
        assertExact(found.totalQty(), "0.0500");
        assertThat(twaps.find("twap_unknown")).isEmpty();
    }

    @EachDatabase
    void keepsEveryColumnOfAPlanExactly(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        StoredTwapPlan plan = paused(pending("twap_1", 1_000), 2_000);

        twaps.insert(plan);

        StoredTwapPlan found = twaps.find("twap_1").orElseThrow();
        assertThat(found).isEqualTo(plan);
        assertExact(found.totalQty(), "123456789.123456789");
        assertExact(found.sliceQty(), "0.00000001");
        assertExact(found.maxAdverseSpreadPercent(), "0.2500");
        assertExact(found.executedQty(), "0.00100");
    }

    @EachDatabase
    void insertingATakenIdChangesNothing(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        StoredTwapPlan first = pending("twap_1", 1_000);
        twaps.insert(first);

        assertThat(twaps.insert(paused(pending("twap_1", 5_000), 6_000))).isFalse();

        assertThat(twaps.find("twap_1")).contains(first);
        assertThat(twaps.all(10)).containsExactly(first);
    }

    @EachDatabase
    void savingAPlanAgainOverwritesEveryColumnButWhenItWasCreated(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        twaps.saveAll(List.of(pending("twap_1", 1_000)), List.of());
        StoredTwapPlan changed = paused(pending("twap_1", 9_999), 20_000);

        twaps.saveAll(List.of(changed), List.of());

        StoredTwapPlan found = twaps.find("twap_1").orElseThrow();
        assertThat(found.createdTs()).isEqualTo(1_000);
        assertThat(found).isEqualTo(new StoredTwapPlan(changed.id(), changed.name(), changed.legsJson(),
                changed.totalQty(), changed.sliceQty(), changed.intervalMs(), changed.maxAdverseSpreadPercent(),
                changed.state(), changed.reason(), changed.executedQty(), changed.slicesDone(), changed.nextSlice(),
                changed.skips(), changed.lastSkip(), 1_000, changed.startedTs(), changed.lastExecutionTs(),
                changed.updatedTs()));
    }

    @EachDatabase
    void savingASliceAgainOverwritesEveryColumnButWhenItStarted(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        twaps.saveAll(List.of(), List.of(sending("twap_1", 1, 1_000)));
        StoredTwapSlice over = done(sending("twap_1", 1, 9_999), 2_000, "-0.012340");
        StoredTwapSlice renamed = new StoredTwapSlice(over.planId(), over.sliceNo(), "x-other",
                new BigDecimal("0.00000001"), over.state(), over.outcome(), over.executedQty(), over.fees(), over.pnl(),
                over.legsJson(), over.detail(), over.startedTs(), over.finishedTs());

        twaps.saveAll(List.of(), List.of(renamed));

        List<StoredTwapSlice> found = twaps.slices("twap_1");
        assertThat(found).containsExactly(new StoredTwapSlice("twap_1", 1, "x-other", renamed.qty(), renamed.state(),
                renamed.outcome(), renamed.executedQty(), renamed.fees(), renamed.pnl(), renamed.legsJson(),
                renamed.detail(), 1_000, 2_000L));
        assertExact(found.get(0).qty(), "0.00000001");
        assertExact(found.get(0).executedQty(), "0.00499999");
        assertExact(found.get(0).fees(), "0.0012500");
        assertExact(found.get(0).pnl(), "-0.012340");
    }

    @EachDatabase
    void ofSeveralStatesOfOneKeyInAListOnlyTheLastIsWritten(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        StoredTwapPlan plan = pending("twap_1", 1_000);
        StoredTwapSlice first = sending("twap_1", 1, 1_000);
        StoredTwapSlice second = sending("twap_1", 2, 2_000);

        twaps.saveAll(List.of(plan, inState(plan, StoredTwapPlan.RUNNING), inState(plan, StoredTwapPlan.PAUSED)),
                List.of(first, second, done(first, 1_500, "1.5"), done(second, 2_500, null), second));

        assertThat(twaps.find("twap_1")).contains(inState(plan, StoredTwapPlan.PAUSED));
        assertThat(twaps.slices("twap_1")).containsExactly(done(first, 1_500, "1.5"), second);
    }

    @EachDatabase
    void aFailingRowLeavesTheWholeBatchUnwritten(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        StoredTwapPlan before = pending("twap_1", 1_000);
        twaps.insert(before);
        StoredTwapSlice first = sending("twap_1", 1, 1_000);
        StoredTwapSlice sameExecution = new StoredTwapSlice("twap_1", 2, first.executionId(), first.qty(),
                first.state(), null, first.executedQty(), null, null, first.legsJson(), null, 2_000, null);

        // The last row breaks the unique execution id: the plans and the first slice went in before it.
        assertThatThrownBy(() -> twaps.saveAll(
                List.of(inState(before, StoredTwapPlan.RUNNING), pending("twap_2", 1_500)),
                List.of(first, sameExecution)))
                .isInstanceOf(DataAccessException.class);

        assertThat(twaps.find("twap_1")).contains(before);
        assertThat(twaps.find("twap_2")).isEmpty();
        assertThat(twaps.slices("twap_1")).isEmpty();
    }

    @EachDatabase
    void aBatchWithinTheCallersTransactionIsUndoneWithIt(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());

        assertThatThrownBy(() -> db.inTransaction(() -> {
            twaps.saveAll(List.of(pending("twap_1", 1_000)), List.of(sending("twap_1", 1, 1_000)));
            throw new IllegalStateException("the caller fails after the batch");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(twaps.find("twap_1")).isEmpty();
        assertThat(twaps.slices("twap_1")).isEmpty();
    }

    @EachDatabase
    void allIsNewestCreatedFirstThenByIdAndLimited(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        twaps.saveAll(List.of(pending("a", 1_000), pending("c", 2_000), pending("b", 3_000), pending("d", 3_000)),
                List.of());

        assertThat(twaps.all(3)).extracting(StoredTwapPlan::id).containsExactly("d", "b", "c");
        assertThat(twaps.all(10)).extracting(StoredTwapPlan::id).containsExactly("d", "b", "c", "a");
        assertThatThrownBy(() -> twaps.all(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @EachDatabase
    void unfinishedAreThePendingRunningAndPausedPlansOldestFirst(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        twaps.saveAll(List.of(
                inState(pending("running", 3_000), StoredTwapPlan.RUNNING),
                inState(pending("completed", 500), StoredTwapPlan.COMPLETED),
                inState(pending("paused-b", 2_000), StoredTwapPlan.PAUSED),
                inState(pending("cancelled", 1_500), StoredTwapPlan.CANCELLED),
                pending("pending", 4_000),
                inState(pending("failed", 100), StoredTwapPlan.FAILED),
                inState(pending("paused-a", 2_000), StoredTwapPlan.PAUSED)), List.of());

        assertThat(twaps.unfinished()).extracting(StoredTwapPlan::id)
                .containsExactly("paused-a", "paused-b", "running", "pending");

        twaps.saveAll(List.of(inState(pending("running", 3_000), StoredTwapPlan.COMPLETED)), List.of());

        assertThat(twaps.unfinished()).extracting(StoredTwapPlan::id).containsExactly("paused-a", "paused-b", "pending");
    }

    @EachDatabase
    void slicesAreThePlansOwnInTheirNumbersOrder(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        // Saved out of order, and 10 before 2 were the numbers compared as text.
        twaps.saveAll(List.of(), List.of(sending("twap_1", 10, 3_000), sending("twap_1", 2, 1_000),
                sending("twap_2", 3, 500), sending("twap_1", 1, 2_000)));

        assertThat(twaps.slices("twap_1")).extracting(StoredTwapSlice::sliceNo).containsExactly(1, 2, 10);
        assertThat(twaps.slices("twap_2")).containsExactly(sending("twap_2", 3, 500));
        assertThat(twaps.slices("twap_3")).isEmpty();
    }

    @EachDatabase
    void maxPlanNumberIsTheHighestNumberAfterThePrefix(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        assertThat(twaps.maxPlanNumber("twap_")).isZero();
        // Not counted: ids a LIKE 'twap_%' matches without being twap_ + digits ("_" is a wildcard, and
        // SQLite's LIKE ignores case), and a number too large for an int.
        for (String id : List.of("twap_1", "twap_12", "twap_x", "other_99", "twapX50", "TWAP_70", "twap_3a",
                "twap_", "xtwap_80", "twap_99999999999")) {
            twaps.insert(pending(id, 1_000));
        }

        assertThat(twaps.maxPlanNumber("twap_")).isEqualTo(12);
        assertThat(twaps.maxPlanNumber("other_")).isEqualTo(99);
        assertThat(twaps.maxPlanNumber("none_")).isZero();
    }

    @EachDatabase
    void pnlSinceIsTheExactSumOfTheSlicesFinishedFromThen(TestDatabase db) {
        TwapRepository twaps = new TwapRepository(db.dataSource());
        twaps.saveAll(List.of(), List.of(
                done(sending("twap_1", 1, 1_000), 1_999, "100"),
                done(sending("twap_1", 2, 1_000), 2_000, "0.00000001"),
                done(sending("twap_2", 1, 1_000), 3_000, "-0.5"),
                done(sending("twap_2", 2, 1_000), 2_500, null),
                done(sending("twap_3", 1, 1_000), 4_000, "123456789.123456789"),
                sending("twap_3", 2, 1_000)));

        assertExact(twaps.pnlSince(2_000), "123456788.623456799");
        assertExact(twaps.pnlSince(2_001), "123456788.623456789");
        assertThat(twaps.pnlSince(4_001)).isEqualTo(BigDecimal.ZERO);
    }
}

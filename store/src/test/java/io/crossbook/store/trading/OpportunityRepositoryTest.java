package io.crossbook.store.trading;

import static io.crossbook.store.trading.TradingRows.assertExact;
import static io.crossbook.store.trading.TradingRows.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpportunityRepositoryTest {

    @EachDatabase
    void findsTheOpportunitiesItStoredWithTheirFiguresAndExactQuantity(TestDatabase db) {
        OpportunityRepository opportunities = new OpportunityRepository(db.dataSource());
        StoredOpportunity seen = new StoredOpportunity("o1", "p1", "reverse", -3.25, -0.005000769230769231,
                -0.1234567890123, 64999.99, 65003.24, new BigDecimal("1.500000"), 1_700_000_000_123L);

        opportunities.insertAll(List.of(seen));

        List<StoredOpportunity> found = opportunities.recent(null, 10);
        assertThat(found).containsExactly(seen);
        assertExact(found.getFirst().qty(), "1.500000");
    }

    @EachDatabase
    void recentIsNewestFirstAndLimited(TestDatabase db) {
        OpportunityRepository opportunities = new OpportunityRepository(db.dataSource());
        opportunities.insertAll(List.of(opportunity("a", "p1", 1_000), opportunity("b", "p1", 3_000),
                opportunity("c", "p1", 2_000), opportunity("d", "p1", 3_000)));

        assertThat(opportunities.recent(null, 3)).extracting(StoredOpportunity::id).containsExactly("d", "b", "c");
        assertThat(opportunities.recent(null, 10)).extracting(StoredOpportunity::id).containsExactly("d", "b", "c", "a");
    }

    @EachDatabase
    void recentOfAPairLeavesTheOthersOut(TestDatabase db) {
        OpportunityRepository opportunities = new OpportunityRepository(db.dataSource());
        opportunities.insertAll(List.of(opportunity("a", "p1", 1_000), opportunity("b", "p2", 2_000),
                opportunity("c", "p1", 3_000)));

        assertThat(opportunities.recent("p1", 10)).extracting(StoredOpportunity::id).containsExactly("c", "a");
        assertThat(opportunities.recent("p2", 10)).extracting(StoredOpportunity::id).containsExactly("b");
        assertThat(opportunities.recent("p-unknown", 10)).isEmpty();
    }

    @EachDatabase
    void aLargeBatchIsStoredWhole(TestDatabase db) {
        OpportunityRepository opportunities = new OpportunityRepository(db.dataSource());
        List<StoredOpportunity> batch = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            batch.add(opportunity("o" + i, "p" + i % 3, 1_000 + i));
        }

        opportunities.insertAll(batch);

        assertThat(opportunities.recent(null, 2_000)).hasSize(1_000);
        assertThat(opportunities.recent("p0", 1)).extracting(StoredOpportunity::id).containsExactly("o999");
    }

    @EachDatabase
    void aRetriedBatchAddsNothingTwice(TestDatabase db) {
        OpportunityRepository opportunities = new OpportunityRepository(db.dataSource());
        StoredOpportunity first = opportunity("a", "p1", 1_000);
        opportunities.insertAll(List.of(first));

        opportunities.insertAll(List.of(first, opportunity("b", "p1", 2_000)));

        assertThat(opportunities.recent(null, 10)).extracting(StoredOpportunity::id).containsExactly("b", "a");
    }

    @EachDatabase
    void deletesTheOpportunitiesSeenBeforeATime(TestDatabase db) {
        OpportunityRepository opportunities = new OpportunityRepository(db.dataSource());
        opportunities.insertAll(List.of(opportunity("a", "p1", 1_000), opportunity("b", "p2", 1_999),
                opportunity("c", "p1", 2_000)));

        assertThat(opportunities.deleteOlderThan(2_000)).isEqualTo(2);
        assertThat(opportunities.deleteOlderThan(2_000)).isZero();

        assertThat(opportunities.recent(null, 10)).extracting(StoredOpportunity::id).containsExactly("c");
    }

    @EachDatabase
    void aLimitMustBePositive(TestDatabase db) {
        OpportunityRepository opportunities = new OpportunityRepository(db.dataSource());

        assertThatThrownBy(() -> opportunities.recent(null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void refusesFiguresTheDatabasesWouldStoreDifferently() {
        assertThatThrownBy(() -> new StoredOpportunity("o1", "p1", "forward", Double.NaN, 0, 0, 1, 1, BigDecimal.ONE, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spread");
        assertThatThrownBy(() -> new StoredOpportunity("o1", "p1", "forward", 0, 0, 0, Double.POSITIVE_INFINITY, 1,
                BigDecimal.ONE, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leg1Price");
    }
}

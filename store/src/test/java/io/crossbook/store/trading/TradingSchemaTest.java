package io.crossbook.store.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.util.List;

class TradingSchemaTest {

    @EachDatabase
    void createsTheTradingTables(TestDatabase db) {
        for (String table : List.of("arb_pairs", "arb_opportunities", "arb_executions", "orders")) {
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
    }

    @EachDatabase
    void anEnabledFlagCanBeQueriedAsABoolean(TestDatabase db) {
        PairRepository pairs = new PairRepository(db.jdbc());
        pairs.insert(TradingRows.pair("on", 1_000));
        StoredPair on = TradingRows.pair("off", 1_000);
        pairs.insert(new StoredPair("off", on.leg1Exchange(), on.leg1Symbol(), on.leg1Type(), on.leg2Exchange(),
                on.leg2Symbol(), on.leg2Type(), on.threshold(), on.qty(), on.totalAmount(), on.direction(), false,
                on.createdAt(), on.updatedAt()));

        assertThat(db.jdbc().sql("SELECT id FROM arb_pairs WHERE enabled = TRUE").query(String.class).list())
                .containsExactly("on");
    }
}

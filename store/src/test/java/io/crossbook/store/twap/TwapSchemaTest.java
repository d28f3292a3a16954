package io.crossbook.store.twap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

class TwapSchemaTest {
    private static final String INSERT_PLAN = """
            INSERT INTO twap_plans (id, name, legs_json, total_qty, slice_qty, interval_ms, state, executed_qty,
                                    slices_done, next_slice, skips, created_ts, updated_ts)
            VALUES (:id, 'plan', '[]', '1', '0.1', 1000, :state, '0', 0, 1, 0, 1, 1)""";
    private static final String INSERT_SLICE = """
            INSERT INTO twap_slices (plan_id, slice_no, execution_id, qty, state, executed_qty, legs_json, started_ts)
            VALUES ('twap_1', :sliceNo, :executionId, '0.1', :state, '0', '[]', 1)""";

    @EachDatabase
    void createsTheTwapTables(TestDatabase db) {
        for (String table : List.of("twap_plans", "twap_slices")) {
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
    }

    @EachDatabase
    void refusesAPlanInAnUnknownState(TestDatabase db) {
        JdbcClient jdbc = db.jdbc();
        jdbc.sql(INSERT_PLAN).param("id", "twap_1").param("state", "running").update();

        assertThatThrownBy(() -> jdbc.sql(INSERT_PLAN).param("id", "twap_2").param("state", "bogus").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("SELECT id FROM twap_plans").query(String.class).list()).containsExactly("twap_1");
    }

    @EachDatabase
    void refusesASliceInAnUnknownState(TestDatabase db) {
        assertASecondSliceIsRefused(db.jdbc(), "x-2", "lost");
    }

    @EachDatabase
    void refusesTwoSlicesOfOneExecution(TestDatabase db) {
        assertASecondSliceIsRefused(db.jdbc(), "x-1", StoredTwapSlice.SENDING);
    }

    /** A first slice (execution x-1, done) goes in; a second with these values is refused and not written. */
    private static void assertASecondSliceIsRefused(JdbcClient jdbc, String executionId, String state) {
        insertSlice(jdbc, 1, "x-1", StoredTwapSlice.DONE);

        assertThatThrownBy(() -> insertSlice(jdbc, 2, executionId, state)).isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("SELECT slice_no FROM twap_slices").query(Integer.class).list()).containsExactly(1);
    }

    private static void insertSlice(JdbcClient jdbc, int sliceNo, String executionId, String state) {
        jdbc.sql(INSERT_SLICE).param("sliceNo", sliceNo).param("executionId", executionId).param("state", state)
                .update();
    }
}

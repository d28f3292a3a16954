package io.crossbook.store.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

class RiskLimitRepositoryTest {

    @EachDatabase
    void nothingSetLoadsNothing(TestDatabase db) {
        RiskLimitRepository limits = new RiskLimitRepository(db.dataSource());

        limits.save(List.of(), "alice", 1_000);

        assertThat(limits.load()).isEmpty();
        assertThat(limits.changes(10)).isEmpty();
    }

    @EachDatabase
    void savesEveryChangedValueWithOneAuditRowPerChange(TestDatabase db) {
        RiskLimitRepository limits = new RiskLimitRepository(db.dataSource());

        limits.save(List.of(new LimitChange("maxNotional", "10000", "25000.00"),
                new LimitChange("staleBookAfter", null, "PT30S")), "alice", 1_000);

        assertThat(limits.load()).isEqualTo(Map.of("maxNotional", "25000.00", "staleBookAfter", "PT30S"));
        assertThat(limits.changes(10)).map(RiskLimitRepositoryTest::withoutId).containsExactlyInAnyOrder(
                change("maxNotional", "10000", "25000.00", "alice", 1_000),
                change("staleBookAfter", null, "PT30S", "alice", 1_000));
    }

    @EachDatabase
    void aSecondChangeReplacesTheValueAndIsAppendedToTheLog(TestDatabase db) {
        RiskLimitRepository limits = new RiskLimitRepository(db.dataSource());
        limits.save(List.of(new LimitChange("maxNotional", "10000", "25000.00"),
                new LimitChange("maxOpenOrders", "10", "20")), "alice", 1_000);

        limits.save(List.of(new LimitChange("maxNotional", "25000.00", "30000.50")), "bob", 2_000);

        assertThat(limits.load()).isEqualTo(Map.of("maxNotional", "30000.50", "maxOpenOrders", "20"));
        List<StoredLimitChange> log = limits.changes(10);
        assertThat(log).hasSize(3);
        assertThat(log).extracting(StoredLimitChange::id).doesNotHaveDuplicates();
        assertThat(withoutId(log.getFirst())).isEqualTo(change("maxNotional", "25000.00", "30000.50", "bob", 2_000));
        assertThat(log.subList(1, 3)).map(RiskLimitRepositoryTest::withoutId).containsExactlyInAnyOrder(
                change("maxNotional", "10000", "25000.00", "alice", 1_000),
                change("maxOpenOrders", "10", "20", "alice", 1_000));
        assertThat(limits.changes(1)).containsExactly(log.getFirst());
        assertThat(limits.changes(10)).as("the same order on every call").isEqualTo(log);
        assertThat(db.jdbc().sql("SELECT updated_by FROM risk_limits WHERE name = 'maxNotional'")
                .query(String.class).single()).isEqualTo("bob");
    }

    @EachDatabase
    void ofSeveralChangesOfOneLimitInACallTheLastIsKeptAndEachIsLogged(TestDatabase db) {
        RiskLimitRepository limits = new RiskLimitRepository(db.dataSource());

        limits.save(List.of(new LimitChange("maxNotional", "10000", "20000"),
                new LimitChange("maxNotional", "20000", "30000")), "alice", 1_000);

        assertThat(limits.load()).isEqualTo(Map.of("maxNotional", "30000"));
        assertThat(limits.changes(10)).map(RiskLimitRepositoryTest::withoutId).containsExactlyInAnyOrder(
                change("maxNotional", "10000", "20000", "alice", 1_000),
                change("maxNotional", "20000", "30000", "alice", 1_000));
    }

    @EachDatabase
    void aFailingRowLeavesNeitherValuesNorAuditRows(TestDatabase db) {
        RiskLimitRepository limits = new RiskLimitRepository(db.dataSource());
        limits.save(List.of(new LimitChange("maxNotional", null, "10000")), "alice", 1_000);
        // The records refuse nulls before any SQL runs, so the database is made to refuse the audit
        // row of one change: the values were upserted by then, and must go with it.
        refuseAuditRowsOf(db, "boom");

        assertThatThrownBy(() -> limits.save(List.of(new LimitChange("maxNotional", "10000", "20000"),
                new LimitChange("boom", null, "1"), new LimitChange("maxOpenOrders", null, "5")), "bob", 2_000))
                .isInstanceOf(DataAccessException.class);

        assertThat(limits.load()).isEqualTo(Map.of("maxNotional", "10000"));
        assertThat(limits.changes(10)).map(RiskLimitRepositoryTest::withoutId)
                .containsExactly(change("maxNotional", null, "10000", "alice", 1_000));
    }

    @EachDatabase
    void aSaveWithinTheCallersTransactionIsUndoneWithIt(TestDatabase db) {
        RiskLimitRepository limits = new RiskLimitRepository(db.dataSource());

        assertThatThrownBy(() -> db.inTransaction(() -> {
            limits.save(List.of(new LimitChange("maxNotional", null, "10000")), "alice", 1_000);
            throw new IllegalStateException("the caller fails after the save");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(limits.load()).isEmpty();
        assertThat(limits.changes(10)).isEmpty();
    }

    @EachDatabase
    void aLimitMustBePositive(TestDatabase db) {
        RiskLimitRepository limits = new RiskLimitRepository(db.dataSource());

        assertThatThrownBy(() -> limits.changes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void aChangeNeedsANameAndANewValue() {
        assertThatThrownBy(() -> new LimitChange("maxNotional", "10000", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("newValue");
        assertThatThrownBy(() -> new LimitChange(null, "10000", "1")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name");
    }

    /** A trigger that makes the database refuse every audit row of the limit, as a failing row would. */
    private static void refuseAuditRowsOf(TestDatabase db, String name) {
        if (db.kind() == TestDatabase.Kind.SQLITE) {
            db.jdbc().sql("CREATE TRIGGER refuse_audit BEFORE INSERT ON risk_limit_changes WHEN NEW.name = '" + name
                    + "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END").update();
        } else {
            db.jdbc().sql("CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql"
                    + " AS 'BEGIN RAISE EXCEPTION ''refused by the test''; END'").update();
            db.jdbc().sql("CREATE TRIGGER refuse_audit BEFORE INSERT ON risk_limit_changes FOR EACH ROW"
                    + " WHEN (NEW.name = '" + name + "') EXECUTE FUNCTION refuse_audit()").update();
        }
    }

    private static StoredLimitChange change(String name, String oldValue, String newValue, String by, long at) {
        return new StoredLimitChange("-", name, oldValue, newValue, by, at);
    }

    private static StoredLimitChange withoutId(StoredLimitChange c) {
        return new StoredLimitChange("-", c.name(), c.oldValue(), c.newValue(), c.changedBy(), c.changedAt());
    }
}

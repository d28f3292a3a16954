package io.crossbook.store.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.util.List;
import org.springframework.dao.DataAccessException;

class RiskSchemaTest {

    @EachDatabase
    void createsTheRiskTables(TestDatabase db) {
        for (String table : List.of("risk_limits", "risk_limit_changes", "risk_state", "risk_alerts")) {
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
    }

    @EachDatabase
    void theTradingStateIsASingleRow(TestDatabase db) {
        assertThatThrownBy(() -> db.jdbc().sql("""
                        INSERT INTO risk_state (id, state, changed_by, changed_at) VALUES (2, 'ACTIVE', 'alice', 1)""")
                .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM risk_state").query(Long.class).single()).isZero();
    }
}

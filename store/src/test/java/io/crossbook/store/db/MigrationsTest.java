package io.crossbook.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.dao.DataAccessException;

class MigrationsTest {

    @EachDatabase
    void everyMigrationIsAppliedAndASecondRunChangesNothing(TestDatabase db) {
        Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations(TestDatabase.MIGRATIONS).load();

        List<MigrationInfo> applied = List.of(flyway.info().applied());
        assertThat(applied).isNotEmpty().allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
        flyway.validate();
    }

    @EachDatabase
    void createsTheSignInTables(TestDatabase db) {
        for (String table : List.of("users", "user_sessions", "refresh_tokens")) {
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
    }

    @EachDatabase
    void refusesAnUnknownRole(TestDatabase db) {
        assertThatThrownBy(() -> db.jdbc().sql("""
                        INSERT INTO users (id, username, password_hash, role, created_at)
                        VALUES ('u1', 'mallory', 'x', 'root', 1)""").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
    }

    @EachDatabase
    void refusesASessionOfNoUser(TestDatabase db) {
        assertThatThrownBy(() -> db.jdbc().sql("INSERT INTO user_sessions (id, user_id, created_at) VALUES ('s1', 'nobody', 1)")
                .update())
                .isInstanceOf(DataAccessException.class);
    }
}

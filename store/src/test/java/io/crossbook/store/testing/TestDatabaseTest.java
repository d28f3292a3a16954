package io.crossbook.store.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class TestDatabaseTest {

    @Test
    void aSqliteDatabaseIsATemporaryFileDeletedOnClose() {
        TestDatabase db = TestDatabase.sqlite();
        Path file = Path.of(db.url().substring("jdbc:sqlite:".length()));
        assertThat(file).exists();

        db.close();

        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void aPostgresDatabaseIsAFreshSchemaDroppedOnClose() {
        String schema;
        try (TestDatabase db = TestDatabase.postgresql()) {
            schema = db.jdbc().sql("SELECT current_schema()").query(String.class).single();
            assertThat(schema).startsWith("crossbook_test_");
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
        }
        try (TestDatabase other = TestDatabase.postgresql()) {
            assertThat(other.jdbc().sql("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?")
                    .param(schema).query(Long.class).single()).isZero();
        }
    }

    @Test
    void aMissingDatabaseSkipsTheTestButFailsItOnCi() {
        assertThatThrownBy(() -> TestDatabase.unavailable("PostgreSQL is down", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("PostgreSQL is down").hasMessageContaining("skipped");
        assertThatThrownBy(() -> TestDatabase.unavailable("PostgreSQL is down", true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PostgreSQL is down").hasMessageContaining("CI=true");
    }
}

package io.crossbook.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.crossbook.store.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class PersistenceConfigurationTest {

    @Test
    void withoutAUrlItIsASqliteFileSetUpForManyThreads(@TempDir Path dir) {
        Path file = dir.resolve("data").resolve("crossbook.db");

        try (HikariDataSource pool = new PersistenceConfiguration().dataSource(new DatabaseProperties(null, null, null, file))) {
            JdbcClient jdbc = JdbcClient.create(pool);

            assertThat(file).exists();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(PersistenceConfiguration.SQLITE_POOL_SIZE);
            assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualToIgnoringCase("wal");
            assertThat(jdbc.sql("PRAGMA busy_timeout").query(Integer.class).single()).isEqualTo(5_000);
            assertThat(jdbc.sql("PRAGMA foreign_keys").query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("PRAGMA synchronous").query(Integer.class).single()).isEqualTo(2);
        }
    }

    @Test
    void emptySettingsMeanTheDefaults() {
        DatabaseProperties empty = new DatabaseProperties(" ", "", "", null);

        assertThat(empty.embedded()).isTrue();
        assertThat(empty.sqliteFile()).isEqualTo(Path.of("data", "crossbook.db"));
        assertThat(new DatabaseProperties("jdbc:postgresql://db/crossbook", "", "", null).user()).isNull();
    }

    @Test
    void withAUrlItIsPostgresql() {
        try (TestDatabase db = TestDatabase.postgresql();
             HikariDataSource pool = new PersistenceConfiguration().dataSource(
                     new DatabaseProperties(db.url(), db.user(), db.password(), null))) {
            JdbcClient jdbc = JdbcClient.create(pool);

            assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).startsWith("crossbook_test_");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
        }
    }

    @Test
    void anyOtherUrlIsRefusedWithoutShowingItsParameters() {
        DatabaseProperties mysql = new DatabaseProperties("jdbc:mysql://db/crossbook?password=hunter2", "u", "p", null);

        assertThatThrownBy(() -> new PersistenceConfiguration().dataSource(mysql))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("jdbc:mysql://db/crossbook")
                .hasMessageNotContaining("hunter2");
        assertThat(mysql.toString()).doesNotContain("hunter2").doesNotContain("p]");
    }
}

package io.crossbook.store.testing;

import io.crossbook.store.db.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database for one test, with every Flyway migration applied ({@link #unmigrated} for
 * tests of the migrating itself): a temporary SQLite file opened with the server's settings, or a
 * new schema in PostgreSQL. Closing it deletes the file or drops the schema.
 *
 * <p>PostgreSQL is {@code CROSSBOOK_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
 * {@code CROSSBOOK_TEST_PG_USER} (default {@code postgres}) and {@code CROSSBOOK_TEST_PG_PASSWORD}.
 * When it cannot be reached the test is skipped with the reason, except when {@code CI=true}:
 * there a missing database fails the test.
 */
public final class TestDatabase implements AutoCloseable {
    public enum Kind {
        SQLITE, POSTGRESQL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the server's Flyway finds the migrations too (its default location). */
    public static final String MIGRATIONS = "classpath:db/migration";

    private static final String PG_URL = env("CROSSBOOK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = env("CROSSBOOK_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = env("CROSSBOOK_TEST_PG_PASSWORD", "");
    /** Why PostgreSQL cannot be used, checked once per JVM; empty when it can. */
    private static volatile String postgresProblem;

    private final Kind kind;
    private final String url;
    private final SimpleDriverDataSource dataSource;
    private final Runnable dropper;

    private TestDatabase(Kind kind, String url, Properties connectionProperties, Runnable dropper, boolean migrate) {
        this.kind = kind;
        this.url = url;
        this.dataSource = new SimpleDriverDataSource(driver(url), url, connectionProperties);
        this.dropper = dropper;
        if (migrate) {
            try {
                Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
            } catch (RuntimeException e) {
                dropper.run();
                throw e;
            }
        }
    }

    /** A migrated database of the kind. */
    public static TestDatabase create(Kind kind) {
        return open(kind, true);
    }

    /** An empty database of the kind, for tests of what migrates it. */
    public static TestDatabase unmigrated(Kind kind) {
        return open(kind, false);
    }

    public static TestDatabase sqlite() {
        return open(Kind.SQLITE, true);
    }

    /** A new schema in the test PostgreSQL; skips or fails (CI) when there is none. */
    public static TestDatabase postgresql() {
        return open(Kind.POSTGRESQL, true);
    }

    private static TestDatabase open(Kind kind, boolean migrate) {
        assumeAvailable(kind);
        if (kind == Kind.SQLITE) {
            try {
                Path dir = Files.createTempDirectory("crossbook-test-db");
                return new TestDatabase(kind, Sqlite.url(dir.resolve("crossbook.db")), Sqlite.connectionProperties(),
                        () -> deleteTree(dir), migrate);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a temporary SQLite database", e);
            }
        }
        String schema = "crossbook_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(kind, url, pgCredentials(), () -> execute("DROP SCHEMA " + schema + " CASCADE"), migrate);
    }

    public Kind kind() {
        return kind;
    }

    /** The JDBC URL of this database (a PostgreSQL URL names its schema). */
    public String url() {
        return url;
    }

    public String user() {
        return kind == Kind.POSTGRESQL ? PG_USER : "";
    }

    public String password() {
        return kind == Kind.POSTGRESQL ? PG_PASSWORD : "";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** Runs the work in one transaction, as the server's services do. */
    public <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(new JdbcTransactionManager(dataSource)).execute(status -> work.get());
    }

    @Override
    public void close() {
        dropper.run();
    }

    @Override
    public String toString() {
        return kind.id();
    }

    /**
     * Returns when the kind of database can be used; otherwise skips the calling test with the
     * reason, or fails it when {@code CI=true}. SQLite is always there.
     */
    public static void assumeAvailable(Kind kind) {
        if (kind == Kind.SQLITE) {
            return;
        }
        String problem = postgresProblem();
        if (!problem.isEmpty()) {
            unavailable("PostgreSQL at " + PG_URL + " (user " + PG_USER + ") is not reachable: " + problem,
                    "true".equalsIgnoreCase(System.getenv("CI")));
        }
    }

    /** A missing database skips the test, except on CI, where it is a failure. */
    static void unavailable(String reason, boolean ci) {
        if (ci) {
            throw new AssertionError(reason + ". CI=true requires it: start PostgreSQL or set CROSSBOOK_TEST_PG_URL.");
        }
        Assumptions.abort(reason + ". The PostgreSQL run is skipped (with CI=true it would fail).");
    }

    private static String postgresProblem() {
        String problem = postgresProblem;
        if (problem == null) {
            try (Connection c = DriverManager.getConnection(PG_URL, pgCredentials())) {
                problem = c.isValid(5) ? "" : "the connection is not valid";
            } catch (SQLException e) {
                problem = String.valueOf(e.getMessage()).replaceFirst("\\.$", "");
            }
            postgresProblem = problem;
        }
        return problem;
    }

    private static Properties pgCredentials() {
        Properties p = new Properties();
        p.setProperty("user", PG_USER);
        p.setProperty("password", PG_PASSWORD);
        p.setProperty("connectTimeout", "5");
        return p;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, pgCredentials()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed", e);
        }
    }

    private static Driver driver(String url) {
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new IllegalStateException("no JDBC driver for " + url, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

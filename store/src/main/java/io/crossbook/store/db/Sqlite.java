package io.crossbook.store.db;

import java.nio.file.Path;
import java.util.Properties;

/**
 * How Crossbook opens its embedded SQLite database: one place, so the server's pool and the tests
 * run with the same settings.
 */
public final class Sqlite {
    /** Writers wait this long for the database lock before failing. */
    public static final int BUSY_TIMEOUT_MS = 5_000;

    private Sqlite() {
    }

    public static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath().normalize();
    }

    /** sqlite-jdbc connection properties; each is applied as a pragma on every new connection. */
    public static Properties connectionProperties() {
        Properties p = new Properties();
        // Readers never block the writer and the writer never blocks readers.
        p.setProperty("journal_mode", "WAL");
        // An acknowledged write (an order, a fill) survives a power loss, not only a process crash.
        p.setProperty("synchronous", "FULL");
        // Several threads write; they queue for the lock instead of failing at once.
        p.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
        // Transactions take the write lock when they begin: a read-then-write transaction cannot
        // be refused half-way because another connection wrote in between (SQLITE_BUSY_SNAPSHOT).
        p.setProperty("transaction_mode", "IMMEDIATE");
        // SQLite ignores REFERENCES ... ON DELETE CASCADE unless asked, per connection.
        p.setProperty("foreign_keys", "true");
        return p;
    }
}

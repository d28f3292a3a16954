package io.crossbook.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crossbook.store.db.Sqlite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one connection pool: the embedded SQLite file by default, PostgreSQL when configured.
 * Flyway applies the migrations in {@code store} to it on start (Spring Boot's default location,
 * {@code classpath:db/migration}).
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceConfiguration.class);
    /** SQLite writes one transaction at a time; a few connections are enough for concurrent reads. */
    static final int SQLITE_POOL_SIZE = 4;

    @Bean
    HikariDataSource dataSource(DatabaseProperties db) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("crossbook-db");
        if (db.embedded()) {
            Path file = db.sqliteFile().toAbsolutePath().normalize();
            createDirectories(file.getParent());
            config.setJdbcUrl(Sqlite.url(file));
            config.setDataSourceProperties(Sqlite.connectionProperties());
            config.setMaximumPoolSize(SQLITE_POOL_SIZE);
        } else {
            if (!db.url().startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException("crossbook.db.url (CROSSBOOK_DB_URL) must be a jdbc:postgresql: URL, not '"
                        + db.urlWithoutParameters() + "'; leave it unset for the embedded SQLite database");
            }
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        }
        LOG.info("database: {}", db);
        return new HikariDataSource(config);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + dir, e);
        }
    }
}

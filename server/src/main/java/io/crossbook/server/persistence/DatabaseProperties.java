package io.crossbook.server.persistence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.db.*}: PostgreSQL when {@code url} is set (environment {@code CROSSBOOK_DB_URL},
 * {@code CROSSBOOK_DB_USER}, {@code CROSSBOOK_DB_PASSWORD}), else the embedded SQLite file
 * {@code sqlite-file} ({@code ./data/crossbook.db}).
 */
@ConfigurationProperties("crossbook.db")
public record DatabaseProperties(String url, String user, String password, Path sqliteFile) {

    public DatabaseProperties {
        url = blankToNull(url);
        user = blankToNull(user);
        password = blankToNull(password);
        sqliteFile = sqliteFile == null ? Path.of("data", "crossbook.db") : sqliteFile;
    }

    public boolean embedded() {
        return url == null;
    }

    /** Leaves the password out. */
    @Override
    public String toString() {
        return embedded() ? "SQLite " + sqliteFile.toAbsolutePath().normalize() : "PostgreSQL " + urlWithoutParameters();
    }

    /** Keys left empty in application.yml bind as empty strings; the driver must not get an empty user. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The URL without its query, where a password may be passed. */
    String urlWithoutParameters() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}

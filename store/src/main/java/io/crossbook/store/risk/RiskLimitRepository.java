package io.crossbook.store.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code risk_limits} table, the value of each limit an admin has set (the others are the
 * configured defaults), and {@code risk_limit_changes}, the audit log of every change to them. A
 * change and its audit rows are written together or not at all, so the log never misses a value
 * that took effect nor records one that did not.
 */
public final class RiskLimitRepository {
    private static final String UPSERT = """
            INSERT INTO risk_limits (name, value, updated_by, updated_at)
            VALUES (:name, :value, :changedBy, :changedAt)
            ON CONFLICT (name) DO UPDATE SET
                value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at""";
    private static final String INSERT_CHANGE = """
            INSERT INTO risk_limit_changes (id, name, old_value, new_value, changed_by, changed_at)
            VALUES (:id, :name, :oldValue, :newValue, :changedBy, :changedAt)""";

    private final NamedParameterJdbcTemplate batches;
    private final TransactionOperations transactions;
    private final JdbcClient jdbc;

    public RiskLimitRepository(DataSource dataSource) {
        this.batches = new NamedParameterJdbcTemplate(dataSource);
        // Joins a transaction the caller already has on the same data source, as the trading batches do.
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.jdbc = JdbcClient.create(batches);
    }

    /** The value of every limit an admin has set, by name; a limit not in it has its configured default. */
    public Map<String, String> load() {
        Map<String, String> values = new HashMap<>();
        jdbc.sql("SELECT name, value FROM risk_limits")
                .query(rs -> {
                    values.put(rs.getString("name"), rs.getString("value"));
                });
        return Map.copyOf(values);
    }

    /**
     * Stores the new value of every changed limit and appends one audit row per change, all in one
     * transaction: everything is written or, if any row fails, nothing. {@code ts} is when, in epoch
     * milliseconds, for both. Of several changes of one limit in the list the last value is the one
     * kept (PostgreSQL refuses to update one row twice in a statement, which a batch can become when
     * the driver rewrites it); each still has its audit row.
     */
    public void save(List<LimitChange> changes, String changedBy, long ts) {
        Objects.requireNonNull(changedBy, "changedBy");
        if (changes.isEmpty()) {
            return;
        }
        Map<String, LimitChange> latest = new LinkedHashMap<>();
        changes.forEach(change -> latest.put(change.name(), change));
        transactions.executeWithoutResult(status -> {
            batches.batchUpdate(UPSERT, latest.values().stream()
                    .map(change -> new MapSqlParameterSource()
                            .addValue("name", change.name())
                            .addValue("value", change.newValue())
                            .addValue("changedBy", changedBy)
                            .addValue("changedAt", ts))
                    .toArray(SqlParameterSource[]::new));
            batches.batchUpdate(INSERT_CHANGE, changes.stream()
                    .map(change -> new MapSqlParameterSource()
                            .addValue("id", UUID.randomUUID().toString())
                            .addValue("name", change.name())
                            .addValue("oldValue", change.oldValue(), Types.VARCHAR)
                            .addValue("newValue", change.newValue())
                            .addValue("changedBy", changedBy)
                            .addValue("changedAt", ts))
                    .toArray(SqlParameterSource[]::new));
        });
    }

    /**
     * The latest {@code limit} changes, newest first. Changes saved together have the same time and
     * come in an order that is arbitrary but the same on every call (by id).
     */
    public List<StoredLimitChange> changes(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return jdbc.sql("""
                        SELECT id, name, old_value, new_value, changed_by, changed_at FROM risk_limit_changes
                        ORDER BY changed_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit)
                .query(RiskLimitRepository::change)
                .list();
    }

    private static StoredLimitChange change(ResultSet rs, int row) throws SQLException {
        return new StoredLimitChange(rs.getString("id"), rs.getString("name"), rs.getString("old_value"),
                rs.getString("new_value"), rs.getString("changed_by"), rs.getLong("changed_at"));
    }
}

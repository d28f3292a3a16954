package io.crossbook.store.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code risk_alerts} table: every alert the risk engine raised, written in batches. */
public final class AlertRepository {
    private static final String INSERT = """
            INSERT INTO risk_alerts (id, severity, code, rule, message, pair_id, venue, ts)
            VALUES (:id, :severity, :code, :rule, :message, :pairId, :venue, :ts)
            ON CONFLICT (id) DO NOTHING""";
    private static final String SELECT = "SELECT id, severity, code, rule, message, pair_id, venue, ts FROM risk_alerts";

    private final NamedParameterJdbcTemplate batches;
    private final TransactionOperations transactions;
    private final JdbcClient jdbc;

    public AlertRepository(DataSource dataSource) {
        this.batches = new NamedParameterJdbcTemplate(dataSource);
        // Joins a transaction the caller already has on the same data source, as the trading batches do.
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.jdbc = JdbcClient.create(batches);
    }

    /**
     * Adds the alerts as one batch in one transaction: all of them, or none if one fails. Ids already
     * stored are skipped, so a batch retried after an unknown outcome adds nothing twice.
     */
    public void insertAll(List<StoredAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = alerts.stream().map(AlertRepository::params).toArray(SqlParameterSource[]::new);
        transactions.executeWithoutResult(status -> batches.batchUpdate(INSERT, rows));
    }

    /**
     * The latest {@code limit} alerts, newest first and, at the same time, highest id first. A null
     * {@code severityOrNull} or {@code pairIdOrNull} leaves that filter out.
     */
    public List<StoredAlert> recent(int limit, String severityOrNull, String pairIdOrNull) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        // Only the filters given are in the statement: PostgreSQL cannot type a lone null parameter
        // in "(:severity IS NULL OR ...)".
        List<String> where = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        if (severityOrNull != null) {
            where.add("severity = :severity");
            params.addValue("severity", severityOrNull);
        }
        if (pairIdOrNull != null) {
            where.add("pair_id = :pairId");
            params.addValue("pairId", pairIdOrNull);
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return jdbc.sql(SELECT + filter + " ORDER BY ts DESC, id DESC LIMIT :limit")
                .paramSource(params)
                .query(AlertRepository::alert)
                .list();
    }

    /** Deletes the alerts raised before {@code ts}; returns how many. */
    public int deleteOlderThan(long ts) {
        return jdbc.sql("DELETE FROM risk_alerts WHERE ts < :ts").param("ts", ts).update();
    }

    private static MapSqlParameterSource params(StoredAlert a) {
        return new MapSqlParameterSource()
                .addValue("id", a.id())
                .addValue("severity", a.severity())
                .addValue("code", a.code())
                .addValue("rule", a.rule())
                .addValue("message", a.message())
                .addValue("pairId", a.pairId(), Types.VARCHAR)
                .addValue("venue", a.venue(), Types.VARCHAR)
                .addValue("ts", a.ts());
    }

    private static StoredAlert alert(ResultSet rs, int row) throws SQLException {
        return new StoredAlert(rs.getString("id"), rs.getString("severity"), rs.getString("code"), rs.getString("rule"),
                rs.getString("message"), rs.getString("pair_id"), rs.getString("venue"), rs.getLong("ts"));
    }
}

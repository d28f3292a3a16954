package io.crossbook.store.trading;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * JDBC batches in one transaction, for the repositories that write many rows at once. The
 * transaction joins one the caller already has on the same data source (Spring binds a transaction
 * to its data source, not to a manager), so a batch inside a service's transaction commits with it.
 * Public for the repositories of the other table groups (TWAP) that write the same way.
 */
public final class Batches {
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionOperations transactions;

    public Batches(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    /** A client for the single statements, on the same data source. */
    public JdbcClient client() {
        return JdbcClient.create(jdbc);
    }

    /** Runs the work in one transaction: everything it wrote is committed, or, if it throws, nothing. */
    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    /** Runs the statement once per row as one JDBC batch; call it inside {@link #inTransaction}. */
    public <T> void batch(String sql, Collection<T> rows, Function<T, SqlParameterSource> params) {
        jdbc.batchUpdate(sql, rows.stream().map(params).toArray(SqlParameterSource[]::new));
    }

    /**
     * Of several rows with one key, only the last, in the order of their first appearance: what a
     * batch of upserts should write, since the last state is what would stay anyway and PostgreSQL
     * refuses to update one row twice in a statement, which a batch can become when the driver
     * rewrites it.
     */
    public static <T> Collection<T> latest(List<T> rows, Function<T, ?> key) {
        Map<Object, T> latest = new LinkedHashMap<>();
        rows.forEach(row -> latest.put(key.apply(row), row));
        return latest.values();
    }
}

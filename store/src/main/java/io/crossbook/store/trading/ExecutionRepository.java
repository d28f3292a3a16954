package io.crossbook.store.trading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code arb_executions} table, one row per execution rewritten on every state change, and the
 * batched writing of executions together with their {@code orders}.
 */
public final class ExecutionRepository {
    /** Last write wins on every column but the id and when the execution started. */
    private static final String UPSERT = """
            INSERT INTO arb_executions
                (id, pair_id, kind, state, outcome, direction, qty, spread, spread_percent, pnl, fees, legs_json, detail,
                 started_ts, finished_ts)
            VALUES (:id, :pairId, :kind, :state, :outcome, :direction, :qty, :spread, :spreadPercent, :pnl, :fees,
                    :legsJson, :detail, :startedTs, :finishedTs)
            ON CONFLICT (id) DO UPDATE SET
                pair_id = excluded.pair_id, kind = excluded.kind, state = excluded.state, outcome = excluded.outcome,
                direction = excluded.direction, qty = excluded.qty, spread = excluded.spread,
                spread_percent = excluded.spread_percent, pnl = excluded.pnl, fees = excluded.fees,
                legs_json = excluded.legs_json, detail = excluded.detail, finished_ts = excluded.finished_ts""";
    private static final String SELECT = """
            SELECT id, pair_id, kind, state, outcome, direction, qty, spread, spread_percent, pnl, fees, legs_json, detail,
                   started_ts, finished_ts
            FROM arb_executions""";

    private final Batches batches;
    private final JdbcClient jdbc;

    public ExecutionRepository(DataSource dataSource) {
        this.batches = new Batches(dataSource);
        this.jdbc = batches.client();
    }

    /** Stores the execution, or its new state if it was stored before (keeping when it started). */
    public void upsert(StoredExecution execution) {
        jdbc.sql(UPSERT).paramSource(params(execution)).update();
    }

    /**
     * Upserts the executions, then the orders, as JDBC batches in one transaction: all of it is
     * written or, if any row fails, none. Of several states of one execution or order in a list only
     * the last is written: it is what would stay anyway, and PostgreSQL refuses to update one row twice
     * in a statement, which a batch can become when the driver rewrites it.
     */
    public void saveAll(List<StoredExecution> executions, List<StoredOrder> orders) {
        batches.inTransaction(() -> {
            batches.batch(UPSERT, Batches.latest(executions, StoredExecution::id), ExecutionRepository::params);
            batches.batch(OrderRepository.UPSERT, Batches.latest(orders, StoredOrder::clientOrderId),
                    OrderRepository::params);
        });
    }

    public Optional<StoredExecution> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ExecutionRepository::execution).optional();
    }

    /** The latest {@code limit} executions, of one pair or of all when {@code pairIdOrNull} is null, newest first. */
    public List<StoredExecution> recent(String pairIdOrNull, int limit) {
        return NewestFirst.query(jdbc, SELECT, "started_ts", pairIdOrNull, limit, ExecutionRepository::execution);
    }

    /** The executions finished at or after {@code since} (epoch ms), oldest first: the P&L series of the risk figures. */
    public List<StoredExecution> finishedSince(long since) {
        return jdbc.sql(SELECT + " WHERE finished_ts >= :since ORDER BY finished_ts, id")
                .param("since", since)
                .query(ExecutionRepository::execution)
                .list();
    }

    /** The executions not over yet (no finish time), oldest first: what a restart must resume or reconcile. */
    public List<StoredExecution> unfinished() {
        return jdbc.sql(SELECT + " WHERE finished_ts IS NULL ORDER BY started_ts, id")
                .query(ExecutionRepository::execution)
                .list();
    }

    private static MapSqlParameterSource params(StoredExecution e) {
        return new MapSqlParameterSource()
                .addValue("id", e.id())
                .addValue("pairId", e.pairId(), Types.VARCHAR)
                .addValue("kind", e.kind())
                .addValue("state", e.state())
                .addValue("outcome", e.outcome(), Types.VARCHAR)
                .addValue("direction", e.direction(), Types.VARCHAR)
                .addValue("qty", Columns.text(e.qty()))
                .addValue("spread", Columns.text(e.spread()), Types.VARCHAR)
                .addValue("spreadPercent", e.spreadPercent(), Types.DOUBLE)
                .addValue("pnl", Columns.text(e.pnl()), Types.VARCHAR)
                .addValue("fees", Columns.text(e.fees()), Types.VARCHAR)
                .addValue("legsJson", e.legsJson())
                .addValue("detail", e.detail(), Types.VARCHAR)
                .addValue("startedTs", e.startedTs())
                .addValue("finishedTs", e.finishedTs(), Types.BIGINT);
    }

    private static StoredExecution execution(ResultSet rs, int row) throws SQLException {
        return new StoredExecution(rs.getString("id"), rs.getString("pair_id"), rs.getString("kind"),
                rs.getString("state"), rs.getString("outcome"), rs.getString("direction"), Columns.decimal(rs, "qty"),
                Columns.decimal(rs, "spread"), Columns.nullableDouble(rs, "spread_percent"), Columns.decimal(rs, "pnl"),
                Columns.decimal(rs, "fees"), rs.getString("legs_json"), rs.getString("detail"),
                rs.getLong("started_ts"), Columns.nullableLong(rs, "finished_ts"));
    }
}

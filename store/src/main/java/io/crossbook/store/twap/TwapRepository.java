package io.crossbook.store.twap;

import io.crossbook.store.trading.Batches;
import io.crossbook.store.trading.Columns;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code twap_plans} table, one row per plan rewritten on every change of its progress or state,
 * and {@code twap_slices}, one row per slice sent, written in batches together.
 */
public final class TwapRepository {
    private static final String INSERT_PLAN = """
            INSERT INTO twap_plans
                (id, name, legs_json, total_qty, slice_qty, interval_ms, max_adverse_spread_percent, state, reason,
                 executed_qty, slices_done, next_slice, skips, last_skip, created_ts, started_ts, last_execution_ts,
                 updated_ts)
            VALUES (:id, :name, :legsJson, :totalQty, :sliceQty, :intervalMs, :maxAdverseSpreadPercent, :state, :reason,
                    :executedQty, :slicesDone, :nextSlice, :skips, :lastSkip, :createdTs, :startedTs, :lastExecutionTs,
                    :updatedTs)
            """;
    /** Last write wins on every column but the id and when the plan was created. */
    private static final String UPSERT_PLAN = INSERT_PLAN + """
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, legs_json = excluded.legs_json, total_qty = excluded.total_qty,
                slice_qty = excluded.slice_qty, interval_ms = excluded.interval_ms,
                max_adverse_spread_percent = excluded.max_adverse_spread_percent, state = excluded.state,
                reason = excluded.reason, executed_qty = excluded.executed_qty, slices_done = excluded.slices_done,
                next_slice = excluded.next_slice, skips = excluded.skips, last_skip = excluded.last_skip,
                started_ts = excluded.started_ts, last_execution_ts = excluded.last_execution_ts,
                updated_ts = excluded.updated_ts""";
    /** Last write wins on every column but the key and when the slice started. */
    private static final String UPSERT_SLICE = """
            INSERT INTO twap_slices
                (plan_id, slice_no, execution_id, qty, state, outcome, executed_qty, fees, pnl, legs_json, detail,
                 started_ts, finished_ts)
            VALUES (:planId, :sliceNo, :executionId, :qty, :state, :outcome, :executedQty, :fees, :pnl, :legsJson,
                    :detail, :startedTs, :finishedTs)
            ON CONFLICT (plan_id, slice_no) DO UPDATE SET
                execution_id = excluded.execution_id, qty = excluded.qty, state = excluded.state,
                outcome = excluded.outcome, executed_qty = excluded.executed_qty, fees = excluded.fees,
                pnl = excluded.pnl, legs_json = excluded.legs_json, detail = excluded.detail,
                finished_ts = excluded.finished_ts""";
    private static final String SELECT_PLAN = """
            SELECT id, name, legs_json, total_qty, slice_qty, interval_ms, max_adverse_spread_percent, state, reason,
                   executed_qty, slices_done, next_slice, skips, last_skip, created_ts, started_ts, last_execution_ts,
                   updated_ts
            FROM twap_plans""";
    /** The escape character of the LIKE patterns, one neither database gives a meaning of its own. */
    private static final char LIKE_ESCAPE = '!';

    private final Batches batches;
    private final JdbcClient jdbc;

    public TwapRepository(DataSource dataSource) {
        this.batches = new Batches(dataSource);
        this.jdbc = batches.client();
    }

    /**
     * Adds the new plan; false, and nothing changes, when its id is taken. The conflict is skipped by
     * the statement rather than caught as an error: on PostgreSQL a failed statement would abort the
     * caller's transaction.
     */
    public boolean insert(StoredTwapPlan plan) {
        return jdbc.sql(INSERT_PLAN + "ON CONFLICT (id) DO NOTHING").paramSource(params(plan)).update() == 1;
    }

    /**
     * Upserts the plans, then the slices, as JDBC batches in one transaction: all of it is written or,
     * if any row fails, none. Of several states of one plan or slice in a list only the last is
     * written (see {@link Batches#latest}).
     */
    public void saveAll(List<StoredTwapPlan> plans, List<StoredTwapSlice> slices) {
        batches.inTransaction(() -> {
            batches.batch(UPSERT_PLAN, Batches.latest(plans, StoredTwapPlan::id), TwapRepository::params);
            batches.batch(UPSERT_SLICE, Batches.latest(slices, s -> List.of(s.planId(), s.sliceNo())),
                    TwapRepository::params);
        });
    }

    public Optional<StoredTwapPlan> find(String id) {
        return jdbc.sql(SELECT_PLAN + " WHERE id = :id").param("id", id).query(TwapRepository::plan).optional();
    }

    /** The latest {@code limit} plans, newest created first and, at the same time, highest id first. */
    public List<StoredTwapPlan> all(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return jdbc.sql(SELECT_PLAN + " ORDER BY created_ts DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(TwapRepository::plan)
                .list();
    }

    /** The plans not over yet (pending, running or paused), oldest created first: what a restart resumes. */
    public List<StoredTwapPlan> unfinished() {
        return jdbc.sql(SELECT_PLAN + " WHERE state IN (:unfinished) ORDER BY created_ts, id")
                .param("unfinished", List.copyOf(StoredTwapPlan.UNFINISHED))
                .query(TwapRepository::plan)
                .list();
    }

    /** The plan's slices, first sent first. */
    public List<StoredTwapSlice> slices(String planId) {
        return jdbc.sql("""
                        SELECT plan_id, slice_no, execution_id, qty, state, outcome, executed_qty, fees, pnl, legs_json,
                               detail, started_ts, finished_ts
                        FROM twap_slices WHERE plan_id = :planId ORDER BY slice_no""")
                .param("planId", planId)
                .query(TwapRepository::slice)
                .list();
    }

    /**
     * The highest N of the plan ids {@code prefix + N} (N in decimal digits), 0 when there is none: the
     * next plan is named with N + 1. A number too large for an int is not one of these and is skipped.
     */
    public int maxPlanNumber(String prefix) {
        // LIKE only narrows the rows read; which ids count is decided here, the same on both databases
        // (SQLite's LIKE ignores the case of letters, PostgreSQL's does not).
        return jdbc.sql("SELECT id FROM twap_plans WHERE id LIKE :pattern ESCAPE '" + LIKE_ESCAPE + "'")
                .param("pattern", likePrefix(prefix))
                .query(String.class)
                .list()
                .stream()
                .mapToInt(id -> number(id, prefix))
                .max()
                .orElse(0);
    }

    /**
     * The exact sum of the realised P&L of the slices finished at or after {@code ts} (epoch ms);
     * slices without one add nothing. Summed here: the column is text, and SQL would sum it inexactly
     * or not at all.
     */
    public BigDecimal pnlSince(long ts) {
        return jdbc.sql("SELECT pnl FROM twap_slices WHERE finished_ts >= :ts AND pnl IS NOT NULL")
                .param("ts", ts)
                .query(String.class)
                .list()
                .stream()
                .map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A LIKE pattern of the ids starting with the prefix, its wildcards ({@code _} in "twap_") taken literally. */
    private static String likePrefix(String prefix) {
        StringBuilder pattern = new StringBuilder();
        for (char c : prefix.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /** N of an id {@code prefix + N}, or 0 when the id is not of that form. */
    private static int number(String id, String prefix) {
        String digits = id.startsWith(prefix) ? id.substring(prefix.length()) : "";
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            return 0;
        }
    }

    private static MapSqlParameterSource params(StoredTwapPlan p) {
        return new MapSqlParameterSource()
                .addValue("id", p.id())
                .addValue("name", p.name())
                .addValue("legsJson", p.legsJson())
                .addValue("totalQty", Columns.text(p.totalQty()))
                .addValue("sliceQty", Columns.text(p.sliceQty()))
                .addValue("intervalMs", p.intervalMs())
                .addValue("maxAdverseSpreadPercent", Columns.text(p.maxAdverseSpreadPercent()), Types.VARCHAR)
                .addValue("state", p.state())
                .addValue("reason", p.reason(), Types.VARCHAR)
                .addValue("executedQty", Columns.text(p.executedQty()))
                .addValue("slicesDone", p.slicesDone())
                .addValue("nextSlice", p.nextSlice())
                .addValue("skips", p.skips())
                .addValue("lastSkip", p.lastSkip(), Types.VARCHAR)
                .addValue("createdTs", p.createdTs())
                .addValue("startedTs", p.startedTs(), Types.BIGINT)
                .addValue("lastExecutionTs", p.lastExecutionTs(), Types.BIGINT)
                .addValue("updatedTs", p.updatedTs());
    }

    private static MapSqlParameterSource params(StoredTwapSlice s) {
        return new MapSqlParameterSource()
                .addValue("planId", s.planId())
                .addValue("sliceNo", s.sliceNo())
                .addValue("executionId", s.executionId())
                .addValue("qty", Columns.text(s.qty()))
                .addValue("state", s.state())
                .addValue("outcome", s.outcome(), Types.VARCHAR)
                .addValue("executedQty", Columns.text(s.executedQty()))
                .addValue("fees", Columns.text(s.fees()), Types.VARCHAR)
                .addValue("pnl", Columns.text(s.pnl()), Types.VARCHAR)
                .addValue("legsJson", s.legsJson())
                .addValue("detail", s.detail(), Types.VARCHAR)
                .addValue("startedTs", s.startedTs())
                .addValue("finishedTs", s.finishedTs(), Types.BIGINT);
    }

    private static StoredTwapPlan plan(ResultSet rs, int row) throws SQLException {
        return new StoredTwapPlan(rs.getString("id"), rs.getString("name"), rs.getString("legs_json"),
                Columns.decimal(rs, "total_qty"), Columns.decimal(rs, "slice_qty"), rs.getLong("interval_ms"),
                Columns.decimal(rs, "max_adverse_spread_percent"), rs.getString("state"), rs.getString("reason"),
                Columns.decimal(rs, "executed_qty"), rs.getInt("slices_done"), rs.getInt("next_slice"),
                rs.getInt("skips"), rs.getString("last_skip"), rs.getLong("created_ts"),
                Columns.nullableLong(rs, "started_ts"), Columns.nullableLong(rs, "last_execution_ts"),
                rs.getLong("updated_ts"));
    }

    private static StoredTwapSlice slice(ResultSet rs, int row) throws SQLException {
        return new StoredTwapSlice(rs.getString("plan_id"), rs.getInt("slice_no"), rs.getString("execution_id"),
                Columns.decimal(rs, "qty"), rs.getString("state"), rs.getString("outcome"),
                Columns.decimal(rs, "executed_qty"), Columns.decimal(rs, "fees"), Columns.decimal(rs, "pnl"),
                rs.getString("legs_json"), rs.getString("detail"), rs.getLong("started_ts"),
                Columns.nullableLong(rs, "finished_ts"));
    }
}

package io.crossbook.store.trading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code arb_pairs} table: the pairs being monitored. */
public final class PairRepository {
    private static final String COLUMNS = """
            id, leg1_exchange, leg1_symbol, leg1_type, leg2_exchange, leg2_symbol, leg2_type,
            threshold, qty, total_amount, direction, enabled, created_at, updated_at""";

    private final JdbcClient jdbc;

    public PairRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every pair, oldest first. */
    public List<StoredPair> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM arb_pairs ORDER BY created_at, id")
                .query(PairRepository::pair)
                .list();
    }

    public Optional<StoredPair> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM arb_pairs WHERE id = :id")
                .param("id", id)
                .query(PairRepository::pair)
                .optional();
    }

    /** Adds the pair; false, and nothing changes, when its id is taken. */
    public boolean insert(StoredPair pair) {
        return jdbc.sql("""
                        INSERT INTO arb_pairs
                            (id, leg1_exchange, leg1_symbol, leg1_type, leg2_exchange, leg2_symbol, leg2_type,
                             threshold, qty, total_amount, direction, enabled, created_at, updated_at)
                        VALUES (:id, :leg1Exchange, :leg1Symbol, :leg1Type, :leg2Exchange, :leg2Symbol, :leg2Type,
                                :threshold, :qty, :totalAmount, :direction, :enabled, :createdAt, :updatedAt)
                        ON CONFLICT (id) DO NOTHING""")
                .paramSource(params(pair))
                .update() == 1;
    }

    /** Replaces the pair's settings, keeping when it was created; false when there is no such pair. */
    public boolean update(StoredPair pair) {
        return jdbc.sql("""
                        UPDATE arb_pairs SET
                            leg1_exchange = :leg1Exchange, leg1_symbol = :leg1Symbol, leg1_type = :leg1Type,
                            leg2_exchange = :leg2Exchange, leg2_symbol = :leg2Symbol, leg2_type = :leg2Type,
                            threshold = :threshold, qty = :qty, total_amount = :totalAmount,
                            direction = :direction, enabled = :enabled, updated_at = :updatedAt
                        WHERE id = :id""")
                .paramSource(params(pair))
                .update() == 1;
    }

    /** Deletes the pair (its history stays); false when there is no such pair. */
    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM arb_pairs WHERE id = :id").param("id", id).update() == 1;
    }

    private static MapSqlParameterSource params(StoredPair pair) {
        return new MapSqlParameterSource()
                .addValue("id", pair.id())
                .addValue("leg1Exchange", pair.leg1Exchange())
                .addValue("leg1Symbol", pair.leg1Symbol())
                .addValue("leg1Type", pair.leg1Type())
                .addValue("leg2Exchange", pair.leg2Exchange())
                .addValue("leg2Symbol", pair.leg2Symbol())
                .addValue("leg2Type", pair.leg2Type())
                .addValue("threshold", Columns.text(pair.threshold()))
                .addValue("qty", Columns.text(pair.qty()))
                .addValue("totalAmount", Columns.text(pair.totalAmount()))
                .addValue("direction", pair.direction())
                .addValue("enabled", pair.enabled())
                .addValue("createdAt", pair.createdAt())
                .addValue("updatedAt", pair.updatedAt());
    }

    private static StoredPair pair(ResultSet rs, int row) throws SQLException {
        return new StoredPair(rs.getString("id"), rs.getString("leg1_exchange"), rs.getString("leg1_symbol"),
                rs.getString("leg1_type"), rs.getString("leg2_exchange"), rs.getString("leg2_symbol"),
                rs.getString("leg2_type"), Columns.decimal(rs, "threshold"), Columns.decimal(rs, "qty"),
                Columns.decimal(rs, "total_amount"), rs.getString("direction"), rs.getBoolean("enabled"),
                rs.getLong("created_at"), rs.getLong("updated_at"));
    }
}

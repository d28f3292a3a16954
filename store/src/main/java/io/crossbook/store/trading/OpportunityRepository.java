package io.crossbook.store.trading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code arb_opportunities} table: the history of opportunities seen, written in batches. */
public final class OpportunityRepository {
    private static final String INSERT = """
            INSERT INTO arb_opportunities
                (id, pair_id, direction, spread, spread_percent, net_spread_percent, leg1_price, leg2_price, qty, ts)
            VALUES (:id, :pairId, :direction, :spread, :spreadPercent, :netSpreadPercent, :leg1Price, :leg2Price,
                    :qty, :ts)
            ON CONFLICT (id) DO NOTHING""";
    private static final String SELECT = """
            SELECT id, pair_id, direction, spread, spread_percent, net_spread_percent, leg1_price, leg2_price, qty, ts
            FROM arb_opportunities""";

    private final Batches batches;
    private final JdbcClient jdbc;

    public OpportunityRepository(DataSource dataSource) {
        this.batches = new Batches(dataSource);
        this.jdbc = batches.client();
    }

    /**
     * Adds the opportunities as one batch in one transaction: all of them, or none if one fails.
     * Ids already stored are skipped, so a batch retried after an unknown outcome adds nothing twice.
     */
    public void insertAll(List<StoredOpportunity> opportunities) {
        batches.inTransaction(() -> batches.batch(INSERT, opportunities, OpportunityRepository::params));
    }

    /** The latest {@code limit} opportunities, of one pair or of all when {@code pairIdOrNull} is null, newest first. */
    public List<StoredOpportunity> recent(String pairIdOrNull, int limit) {
        return NewestFirst.query(jdbc, SELECT, "ts", pairIdOrNull, limit, OpportunityRepository::opportunity);
    }

    /** Deletes the opportunities seen before {@code ts}; returns how many. */
    public int deleteOlderThan(long ts) {
        return jdbc.sql("DELETE FROM arb_opportunities WHERE ts < :ts").param("ts", ts).update();
    }

    private static MapSqlParameterSource params(StoredOpportunity o) {
        return new MapSqlParameterSource()
                .addValue("id", o.id())
                .addValue("pairId", o.pairId())
                .addValue("direction", o.direction())
                .addValue("spread", o.spread())
                .addValue("spreadPercent", o.spreadPercent())
                .addValue("netSpreadPercent", o.netSpreadPercent())
                .addValue("leg1Price", o.leg1Price())
                .addValue("leg2Price", o.leg2Price())
                .addValue("qty", Columns.text(o.qty()))
                .addValue("ts", o.ts());
    }

    private static StoredOpportunity opportunity(ResultSet rs, int row) throws SQLException {
        return new StoredOpportunity(rs.getString("id"), rs.getString("pair_id"), rs.getString("direction"),
                rs.getDouble("spread"), rs.getDouble("spread_percent"), rs.getDouble("net_spread_percent"),
                rs.getDouble("leg1_price"), rs.getDouble("leg2_price"), Columns.decimal(rs, "qty"), rs.getLong("ts"));
    }
}

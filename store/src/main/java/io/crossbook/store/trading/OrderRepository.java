package io.crossbook.store.trading;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code orders} table: every order sent, under its client order id, as of its latest
 * transition. {@link ExecutionRepository#saveAll} writes orders in batches with the same statement.
 */
public final class OrderRepository {
    /** Last write wins on every column but the id and when the order was first stored. */
    static final String UPSERT = """
            INSERT INTO orders
                (client_order_id, execution_id, exchange, market, symbol, side, type, time_in_force, qty, limit_price,
                 state, exchange_order_id, filled_qty, avg_price, fee, fee_asset, code, message, created_ts, updated_ts)
            VALUES (:clientOrderId, :executionId, :exchange, :market, :symbol, :side, :type, :timeInForce, :qty,
                    :limitPrice, :state, :exchangeOrderId, :filledQty, :avgPrice, :fee, :feeAsset, :code, :message,
                    :createdTs, :updatedTs)
            ON CONFLICT (client_order_id) DO UPDATE SET
                execution_id = excluded.execution_id, exchange = excluded.exchange, market = excluded.market,
                symbol = excluded.symbol, side = excluded.side, type = excluded.type,
                time_in_force = excluded.time_in_force, qty = excluded.qty, limit_price = excluded.limit_price,
                state = excluded.state, exchange_order_id = excluded.exchange_order_id,
                filled_qty = excluded.filled_qty, avg_price = excluded.avg_price, fee = excluded.fee,
                fee_asset = excluded.fee_asset, code = excluded.code, message = excluded.message,
                updated_ts = excluded.updated_ts""";
    private static final String SELECT = """
            SELECT client_order_id, execution_id, exchange, market, symbol, side, type, time_in_force, qty, limit_price,
                   state, exchange_order_id, filled_qty, avg_price, fee, fee_asset, code, message, created_ts, updated_ts
            FROM orders""";

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the order, or its new state if it was stored before (keeping when it was first stored). */
    public void upsert(StoredOrder order) {
        jdbc.sql(UPSERT).paramSource(params(order)).update();
    }

    public Optional<StoredOrder> find(String clientOrderId) {
        return jdbc.sql(SELECT + " WHERE client_order_id = :id")
                .param("id", clientOrderId)
                .query(OrderRepository::order)
                .optional();
    }

    /** The execution's orders, in the order they were first stored. */
    public List<StoredOrder> forExecution(String executionId) {
        return jdbc.sql(SELECT + " WHERE execution_id = :executionId ORDER BY created_ts, client_order_id")
                .param("executionId", executionId)
                .query(OrderRepository::order)
                .list();
    }

    /** The orders that may still trade (submitted, accepted or partially filled), oldest first. */
    public List<StoredOrder> open() {
        return jdbc.sql(SELECT + " WHERE state IN (:open) ORDER BY created_ts, client_order_id")
                .param("open", List.of(StoredOrder.SUBMITTED, StoredOrder.ACCEPTED, StoredOrder.PARTIALLY_FILLED))
                .query(OrderRepository::order)
                .list();
    }

    /**
     * The net filled quantity per symbol of one exchange's orders in one market (buys positive, sells
     * negative, in order units), zero nets left out: the positions the journal says Crossbook opened.
     */
    public Map<String, BigDecimal> netFilled(String exchange, String market) {
        Map<String, BigDecimal> net = new TreeMap<>();
        jdbc.sql("SELECT symbol, side, filled_qty FROM orders WHERE exchange = :exchange AND market = :market")
                .param("exchange", exchange)
                .param("market", market)
                .query(rs -> {
                    BigDecimal qty = Columns.decimal(rs, "filled_qty");
                    net.merge(rs.getString("symbol"), "sell".equals(rs.getString("side")) ? qty.negate() : qty,
                            BigDecimal::add);
                });
        net.values().removeIf(v -> v.signum() == 0);
        return net;
    }

    static MapSqlParameterSource params(StoredOrder o) {
        return new MapSqlParameterSource()
                .addValue("clientOrderId", o.clientOrderId())
                .addValue("executionId", o.executionId(), Types.VARCHAR)
                .addValue("exchange", o.exchange())
                .addValue("market", o.market())
                .addValue("symbol", o.symbol())
                .addValue("side", o.side())
                .addValue("type", o.type())
                .addValue("timeInForce", o.timeInForce())
                .addValue("qty", Columns.text(o.qty()))
                .addValue("limitPrice", Columns.text(o.limitPrice()), Types.VARCHAR)
                .addValue("state", o.state())
                .addValue("exchangeOrderId", o.exchangeOrderId(), Types.VARCHAR)
                .addValue("filledQty", Columns.text(o.filledQty()))
                .addValue("avgPrice", Columns.text(o.avgPrice()), Types.VARCHAR)
                .addValue("fee", Columns.text(o.fee()))
                .addValue("feeAsset", o.feeAsset(), Types.VARCHAR)
                .addValue("code", o.code(), Types.VARCHAR)
                .addValue("message", o.message(), Types.VARCHAR)
                .addValue("createdTs", o.createdTs())
                .addValue("updatedTs", o.updatedTs());
    }

    private static StoredOrder order(ResultSet rs, int row) throws SQLException {
        return new StoredOrder(rs.getString("client_order_id"), rs.getString("execution_id"), rs.getString("exchange"),
                rs.getString("market"), rs.getString("symbol"), rs.getString("side"), rs.getString("type"),
                rs.getString("time_in_force"), Columns.decimal(rs, "qty"), Columns.decimal(rs, "limit_price"),
                rs.getString("state"), rs.getString("exchange_order_id"), Columns.decimal(rs, "filled_qty"),
                Columns.decimal(rs, "avg_price"), Columns.decimal(rs, "fee"), rs.getString("fee_asset"),
                rs.getString("code"), rs.getString("message"), rs.getLong("created_ts"), rs.getLong("updated_ts"));
    }
}

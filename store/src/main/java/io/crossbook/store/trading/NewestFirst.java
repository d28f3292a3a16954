package io.crossbook.store.trading;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The latest rows of a history table with {@code id} and {@code pair_id} columns, of one pair or of all. */
final class NewestFirst {
    private NewestFirst() {
    }

    /**
     * At most {@code limit} rows of {@code select} (a query without WHERE), newest {@code tsColumn}
     * first and, at the same time, highest id first, so that the order is the same on every call.
     */
    static <T> List<T> query(JdbcClient jdbc, String select, String tsColumn, String pairIdOrNull, int limit,
                             RowMapper<T> rows) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        String order = " ORDER BY " + tsColumn + " DESC, id DESC LIMIT :limit";
        // Two statements rather than "(:pairId IS NULL OR ...)": PostgreSQL cannot type a lone null
        // parameter, and each statement can use its index.
        JdbcClient.StatementSpec query = pairIdOrNull == null
                ? jdbc.sql(select + order)
                : jdbc.sql(select + " WHERE pair_id = :pairId" + order).param("pairId", pairIdOrNull);
        return query.param("limit", limit).query(rows).list();
    }
}

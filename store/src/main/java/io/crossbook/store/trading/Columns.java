package io.crossbook.store.trading;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the trading tables hold what JDBC has no portable type for: exact decimals as their plain
 * text (never an exponent, so a person reading the table sees the number), nullable numbers, and
 * doubles only when finite. Public for the other table groups (TWAP) that hold them the same way.
 */
public final class Columns {
    private Columns() {
    }

    public static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    public static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** SQLite stores NaN as NULL and PostgreSQL keeps it: refused, so both databases hold the same. */
    public static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
    }
}

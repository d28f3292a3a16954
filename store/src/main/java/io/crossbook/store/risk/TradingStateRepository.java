package io.crossbook.store.risk;

import java.sql.Types;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code risk_state} table: the platform's trading state as last changed, one row at most, so a
 * restart resumes halted or reducing rather than trading again. No row means it was never changed.
 */
public final class TradingStateRepository {
    private final JdbcClient jdbc;

    public TradingStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The state as last saved; empty when it never was (the platform is then ACTIVE). */
    public Optional<StoredTradingState> load() {
        return jdbc.sql("SELECT state, reason, changed_by, changed_at FROM risk_state WHERE id = 1")
                .query((rs, row) -> new StoredTradingState(rs.getString("state"), rs.getString("reason"),
                        rs.getString("changed_by"), rs.getLong("changed_at")))
                .optional();
    }

    /** Stores the state, replacing the one before. */
    public void save(StoredTradingState state) {
        jdbc.sql("""
                        INSERT INTO risk_state (id, state, reason, changed_by, changed_at)
                        VALUES (1, :state, :reason, :changedBy, :changedAt)
                        ON CONFLICT (id) DO UPDATE SET
                            state = excluded.state, reason = excluded.reason, changed_by = excluded.changed_by,
                            changed_at = excluded.changed_at""")
                .param("state", state.state())
                .param("reason", state.reason(), Types.VARCHAR)
                .param("changedBy", state.changedBy())
                .param("changedAt", state.changedAt())
                .update();
    }
}

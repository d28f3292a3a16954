package io.crossbook.store.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code user_sessions} and {@code refresh_tokens} tables: one session per login, and the
 * chain of refresh tokens that rotation issues within it. Tokens are only ever known by hash.
 */
public final class SessionRepository {
    private final JdbcClient jdbc;

    public SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void create(String sessionId, String userId, long now) {
        jdbc.sql("INSERT INTO user_sessions (id, user_id, created_at) VALUES (:id, :userId, :now)")
                .param("id", sessionId)
                .param("userId", userId)
                .param("now", now)
                .update();
    }

    public void addToken(String tokenHash, String sessionId, long issuedAt, long expiresAt) {
        jdbc.sql("""
                        INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at)
                        VALUES (:hash, :sessionId, :issuedAt, :expiresAt)""")
                .param("hash", tokenHash)
                .param("sessionId", sessionId)
                .param("issuedAt", issuedAt)
                .param("expiresAt", expiresAt)
                .update();
    }

    public Optional<RefreshTokenState> findToken(String tokenHash) {
        return jdbc.sql("""
                        SELECT s.id, u.id AS user_id, u.username, u.role, t.expires_at, t.rotated_at, s.revoked_at
                        FROM refresh_tokens t
                        JOIN user_sessions s ON s.id = t.session_id
                        JOIN users u ON u.id = s.user_id
                        WHERE t.token_hash = :hash""")
                .param("hash", tokenHash)
                .query((rs, row) -> new RefreshTokenState(rs.getString("id"), rs.getString("user_id"),
                        rs.getString("username"), rs.getString("role"), rs.getLong("expires_at"),
                        rs.getObject("rotated_at") != null, rs.getObject("revoked_at") != null))
                .optional();
    }

    /**
     * Marks the token used. False when it already was: of two refreshes racing with one token,
     * exactly one gets true (the second waits for the first's row lock, then sees it rotated).
     */
    public boolean markRotated(String tokenHash, long now) {
        return jdbc.sql("UPDATE refresh_tokens SET rotated_at = :now WHERE token_hash = :hash AND rotated_at IS NULL")
                .param("now", now)
                .param("hash", tokenHash)
                .update() == 1;
    }

    /** The session exists (its user too) and was not revoked. */
    public boolean isActive(String sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM user_sessions WHERE id = :id AND revoked_at IS NULL")
                .param("id", sessionId)
                .query(Long.class)
                .single() == 1;
    }

    /** Ends the session; false if it had already ended or does not exist. */
    public boolean revoke(String sessionId, long now) {
        return jdbc.sql("UPDATE user_sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", now)
                .param("id", sessionId)
                .update() == 1;
    }

    /** Ends every session of the user; returns how many were still active. */
    public int revokeAllOf(String userId, long now) {
        return jdbc.sql("UPDATE user_sessions SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
                .param("now", now)
                .param("userId", userId)
                .update();
    }

    /**
     * Deletes expired refresh tokens, then sessions left without any; returns the sessions deleted.
     * A session outlives its access tokens: the last refresh token is issued with the last access
     * token and lives far longer.
     */
    public int prune(long now) {
        jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at <= :now").param("now", now).update();
        return jdbc.sql("""
                        DELETE FROM user_sessions
                        WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.session_id = user_sessions.id)""")
                .update();
    }
}

package io.crossbook.store.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code users} table. */
public final class UserRepository {
    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the user; false, and nothing changes, when the username is taken. */
    public boolean insert(UserAccount user) {
        return jdbc.sql("""
                        INSERT INTO users (id, username, password_hash, role, created_at)
                        VALUES (:id, :username, :passwordHash, :role, :createdAt)
                        ON CONFLICT (username) DO NOTHING""")
                .param("id", user.id())
                .param("username", user.username())
                .param("passwordHash", user.passwordHash())
                .param("role", user.role())
                .param("createdAt", user.createdAt())
                .update() == 1;
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, password_hash, role, created_at FROM users WHERE username = :username")
                .param("username", username)
                .query(UserRepository::account)
                .optional();
    }

    /** Every user, by username. */
    public List<UserAccount> findAll() {
        return jdbc.sql("SELECT id, username, password_hash, role, created_at FROM users ORDER BY username")
                .query(UserRepository::account)
                .list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() == 0;
    }

    /**
     * Deletes the user, with their sessions and refresh tokens, unless they are the last admin.
     * Call it in a transaction: it first locks the admin rows, so two concurrent deletes cannot
     * each count the other's admin and together leave none (PostgreSQL statements see the data
     * committed when they start; SQLite has one writer at a time anyway).
     */
    public DeleteResult delete(String username) {
        jdbc.sql("UPDATE users SET role = role WHERE role = 'admin'").update();
        int deleted = jdbc.sql("""
                        DELETE FROM users WHERE username = :username
                          AND (role <> 'admin' OR (SELECT COUNT(*) FROM users WHERE role = 'admin') > 1)""")
                .param("username", username)
                .update();
        if (deleted == 1) {
            return DeleteResult.DELETED;
        }
        return findByUsername(username).isPresent() ? DeleteResult.LAST_ADMIN : DeleteResult.NOT_FOUND;
    }

    public enum DeleteResult {
        DELETED, NOT_FOUND, LAST_ADMIN
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("role"), rs.getLong("created_at"));
    }
}

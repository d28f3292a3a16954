package io.crossbook.store.auth;

/**
 * A user who can sign in. {@code role} is {@link #ADMIN} or {@link #VIEWER}; the schema refuses
 * anything else. {@code createdAt} is epoch milliseconds.
 */
public record UserAccount(String id, String username, String passwordHash, String role, long createdAt) {
    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";

    /** Leaves the password hash out, so a logged or printed account never carries it. */
    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", role=" + role + ", createdAt=" + createdAt + "]";
    }
}

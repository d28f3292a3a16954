package io.crossbook.store.auth;

/**
 * What the store knows about one refresh token (found by its hash): the session it belongs to,
 * that session's user, and whether the token was already used or its session ended.
 */
public record RefreshTokenState(String sessionId, String userId, String username, String role, long expiresAt,
                                boolean rotated, boolean sessionRevoked) {
}

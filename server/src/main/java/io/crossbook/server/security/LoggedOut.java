package io.crossbook.server.security;

/** What {@code POST /api/auth/logout} answers: how many sessions it ended. */
public record LoggedOut(int sessionsEnded) {
}

package io.crossbook.server.security;

import java.util.Optional;

/** Verifies the access tokens that REST requests and WebSocket sessions present. */
public interface AccessTokens {

    /** Who a valid, unexpired access token belongs to; empty for anything else. */
    Optional<Caller> verify(String token);

    /** An authenticated user and the role the token grants. */
    record Caller(String username, Role role) {
    }

    enum Role {
        ADMIN, VIEWER;

        public String id() {
            return name().toLowerCase();
        }
    }
}

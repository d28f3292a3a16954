package io.crossbook.server.security;

import java.util.Locale;
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

        /** The role's name in the API, in tokens and in the store: {@code admin}, {@code viewer}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The role with the {@link #id()}; empty for anything else. */
        public static Optional<Role> of(String id) {
            for (Role role : values()) {
                if (role.id().equals(id)) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }
    }
}

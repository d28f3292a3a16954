package io.crossbook.server.security;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The optional body of {@code POST /api/auth/logout}: the refresh token whose session to end. */
public record LogoutRequest(
        @Size(max = 256) @Pattern(regexp = "\\S+", message = "must not be blank") String refreshToken) {
    @Override
    public String toString() {
        return "LogoutRequest[]";
    }
}

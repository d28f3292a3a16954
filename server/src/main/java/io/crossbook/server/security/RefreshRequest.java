package io.crossbook.server.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/refresh}. */
public record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}

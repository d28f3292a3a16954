package io.crossbook.server.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/login}. */
public record LoginRequest(
        @NotBlank @Pattern(regexp = Usernames.PATTERN, message = Usernames.RULE) String username,
        @NotBlank @Size(max = 1024) String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}

package io.crossbook.server.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code POST /api/auth/users}; the password rules are checked with the hash (see {@link PasswordHasher}). */
public record NewUser(
        @NotBlank @Pattern(regexp = Usernames.PATTERN, message = Usernames.RULE) String username,
        @NotNull String password,
        @NotNull @Pattern(regexp = "admin|viewer", message = "must be admin or viewer") String role) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + "]";
    }
}

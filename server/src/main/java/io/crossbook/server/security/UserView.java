package io.crossbook.server.security;

import io.crossbook.store.auth.UserAccount;

/** A user as the API shows it: never the password hash. {@code createdAt} is epoch milliseconds. */
public record UserView(String username, String role, long createdAt) {
    static UserView of(UserAccount account) {
        return new UserView(account.username(), account.role(), account.createdAt());
    }
}

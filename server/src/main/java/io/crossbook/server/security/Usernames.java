package io.crossbook.server.security;

/** The one rule for usernames, shared by sign-in and user creation. */
final class Usernames {
    static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
    static final String RULE = "must be 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Usernames() {
    }
}

package io.crossbook.server.security;

/** What sign-in and refresh answer: a new access token, the next refresh token, and the access token's lifetime in seconds. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
    @Override
    public String toString() {
        return "TokenPair[expiresIn=" + expiresIn + "]";
    }
}

package io.crossbook.server.security;

import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.security.JwtAccessTokens.AccessToken;
import io.crossbook.server.security.Sessions.Refresh;
import io.crossbook.store.auth.UserAccount;
import io.crossbook.store.auth.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-in, refresh and sign-out. */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    /** The same for an unknown user and a wrong password: the answer must not tell which. */
    static final String BAD_CREDENTIALS = "wrong username or password";
    static final String BAD_REFRESH_TOKEN = "the refresh token is invalid, expired or revoked; sign in again";

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final JwtAccessTokens accessTokens;

    public AuthService(UserRepository users, PasswordHasher passwords, LoginThrottle throttle, Sessions sessions,
                       JwtAccessTokens accessTokens) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
    }

    /** {@code clientAddress} is the request's remote address (the proxy's unless forwarded headers are trusted). */
    public TokenPair login(String username, String password, String clientAddress) {
        throttle.check(username, clientAddress);
        UserAccount account = users.findByUsername(username).orElse(null);
        boolean matches;
        if (account == null) {
            passwords.spendOneCheck();
            matches = false;
        } else {
            matches = passwords.matches(password, account.passwordHash());
        }
        if (!matches) {
            throttle.recordFailure(username, clientAddress);
            LOG.info("failed sign-in as '{}' from {}", username, clientAddress);
            throw new ApiException(ErrorCode.UNAUTHORIZED, BAD_CREDENTIALS);
        }
        throttle.recordSuccess(username);
        Sessions.Started session = sessions.start(account.id());
        AccessToken access = accessTokens.issue(account.username(), role(account.role()), session.sessionId());
        LOG.info("'{}' signed in from {}", username, clientAddress);
        return new TokenPair(access.value(), session.refreshToken(), access.expiresIn());
    }

    public TokenPair refresh(String refreshToken) {
        return switch (sessions.refresh(refreshToken)) {
            case Refresh.Rotated rotated -> {
                AccessToken access = accessTokens.issue(rotated.username(), role(rotated.role()), rotated.sessionId());
                yield new TokenPair(access.value(), rotated.refreshToken(), access.expiresIn());
            }
            case Refresh.Refused refused -> throw new ApiException(ErrorCode.UNAUTHORIZED, BAD_REFRESH_TOKEN);
        };
    }

    /**
     * Ends the session of {@code refreshToken} if it is the user's, or every session of the user
     * when it is null; returns how many sessions ended.
     */
    public int logout(String username, String refreshToken) {
        int ended = users.findByUsername(username)
                .map(account -> refreshToken == null ? sessions.endAll(account.id()) : sessions.end(refreshToken, account.id()))
                .orElse(0);
        LOG.info("'{}' signed out ({} session(s) ended)", username, ended);
        return ended;
    }

    private static AccessTokens.Role role(String id) {
        return AccessTokens.Role.of(id).orElseThrow(() -> new IllegalStateException("unknown role '" + id + "' in the store"));
    }
}

package io.crossbook.server.security;

import io.crossbook.store.auth.RefreshTokenState;
import io.crossbook.store.auth.SessionRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sign-in sessions and their rotating refresh tokens. Each refresh token works once: using it
 * issues the next one. Presenting a token that was already used means two parties hold it, so
 * the whole session is revoked (theft detection): the thief and the user both have to sign in
 * again, and only the user can. The same goes for a client that refreshes twice at once with one
 * token, so clients refresh one request at a time.
 */
public final class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private final SessionRepository repository;
    private final TransactionOperations transactions;
    private final Duration refreshTokenTtl;
    private final Clock clock;

    public Sessions(SessionRepository repository, TransactionOperations transactions, Duration refreshTokenTtl, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.refreshTokenTtl = refreshTokenTtl;
        this.clock = clock;
    }

    /** Starts a session for a user who just signed in. */
    public Started start(String userId) {
        String sessionId = UUID.randomUUID().toString();
        String token = RefreshTokens.generate();
        long now = clock.millis();
        transactions.executeWithoutResult(status -> {
            repository.create(sessionId, userId, now);
            repository.addToken(RefreshTokens.hash(token), sessionId, now, now + refreshTokenTtl.toMillis());
        });
        return new Started(sessionId, token);
    }

    /** Exchanges a refresh token for the next one of its session, or says why not. */
    public Refresh refresh(String refreshToken) {
        String hash = RefreshTokens.hash(refreshToken);
        String next = RefreshTokens.generate();
        long now = clock.millis();
        return transactions.execute(status -> {
            RefreshTokenState token = repository.findToken(hash).orElse(null);
            if (token == null) {
                return Refresh.Refused.UNKNOWN;
            }
            if (token.sessionRevoked()) {
                return Refresh.Refused.REVOKED;
            }
            if (token.expiresAt() <= now) {
                return Refresh.Refused.EXPIRED;
            }
            if (token.rotated() || !repository.markRotated(hash, now)) {
                repository.revoke(token.sessionId(), now);
                LOG.warn("refresh token of user '{}' used a second time: session {} revoked", token.username(), token.sessionId());
                return Refresh.Refused.REUSED;
            }
            repository.addToken(RefreshTokens.hash(next), token.sessionId(), now, now + refreshTokenTtl.toMillis());
            return new Refresh.Rotated(token.sessionId(), token.username(), token.role(), next);
        });
    }

    public boolean isActive(String sessionId) {
        return repository.isActive(sessionId);
    }

    /** Ends the session of the refresh token if it belongs to the user; returns the sessions ended (0 or 1). */
    public int end(String refreshToken, String userId) {
        return repository.findToken(RefreshTokens.hash(refreshToken))
                .filter(token -> token.userId().equals(userId))
                .map(token -> repository.revoke(token.sessionId(), clock.millis()) ? 1 : 0)
                .orElse(0);
    }

    /** Ends every session of the user; returns how many were active. */
    public int endAll(String userId) {
        return repository.revokeAllOf(userId, clock.millis());
    }

    /** Deletes expired refresh tokens and the sessions they leave empty, hourly; returns the sessions deleted. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    public int prune() {
        int deleted = transactions.execute(status -> repository.prune(clock.millis()));
        LOG.debug("pruned {} ended session(s)", deleted);
        return deleted;
    }

    /** A new session and its first refresh token. */
    public record Started(String sessionId, String refreshToken) {
        @Override
        public String toString() {
            return "Started[sessionId=" + sessionId + "]";
        }
    }

    /** The outcome of a refresh. */
    public sealed interface Refresh {
        /** The session goes on with {@code refreshToken}. */
        record Rotated(String sessionId, String username, String role, String refreshToken) implements Refresh {
            @Override
            public String toString() {
                return "Rotated[sessionId=" + sessionId + ", username=" + username + "]";
            }
        }

        /** Refused; nothing was issued. */
        enum Refused implements Refresh {
            UNKNOWN, REVOKED, EXPIRED, REUSED
        }
    }
}

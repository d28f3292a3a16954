package io.crossbook.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Short-lived HS256 access tokens. Each names its user ({@code sub}), role and session
 * ({@code sid}); a token is valid while it is unexpired and its session is active, so logout,
 * deleting the user or a detected refresh-token theft end it at once.
 */
public final class JwtAccessTokens implements AccessTokens {
    static final String ISSUER = "crossbook";
    static final String ROLE = "role";
    static final String SESSION = "sid";
    /** Instances sharing a secret may disagree a little on the time. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final JwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Duration ttl;
    private final Clock clock;

    /** {@code activeSession} answers whether a session id still stands. */
    public JwtAccessTokens(SecretKey key, Duration ttl, Clock clock, Predicate<String> activeSession) {
        this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.ttl = ttl;
        this.clock = clock;
        JwtTimestampValidator expiry = new JwtTimestampValidator(CLOCK_SKEW);
        expiry.setClock(clock);
        // A token without an expiry would never expire.
        expiry.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                expiry,
                new JwtIssuerValidator(ISSUER),
                new JwtClaimValidator<String>(ROLE, r -> Role.of(r).isPresent()),
                new JwtClaimValidator<String>(SESSION, sid -> sid != null && activeSession.test(sid)))));
    }

    /** A signed token for the user in the session. */
    public AccessToken issue(String username, Role role, String sessionId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(username)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(ROLE, role.id())
                .claim(SESSION, sessionId)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new AccessToken(token, ttl.toSeconds());
    }

    /** Decodes and validates bearer tokens for Spring Security's resource server. */
    public JwtDecoder decoder() {
        return decoder;
    }

    @Override
    public Optional<Caller> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(caller(decoder.decode(token)));
        } catch (JwtException e) {
            return Optional.empty();
        }
    }

    /** The caller a validated token stands for. */
    static Caller caller(Jwt jwt) {
        return new Caller(jwt.getSubject(), Role.of(jwt.getClaimAsString(ROLE)).orElseThrow());
    }

    /** An access token and its lifetime in seconds (the {@code expiresIn} of API.md). */
    public record AccessToken(String value, long expiresIn) {
        @Override
        public String toString() {
            return "AccessToken[expiresIn=" + expiresIn + "]";
        }
    }
}

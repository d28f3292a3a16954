package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.crossbook.server.security.AccessTokens.Caller;
import io.crossbook.server.security.AccessTokens.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtAccessTokensTest {
    private static final String SECRET = "thirty-two bytes or more of signing key";
    private final SecretKey key = SigningKeys.hs256(SECRET);
    private final TestClock clock = new TestClock();
    private final Set<String> activeSessions = new HashSet<>(Set.of("s1"));
    private final JwtAccessTokens tokens = new JwtAccessTokens(key, Duration.ofMinutes(15), clock, activeSessions::contains);

    @Test
    void aFreshTokenNamesItsUserAndRole() {
        JwtAccessTokens.AccessToken token = tokens.issue("alice", Role.VIEWER, "s1");

        assertThat(token.expiresIn()).isEqualTo(900);
        assertThat(tokens.verify(token.value())).contains(new Caller("alice", Role.VIEWER));
        assertThat(tokens.verify(tokens.issue("root", Role.ADMIN, "s1").value())).contains(new Caller("root", Role.ADMIN));
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        String token = tokens.issue("alice", Role.VIEWER, "s1").value();

        clock.advance(Duration.ofMinutes(15));
        assertThat(tokens.verify(token)).isPresent();
        clock.advance(Duration.ofSeconds(6));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTokenDiesWithItsSession() {
        String token = tokens.issue("alice", Role.VIEWER, "s1").value();

        activeSessions.remove("s1");

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        JwtAccessTokens other = new JwtAccessTokens(SigningKeys.hs256("another thirty-two bytes of signing key"),
                Duration.ofMinutes(15), clock, activeSessions::contains);

        assertThat(tokens.verify(other.issue("alice", Role.ADMIN, "s1").value())).isEmpty();
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = tokens.issue("alice", Role.VIEWER, "s1").value().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("viewer", "admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String unsigned = new PlainJWT(claims("alice", "admin", "s1", "crossbook").build()).serialize();

        assertThat(tokens.verify(unsigned)).isEmpty();
    }

    @Test
    void claimsWeDidNotIssueAreRefusedEvenWhenSignedWithOurKey() throws JOSEException {
        assertThat(tokens.verify(signed(claims("alice", "viewer", "s1", "crossbook")))).isPresent();
        assertThat(tokens.verify(signed(claims("alice", "root", "s1", "crossbook")))).isEmpty();
        assertThat(tokens.verify(signed(claims("alice", "viewer", null, "crossbook")))).isEmpty();
        assertThat(tokens.verify(signed(claims("alice", "viewer", "s1", "someone-else")))).isEmpty();
        assertThat(tokens.verify(signed(claims("alice", "viewer", "s1", "crossbook").expirationTime(null)))).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "not.a.jwt", "eyJhbGciOiJIUzI1NiJ9"})
    void anythingElseIsRefused(String token) {
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aConfiguredSecretMustBeLongEnoughForHs256() {
        assertThatThrownBy(() -> SigningKeys.hs256("too short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("too short");
        assertThat(SigningKeys.hs256(null).getEncoded()).hasSize(32).isNotEqualTo(SigningKeys.hs256("").getEncoded());
    }

    private JWTClaimsSet.Builder claims(String subject, String role, String session, String issuer) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(15))))
                .claim("role", role)
                .claim("sid", session);
    }

    private String signed(JWTClaimsSet.Builder claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }
}

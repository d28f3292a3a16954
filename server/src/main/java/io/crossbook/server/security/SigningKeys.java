package io.crossbook.server.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HS256 key that signs access tokens. */
final class SigningKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    /** HS256 needs a key of at least the hash size (RFC 7518, 3.2). */
    static final int MIN_BYTES = 32;

    private SigningKeys() {
    }

    /**
     * The configured secret, or a random key for this process only: access tokens then stop
     * working when the server restarts, and clients get new ones with their refresh token without
     * the user noticing. Several instances behind one address need the same configured secret.
     */
    static SecretKey hs256(String secret) {
        byte[] bytes;
        if (secret == null || secret.isEmpty()) {
            bytes = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(bytes);
            LOG.info("access tokens: signed with a key made for this process (set CROSSBOOK_JWT_SECRET to keep them valid across restarts)");
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalArgumentException("crossbook.security.jwt-secret (CROSSBOOK_JWT_SECRET) must be at least "
                        + MIN_BYTES + " bytes");
            }
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}

package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for stored exchange keys. Every value gets its own random 96-bit nonce, and is bound to
 * its exchange and field by the associated data ({@code binance/secret}): a ciphertext copied to another
 * exchange or column fails to decrypt instead of yielding a wrong key. The stored form is
 * {@code base64(nonce || ciphertext || 128-bit tag)}.
 */
final class CredentialCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey key;
    private final SecureRandom random;

    CredentialCipher(MasterKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    String masterKeyId() {
        return key.id();
    }

    String encrypt(Venue venue, String field, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(venue, field));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext; a wrong key, another exchange or field, or altered bytes are an {@link UndecryptableCredentialsException}. */
    String decrypt(Venue venue, String field, String stored) {
        String what = venue.id() + " " + field;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new UndecryptableCredentialsException("the stored " + what + " is not base64: the stored data was altered");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UndecryptableCredentialsException("the stored " + what + " is too short to be a ciphertext: the stored data was altered");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(venue, field));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UndecryptableCredentialsException("the stored " + what + " fails its integrity check: it was encrypted"
                    + " with another master key, or for another exchange or field, or altered since");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private static byte[] associatedData(Venue venue, String field) {
        return (venue.id() + "/" + field).getBytes(StandardCharsets.UTF_8);
    }
}

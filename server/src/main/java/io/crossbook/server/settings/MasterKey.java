package io.crossbook.server.settings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts stored exchange keys, from {@code CROSSBOOK_MASTER_KEY}: the base64
 * (standard alphabet, padding optional) of exactly 32 random bytes, as {@code openssl rand -base64 32}
 * prints. Its {@link #id()} names it in the database without revealing it.
 */
final class MasterKey {
    static final String VARIABLE = "CROSSBOOK_MASTER_KEY";
    static final int BYTES = 32;
    private static final String HOW_TO_MAKE_ONE = "generate one with: openssl rand -base64 32";

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /** An HMAC keyed with the master key itself: it says nothing about the key, but changes with it. */
    private static String idOf(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            return HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal("crossbook master key id".getBytes(StandardCharsets.UTF_8)), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * The key, or empty when none is configured; a value that is not the base64 of 32 bytes is refused
     * with a message that says how to make one (and never repeats the value).
     */
    static Optional<MasterKey> parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(VARIABLE + " is not valid base64; it must be the base64 of " + BYTES
                    + " random bytes: " + HOW_TO_MAKE_ONE);
        }
        if (bytes.length != BYTES) {
            throw new IllegalStateException(VARIABLE + " decodes to " + bytes.length + " bytes; AES-256 needs exactly "
                    + BYTES + ": " + HOW_TO_MAKE_ONE);
        }
        return Optional.of(new MasterKey(bytes));
    }

    SecretKey secretKey() {
        return key;
    }

    /** 16 hex digits that tell master keys apart, stored beside what each key encrypted. */
    String id() {
        return id;
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}

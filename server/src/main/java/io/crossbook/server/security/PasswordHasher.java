package io.crossbook.server.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** BCrypt password hashes, the password rules, and equal timing for unknown usernames. */
public final class PasswordHasher {
    static final int MIN_LENGTH = 12;
    /** BCrypt reads no further than 72 bytes; a longer password would be silently cut. */
    static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt;
    /** A hash of nothing anyone knows, checked when the username is unknown. */
    private final String decoy;

    public PasswordHasher(int cost) {
        this.bcrypt = new BCryptPasswordEncoder(cost);
        this.decoy = bcrypt.encode(UUID.randomUUID().toString());
    }

    /** Why the password cannot be used for an account, or empty when it can. */
    public static Optional<String> problem(String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (tooLong(password)) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes (UTF-8)");
        }
        return Optional.empty();
    }

    /** The hash to store; the password must pass {@link #problem}. */
    public String hash(String password) {
        problem(password).ifPresent(p -> {
            throw new IllegalArgumentException("password " + p);
        });
        return bcrypt.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (tooLong(password)) {
            spendOneCheck();
            return false;
        }
        return bcrypt.matches(password, hash);
    }

    /**
     * Takes as long as {@link #matches} on a real hash, so a wrong username answers no faster than
     * a wrong password.
     */
    public void spendOneCheck() {
        bcrypt.matches("decoy", decoy);
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}

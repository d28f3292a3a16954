package io.crossbook.venues.common;

import java.util.Objects;

/**
 * The API keys of one exchange account: the key that names it, the secret that signs requests and,
 * for OKX, the passphrase chosen when the key was created ({@code null} elsewhere).
 *
 * <p>The secret and passphrase must never be logged or shown, and the key only masked: {@link #toString()}
 * names the {@link #maskedApiKey() masked key} and nothing else.
 */
public record ApiCredentials(String apiKey, String secret, String passphrase) {
    /** Shorter keys are masked entirely: showing eight characters of them would show most of the key. */
    private static final int SHORTEST_PARTLY_SHOWN = 12;
    private static final String MASK = "****";

    public ApiCredentials {
        requireText(apiKey, "apiKey");
        requireText(secret, "secret");
        if (passphrase != null) {
            requireText(passphrase, "passphrase");
        }
    }

    public static ApiCredentials of(String apiKey, String secret) {
        return new ApiCredentials(apiKey, secret, null);
    }

    /** The first and last four characters of the API key, never any of the secret: {@code vmPU****Eh8A}. */
    public String maskedApiKey() {
        return mask(apiKey);
    }

    /** Masks a key for display as {@link #maskedApiKey()} does. */
    public static String mask(String key) {
        return key.length() < SHORTEST_PARTLY_SHOWN ? MASK : key.substring(0, 4) + MASK + key.substring(key.length() - 4);
    }

    /**
     * The text with every occurrence of the key, secret and passphrase masked: exchanges echo parts of
     * a signed request in some error messages (Bybit quotes the string it expected to be signed).
     */
    public String redact(String text) {
        String out = text.replace(secret, MASK).replace(apiKey, maskedApiKey());
        return passphrase == null ? out : out.replace(passphrase, MASK);
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=" + maskedApiKey() + "]";
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}

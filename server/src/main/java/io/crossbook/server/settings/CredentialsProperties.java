package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.credentials.*}: the master key that encrypts keys stored through the settings API
 * ({@code CROSSBOOK_MASTER_KEY}), and the exchange keys given in the environment
 * ({@code CROSSBOOK_<EXCHANGE>_API_KEY}, {@code _API_SECRET}, and {@code CROSSBOOK_OKX_API_PASSPHRASE}),
 * which take precedence over stored ones. Blank means not set.
 */
@ConfigurationProperties("crossbook.credentials")
public record CredentialsProperties(String masterKey, EnvironmentKeys binance, EnvironmentKeys bybit, EnvironmentKeys okx) {

    /** One exchange's keys from the environment. */
    public record EnvironmentKeys(String apiKey, String apiSecret, String apiPassphrase) {
        @Override
        public String toString() {
            return "EnvironmentKeys[" + (isBlank(apiKey) ? "unset" : ApiCredentials.mask(apiKey.strip())) + "]";
        }
    }

    /**
     * The exchanges whose keys are in the environment. A half-given set (a key without its secret,
     * OKX without its passphrase, a passphrase for an exchange that has none) is refused, naming the
     * variables, so that a typo fails the start instead of silently trading without keys.
     */
    Map<Venue, ApiCredentials> environmentKeys() {
        Map<Venue, ApiCredentials> keys = new EnumMap<>(Venue.class);
        for (Venue venue : Venue.values()) {
            EnvironmentKeys given = switch (venue) {
                case BINANCE -> binance;
                case BYBIT -> bybit;
                case OKX -> okx;
            };
            if (given == null || isBlank(given.apiKey()) && isBlank(given.apiSecret()) && isBlank(given.apiPassphrase())) {
                continue;
            }
            String key = variable(venue, "KEY");
            String secret = variable(venue, "SECRET");
            String passphrase = variable(venue, "PASSPHRASE");
            if (isBlank(given.apiKey()) || isBlank(given.apiSecret())) {
                throw new IllegalStateException(key + " and " + secret + " must be set together; only "
                        + (isBlank(given.apiKey()) ? secret : key) + " is set");
            }
            boolean needsPassphrase = venue == Venue.OKX;
            if (needsPassphrase == isBlank(given.apiPassphrase())) {
                throw new IllegalStateException(needsPassphrase
                        ? passphrase + " is required with " + key + ": OKX keys have a passphrase"
                        : passphrase + " is set, but only OKX keys have a passphrase");
            }
            keys.put(venue, new ApiCredentials(given.apiKey().strip(), given.apiSecret().strip(),
                    needsPassphrase ? given.apiPassphrase().strip() : null));
        }
        return keys;
    }

    /** Says whether a master key is set, never what it is. */
    @Override
    public String toString() {
        return "CredentialsProperties[masterKey=" + (isBlank(masterKey) ? "unset" : "set") + ", binance=" + binance
                + ", bybit=" + bybit + ", okx=" + okx + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The environment variable naming convention, for messages: {@code CROSSBOOK_BINANCE_API_KEY}. */
    public static String variable(Venue venue, String part) {
        return "CROSSBOOK_" + venue.name() + "_API_" + part;
    }
}

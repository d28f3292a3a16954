package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import jakarta.validation.Valid;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code PUT /api/settings/api}: new keys for one or more exchanges, e.g.
 * {@code {"binance": {"apiKey": "…", "secret": "…"}, "okx": {"apiKey": "…", "secret": "…", "passphrase": "…"}}}.
 * Exchanges left out keep their keys. These are the exchanges' HMAC keys (a key and a secret string);
 * RSA and Ed25519 key pairs are not supported.
 */
public record ApiKeysUpdate(@Valid Keys binance, @Valid Keys bybit, @Valid OkxKeys okx) {

    /** Binance and Bybit keys: the key and its secret (a passphrase is an unknown field: only OKX keys have one). */
    public record Keys(@KeyText String apiKey, @KeyText String secret) {
        @Override
        public String toString() {
            return "Keys[apiKey=" + masked(apiKey) + "]";
        }
    }

    /** OKX keys: the key, its secret and the passphrase chosen when the key was created. */
    public record OkxKeys(@KeyText String apiKey, @KeyText String secret, @PassphraseText String passphrase) {
        @Override
        public String toString() {
            return "OkxKeys[apiKey=" + masked(apiKey) + "]";
        }
    }

    /** The keys given, per exchange; call after validation. */
    Map<Venue, ApiCredentials> credentials() {
        Map<Venue, ApiCredentials> keys = new EnumMap<>(Venue.class);
        if (binance != null) {
            keys.put(Venue.BINANCE, ApiCredentials.of(binance.apiKey(), binance.secret()));
        }
        if (bybit != null) {
            keys.put(Venue.BYBIT, ApiCredentials.of(bybit.apiKey(), bybit.secret()));
        }
        if (okx != null) {
            keys.put(Venue.OKX, new ApiCredentials(okx.apiKey(), okx.secret(), okx.passphrase()));
        }
        return keys;
    }

    private static String masked(String apiKey) {
        return apiKey == null ? "null" : ApiCredentials.mask(apiKey);
    }
}

package io.crossbook.testkit.sim.binance;

import io.crossbook.core.model.Market;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * The listen keys the simulated Binance has handed out: one per account and market, as Binance
 * hands the active key back to a second create. Keys do not expire: tests are shorter than an hour.
 */
final class BinanceListenKeys {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 64;

    record Owner(String apiKey, Market market) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Owner> owners = new HashMap<>();

    /** The account's active key in {@code market}, created if it has none. */
    String create(String apiKey, Market market) {
        Owner owner = new Owner(apiKey, market);
        String existing = keyOf(owner);
        if (existing != null) {
            return existing;
        }
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        owners.put(key.toString(), owner);
        return key.toString();
    }

    /** Whose key it is, or null for a key never handed out or closed. */
    Owner owner(String key) {
        return key == null ? null : owners.get(key);
    }

    /** The account's active key in {@code market}, or null. */
    String keyOf(Owner owner) {
        return owners.entrySet().stream().filter(e -> e.getValue().equals(owner)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    void close(String key) {
        owners.remove(key);
    }
}

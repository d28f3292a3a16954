package io.crossbook.testkit.sim.binance;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * The USDⓈ-M listen keys the simulated Binance has handed out: one per account, as Binance hands the
 * active key back to a second create. Keys do not expire: tests are shorter than an hour. (Spot user
 * data goes over the WebSocket API since Binance retired spot listen keys: {@link BinanceWebSocketApi}.)
 */
final class BinanceListenKeys {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 64;

    private final SecureRandom random = new SecureRandom();
    /** Key to the API key of its account. */
    private final Map<String, String> owners = new HashMap<>();

    /** The account's active key, created if it has none. */
    String create(String apiKey) {
        String existing = keyOf(apiKey);
        if (existing != null) {
            return existing;
        }
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        owners.put(key.toString(), apiKey);
        return key.toString();
    }

    /** The API key of the key's account, or null for a key never handed out or closed. */
    String owner(String key) {
        return key == null ? null : owners.get(key);
    }

    /** The account's active key, or null. */
    String keyOf(String apiKey) {
        return owners.entrySet().stream().filter(e -> e.getValue().equals(apiKey)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    void close(String key) {
        owners.remove(key);
    }
}

package io.crossbook.server.settings;

/**
 * What is known about one exchange's keys without showing them: where they come from, whether they
 * can be used, the masked key, who stored them when (epoch ms; stored keys only), and a notice that
 * explains anything surprising (environment keys shadowing stored ones, stored keys that cannot be read).
 */
public record CredentialsInfo(CredentialSource source, boolean usable, String keyId, Long storedAt, String storedBy,
                              String notice) {
}

package io.crossbook.store.credentials;

import io.crossbook.core.model.Venue;
import java.util.Objects;

/**
 * The encrypted API keys of one exchange as stored: the ciphertexts of key, secret and passphrase
 * ({@code null} for exchanges without one), the masked key for display, the id of the master key they
 * are encrypted with, and who stored them when ({@code updatedAt} in epoch milliseconds).
 */
public record StoredCredentials(Venue venue, String encryptedApiKey, String encryptedSecret, String encryptedPassphrase,
                                String maskedApiKey, String masterKeyId, long updatedAt, String updatedBy) {

    public StoredCredentials {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(encryptedApiKey, "encryptedApiKey");
        Objects.requireNonNull(encryptedSecret, "encryptedSecret");
        Objects.requireNonNull(maskedApiKey, "maskedApiKey");
        Objects.requireNonNull(masterKeyId, "masterKeyId");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    /** Leaves the ciphertexts out: they are of no use to a reader of logs, and safer unseen. */
    @Override
    public String toString() {
        return "StoredCredentials[venue=" + venue.id() + ", apiKey=" + maskedApiKey + ", masterKeyId=" + masterKeyId
                + ", updatedAt=" + updatedAt + ", updatedBy=" + updatedBy + "]";
    }
}

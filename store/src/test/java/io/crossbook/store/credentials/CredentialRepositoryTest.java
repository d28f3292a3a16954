package io.crossbook.store.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

class CredentialRepositoryTest {
    private static final StoredCredentials BINANCE = new StoredCredentials(Venue.BINANCE, "ct-key", "ct-secret", null,
            "vmPU****Eh8A", "0123456789abcdef", 1_700_000_000_123L, "admin");
    private static final StoredCredentials OKX = new StoredCredentials(Venue.OKX, "ct-okx-key", "ct-okx-secret",
            "ct-okx-passphrase", "37c5****5d6e", "0123456789abcdef", 1_700_000_000_456L, "ops");

    @EachDatabase
    void findsTheKeysItStoredPerExchange(TestDatabase db) {
        CredentialRepository repository = new CredentialRepository(db.jdbc());

        repository.save(BINANCE);
        repository.save(OKX);

        assertThat(repository.find(Venue.BINANCE)).contains(BINANCE);
        assertThat(repository.find(Venue.OKX)).contains(OKX);
        assertThat(repository.find(Venue.BYBIT)).isEmpty();
    }

    @EachDatabase
    void storingAgainReplacesTheExchangesKeys(TestDatabase db) {
        CredentialRepository repository = new CredentialRepository(db.jdbc());
        repository.save(OKX);
        StoredCredentials replacement = new StoredCredentials(Venue.OKX, "ct-new-key", "ct-new-secret", "ct-new-passphrase",
                "abcd****wxyz", "fedcba9876543210", 1_700_000_001_000L, "admin");

        repository.save(replacement);

        assertThat(repository.find(Venue.OKX)).contains(replacement);
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM exchange_credentials").query(Long.class).single()).isOne();
    }

    @EachDatabase
    void deletesOneExchangesKeysOnly(TestDatabase db) {
        CredentialRepository repository = new CredentialRepository(db.jdbc());
        repository.save(BINANCE);
        repository.save(OKX);

        assertThat(repository.delete(Venue.OKX)).isTrue();
        assertThat(repository.delete(Venue.OKX)).isFalse();

        assertThat(repository.find(Venue.OKX)).isEmpty();
        assertThat(repository.find(Venue.BINANCE)).contains(BINANCE);
    }

    @EachDatabase
    void aSecretIsRequired(TestDatabase db) {
        assertThatThrownBy(() -> db.jdbc().sql("""
                        INSERT INTO exchange_credentials (venue, api_key, secret, masked_api_key, master_key_id, updated_at, updated_by)
                        VALUES ('bybit', 'ct', NULL, '****', 'id', 1, 'admin')""").update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void neverPrintsTheCiphertexts() {
        assertThat(OKX.toString()).contains("okx", "37c5****5d6e", "ops").doesNotContain("ct-okx");
    }
}

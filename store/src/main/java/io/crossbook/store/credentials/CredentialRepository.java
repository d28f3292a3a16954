package io.crossbook.store.credentials;

import io.crossbook.core.model.Venue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code exchange_credentials} table: at most one set of stored keys per exchange. */
public final class CredentialRepository {
    private final JdbcClient jdbc;

    public CredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the exchange's keys, replacing any it had. */
    public void save(StoredCredentials credentials) {
        jdbc.sql("""
                        INSERT INTO exchange_credentials
                            (venue, api_key, secret, passphrase, masked_api_key, master_key_id, updated_at, updated_by)
                        VALUES (:venue, :apiKey, :secret, :passphrase, :maskedApiKey, :masterKeyId, :updatedAt, :updatedBy)
                        ON CONFLICT (venue) DO UPDATE SET
                            api_key = excluded.api_key, secret = excluded.secret, passphrase = excluded.passphrase,
                            masked_api_key = excluded.masked_api_key, master_key_id = excluded.master_key_id,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("venue", credentials.venue().id())
                .param("apiKey", credentials.encryptedApiKey())
                .param("secret", credentials.encryptedSecret())
                .param("passphrase", credentials.encryptedPassphrase(), java.sql.Types.VARCHAR)
                .param("maskedApiKey", credentials.maskedApiKey())
                .param("masterKeyId", credentials.masterKeyId())
                .param("updatedAt", credentials.updatedAt())
                .param("updatedBy", credentials.updatedBy())
                .update();
    }

    public Optional<StoredCredentials> find(Venue venue) {
        return jdbc.sql("""
                        SELECT venue, api_key, secret, passphrase, masked_api_key, master_key_id, updated_at, updated_by
                        FROM exchange_credentials WHERE venue = :venue""")
                .param("venue", venue.id())
                .query(CredentialRepository::credentials)
                .optional();
    }

    /** Deletes the exchange's stored keys; false when it had none. */
    public boolean delete(Venue venue) {
        return jdbc.sql("DELETE FROM exchange_credentials WHERE venue = :venue").param("venue", venue.id()).update() == 1;
    }

    private static StoredCredentials credentials(ResultSet rs, int row) throws SQLException {
        return new StoredCredentials(Venue.parse(rs.getString("venue")), rs.getString("api_key"), rs.getString("secret"),
                rs.getString("passphrase"), rs.getString("masked_api_key"), rs.getString("master_key_id"),
                rs.getLong("updated_at"), rs.getString("updated_by"));
    }
}

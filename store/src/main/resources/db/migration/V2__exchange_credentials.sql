-- Exchange API keys stored through PUT /api/settings/api, one row per exchange (keys given in the
-- environment are never stored). api_key, secret and passphrase are AES-256-GCM ciphertexts under
-- CROSSBOOK_MASTER_KEY, each base64(nonce || ciphertext || tag) with its own random nonce.
-- masked_api_key is the display form (first and last four characters); master_key_id names the
-- master key the row was encrypted with (not the key itself), so a wrong key is told from altered data.
-- updated_by is the username as it was then: the audit trail outlives deleted users.

CREATE TABLE exchange_credentials (
    venue          VARCHAR(16)  NOT NULL PRIMARY KEY,
    api_key        VARCHAR(512) NOT NULL,
    secret         VARCHAR(512) NOT NULL,
    passphrase     VARCHAR(512),
    masked_api_key VARCHAR(16)  NOT NULL,
    master_key_id  VARCHAR(32)  NOT NULL,
    updated_at     BIGINT       NOT NULL,
    updated_by     VARCHAR(64)  NOT NULL
);

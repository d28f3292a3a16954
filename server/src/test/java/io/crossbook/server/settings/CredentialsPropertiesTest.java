package io.crossbook.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import io.crossbook.server.settings.CredentialsProperties.EnvironmentKeys;
import io.crossbook.venues.common.ApiCredentials;
import org.junit.jupiter.api.Test;

class CredentialsPropertiesTest {
    private static final EnvironmentKeys NONE = new EnvironmentKeys("", "", "");

    @Test
    void completeKeysAreTheEnvironmentsKeysTrimmed() {
        CredentialsProperties properties = new CredentialsProperties("", new EnvironmentKeys(" binance-key-1234 ", "binance-secret\n", ""),
                NONE, new EnvironmentKeys("okx-key-12345678", "okx-secret-1234", "okx-pass"));

        assertThat(properties.environmentKeys()).containsOnlyKeys(Venue.BINANCE, Venue.OKX)
                .containsEntry(Venue.BINANCE, ApiCredentials.of("binance-key-1234", "binance-secret"))
                .containsEntry(Venue.OKX, new ApiCredentials("okx-key-12345678", "okx-secret-1234", "okx-pass"));
    }

    @Test
    void nothingSetIsNoKeys() {
        assertThat(new CredentialsProperties(null, null, NONE, new EnvironmentKeys(null, null, null)).environmentKeys()).isEmpty();
    }

    @Test
    void aKeyWithoutItsSecretIsRefusedNamingTheVariables() {
        CredentialsProperties properties = new CredentialsProperties("", NONE, new EnvironmentKeys("bybit-key-1234", "", ""), NONE);

        assertThatThrownBy(properties::environmentKeys)
                .hasMessage("CROSSBOOK_BYBIT_API_KEY and CROSSBOOK_BYBIT_API_SECRET must be set together; only CROSSBOOK_BYBIT_API_KEY is set");
    }

    @Test
    void okxNeedsItsPassphraseAndTheOthersHaveNone() {
        assertThatThrownBy(new CredentialsProperties("", NONE, NONE, new EnvironmentKeys("okx-key-1234", "okx-secret", ""))::environmentKeys)
                .hasMessage("CROSSBOOK_OKX_API_PASSPHRASE is required with CROSSBOOK_OKX_API_KEY: OKX keys have a passphrase");
        assertThatThrownBy(new CredentialsProperties("", new EnvironmentKeys("bn-key-1234", "bn-secret", "pass"), NONE, NONE)::environmentKeys)
                .hasMessage("CROSSBOOK_BINANCE_API_PASSPHRASE is set, but only OKX keys have a passphrase");
    }

    @Test
    void neverPrintsAKeySecretOrTheMasterKey() {
        CredentialsProperties properties = new CredentialsProperties(TestKeys.MASTER_KEY,
                new EnvironmentKeys(TestKeys.BINANCE.apiKey(), TestKeys.BINANCE.secret(), null), null,
                new EnvironmentKeys(TestKeys.OKX.apiKey(), TestKeys.OKX.secret(), TestKeys.OKX.passphrase()));

        assertThat(properties.toString()).contains("masterKey=set", TestKeys.BINANCE.maskedApiKey())
                .doesNotContain(TestKeys.MASTER_KEY);
        TestKeys.secrets().forEach(secret -> assertThat(properties.toString()).doesNotContain(secret));
    }
}

package io.crossbook.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.model.Venue;
import org.junit.jupiter.api.Test;

class ApiKeysUpdateTest {
    private final ApiKeysUpdate update = new ApiKeysUpdate(
            new ApiKeysUpdate.Keys(TestKeys.BINANCE.apiKey(), TestKeys.BINANCE.secret()), null,
            new ApiKeysUpdate.OkxKeys(TestKeys.OKX.apiKey(), TestKeys.OKX.secret(), TestKeys.OKX.passphrase()));

    @Test
    void givesTheKeysPerExchange() {
        assertThat(update.credentials()).containsOnlyKeys(Venue.BINANCE, Venue.OKX)
                .containsEntry(Venue.BINANCE, TestKeys.BINANCE)
                .containsEntry(Venue.OKX, TestKeys.OKX);
    }

    @Test
    void printsMaskedKeysOnly() {
        assertThat(update.toString()).isEqualTo("ApiKeysUpdate[binance=Keys[apiKey=Bina****ghij], bybit=null,"
                + " okx=OkxKeys[apiKey=okx-****4567]]");
        SettingsEndpointsTest.assertNoSecretIn(update.toString());
    }
}

package io.crossbook.venues.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiCredentialsTest {
    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @Test
    void showsTheFirstAndLastFourCharactersOfTheKeyOnly() {
        ApiCredentials credentials = new ApiCredentials(KEY, SECRET, "my passphrase");

        assertThat(credentials.maskedApiKey()).isEqualTo("vmPU****Eh8A");
        assertThat(credentials.toString()).isEqualTo("ApiCredentials[apiKey=vmPU****Eh8A]");
    }

    @Test
    void masksAShortKeyEntirely() {
        assertThat(ApiCredentials.mask("abcdefghijk")).isEqualTo("****");
        assertThat(ApiCredentials.mask("abcdefghijkl")).isEqualTo("abcd****ijkl");
    }

    @Test
    void redactsKeySecretAndPassphraseFromText() {
        ApiCredentials credentials = new ApiCredentials(KEY, SECRET, "my passphrase");

        assertThat(credentials.redact("key " + KEY + " secret " + SECRET + " passphrase my passphrase"))
                .isEqualTo("key vmPU****Eh8A secret **** passphrase ****");
    }

    @Test
    void refusesBlankKeys() {
        assertThatThrownBy(() -> ApiCredentials.of(" ", SECRET)).hasMessage("apiKey is blank");
        assertThatThrownBy(() -> ApiCredentials.of(KEY, "")).hasMessage("secret is blank");
        assertThatThrownBy(() -> new ApiCredentials(KEY, SECRET, " ")).hasMessage("passphrase is blank");
    }
}

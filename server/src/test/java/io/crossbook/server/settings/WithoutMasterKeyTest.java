package io.crossbook.server.settings;

import static io.crossbook.server.settings.Responses.error;
import static io.crossbook.server.settings.Responses.ok;
import static io.crossbook.server.settings.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A server started without CROSSBOOK_MASTER_KEY can use keys from the environment only. */
@SettingsServerTest
@TestPropertySource(properties = "crossbook.credentials.master-key=")
class WithoutMasterKeyTest {
    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void storingKeysIsRefusedAndNothingIsStored() {
        String message = error(mvc.put().uri("/api/settings/api").contentType(MediaType.APPLICATION_JSON).with(csrf())
                        .content(SettingsEndpointsTest.keysJson(TestKeys.BINANCE, null, TestKeys.OKX)).exchange(),
                HttpStatus.CONFLICT, "CONFLICT");

        assertThat(message).startsWith("cannot store exchange keys: CROSSBOOK_MASTER_KEY is not set.")
                .contains("openssl rand -base64 32", "CROSSBOOK_<EXCHANGE>_API_KEY");
        SettingsEndpointsTest.assertNoSecretIn(message);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_credentials").query(Long.class).single()).isZero();
        assertThat(read(ok(mvc.get().uri("/api/settings/api").exchange()), "$.data.binance.source").toString()).isEqualTo("none");
    }
}

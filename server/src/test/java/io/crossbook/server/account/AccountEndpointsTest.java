package io.crossbook.server.account;

import static io.crossbook.server.settings.Responses.error;
import static io.crossbook.server.settings.Responses.ok;
import static io.crossbook.server.settings.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.server.settings.SettingsServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** GET /api/account/{exchange} in paper mode, the default, with the default paper balances of application.yml. */
@SettingsServerTest
class AccountEndpointsTest {
    @Autowired
    MockMvcTester mvc;

    @Test
    void everyExchangeHasAPaperAccountWithTheDocumentedStartingBalances() {
        for (String exchange : new String[] {"binance", "bybit", "okx"}) {
            String body = ok(mvc.get().uri("/api/account/" + exchange).exchange());

            assertThat(read(body, "$.data.exchange").toString()).isEqualTo(exchange);
            assertThat(read(body, "$.data.mode").toString()).isEqualTo("paper");
            assertThat(read(body, "$.data.publicOnly").toString()).isEqualTo("false");
            assertThat(read(body, "$.data.balances").toString())
                    .isEqualTo("[{\"asset\":\"BTC\",\"free\":\"0.1\",\"locked\":\"0\"},{\"asset\":\"USDT\",\"free\":\"10000\",\"locked\":\"0\"}]");
            assertThat(read(body, "$.data.positions").toString()).isEqualTo("[]");
            assertThat(body).doesNotContain("notice");
        }
    }

    @Test
    void exchangeNamesAreCaseInsensitive() {
        assertThat(read(ok(mvc.get().uri("/api/account/OKX").exchange()), "$.data.exchange").toString()).isEqualTo("okx");
    }

    @Test
    void anUnknownExchangeIsAValidationErrorNamingTheField() {
        assertThat(error(mvc.get().uri("/api/account/kraken").exchange(), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR"))
                .isEqualTo("exchange: unknown exchange 'kraken' (expected one of binance, bybit, okx)");
    }
}

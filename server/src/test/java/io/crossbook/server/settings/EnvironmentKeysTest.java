package io.crossbook.server.settings;

import static io.crossbook.server.settings.Responses.error;
import static io.crossbook.server.settings.Responses.ok;
import static io.crossbook.server.settings.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.crossbook.core.model.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Binance keys given in the environment, with Binance out of reach (as without internet). */
@SettingsServerTest
@TestPropertySource(properties = {
        "crossbook.credentials.binance.api-key=BinanceTestKey0123456789abcdefghij",
        "crossbook.credentials.binance.api-secret=binance-SECRET-never-shown-0123456789"})
@ExtendWith(OutputCaptureExtension.class)
class EnvironmentKeysTest {
    @Autowired
    MockMvcTester mvc;
    @Autowired
    ExchangeCredentials credentials;

    @DynamicPropertySource
    static void binanceUnreachable(DynamicPropertyRegistry registry) {
        registry.add("crossbook.trading.endpoints.binance", () -> ClosedPort.uri().toString());
    }

    @Test
    void environmentKeysAreUsedAndShownMasked() {
        String status = ok(mvc.get().uri("/api/settings/api").exchange());

        assertThat(read(status, "$.data.binance").toString())
                .isEqualTo("{connected=false, configured=true, source=environment, keyId=Bina****ghij}");
        assertThat(credentials.hasTradingKeys(Venue.BINANCE)).isTrue();
        assertThat(credentials.hasTradingKeys(Venue.BYBIT)).isFalse();
        assertThat(credentials.find(Venue.BINANCE)).contains(TestKeys.BINANCE);
    }

    @Test
    void theyTakePrecedenceOverStoredKeysAndGetSaysSo() {
        ok(mvc.put().uri("/api/settings/api").contentType(MediaType.APPLICATION_JSON).with(csrf())
                .content(SettingsEndpointsTest.keysJson(TestKeys.UNKNOWN, null, null)).exchange());

        String status = ok(mvc.get().uri("/api/settings/api").exchange());

        assertThat(read(status, "$.data.binance.source").toString()).isEqualTo("environment");
        assertThat(read(status, "$.data.binance.notice").toString()).startsWith(
                "keys from the environment (CROSSBOOK_BINANCE_API_KEY) take precedence over the keys Unkn****6789 stored by ops at ");
        assertThat(credentials.find(Venue.BINANCE)).contains(TestKeys.BINANCE);

        ok(mvc.delete().uri("/api/settings/api/binance").with(csrf()).exchange());
        assertThat(error(mvc.delete().uri("/api/settings/api/binance").with(csrf()).exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND"))
                .isEqualTo("no stored keys for binance; its keys come from the environment (CROSSBOOK_BINANCE_API_KEY)");
    }

    @Test
    void anUnreachableExchangeIsExchangeUnavailableWithTheCause(CapturedOutput output) {
        String body = ok(mvc.post().uri("/api/settings/api/test").with(csrf()).exchange());

        assertThat(read(body, "$.data.binance.ok").toString()).isEqualTo("false");
        assertThat(read(body, "$.data.binance.code").toString()).isEqualTo("EXCHANGE_UNAVAILABLE");
        assertThat(read(body, "$.data.binance.message").toString())
                .startsWith("GET 127.0.0.1/api/v3/account failed: ConnectException");
        assertThat(read(ok(mvc.get().uri("/api/settings/api").exchange()), "$.data.binance.connected").toString()).isEqualTo("false");
        SettingsEndpointsTest.assertNoSecretIn(body, output.getAll());
    }
}

package io.crossbook.server.account;

import static io.crossbook.server.settings.Responses.error;
import static io.crossbook.server.settings.Responses.ok;
import static io.crossbook.server.settings.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.crossbook.core.model.Venue;
import io.crossbook.server.settings.ClosedPort;
import io.crossbook.server.settings.ExchangeStandIn;
import io.crossbook.server.settings.SettingsServerTest;
import io.crossbook.server.settings.TestKeys;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * GET /api/account/{exchange} in live mode: Binance keys the stand-in knows, OKX keys it does not, Bybit
 * without keys (and out of reach once it has some).
 */
@SettingsServerTest
@TestPropertySource(properties = {
        "crossbook.trading.mode=live",
        "crossbook.credentials.binance.api-key=BinanceTestKey0123456789abcdefghij",
        "crossbook.credentials.binance.api-secret=binance-SECRET-never-shown-0123456789",
        "crossbook.credentials.okx.api-key=okx-unknown-key-0123456789",
        "crossbook.credentials.okx.api-secret=okx-unknown-SECRET-0123456789",
        "crossbook.credentials.okx.api-passphrase=okx-unknown-passphrase"})
class LiveAccountEndpointsTest {
    private static final ExchangeStandIn EXCHANGES = ExchangeStandIn.start(Map.of(Venue.BINANCE, TestKeys.BINANCE, Venue.OKX, TestKeys.OKX));

    @Autowired
    MockMvcTester mvc;

    @DynamicPropertySource
    static void exchanges(DynamicPropertyRegistry registry) {
        registry.add("crossbook.trading.endpoints.binance", () -> EXCHANGES.uri().toString());
        registry.add("crossbook.trading.endpoints.okx", () -> EXCHANGES.uri().toString());
        registry.add("crossbook.trading.endpoints.bybit", () -> ClosedPort.uri().toString());
    }

    @AfterAll
    static void stopExchanges() {
        EXCHANGES.close();
    }

    @Test
    void readsTheBalancesFromTheExchange() {
        String body = ok(mvc.get().uri("/api/account/binance").exchange());

        assertThat(read(body, "$.data.mode").toString()).isEqualTo("live");
        assertThat(read(body, "$.data.publicOnly").toString()).isEqualTo("false");
        assertThat(read(body, "$.data.balances").toString()).isEqualTo("[{\"asset\":\"BTC\",\"free\":\"0.50000000\","
                + "\"locked\":\"0.10000000\"},{\"asset\":\"USDT\",\"free\":\"1000.25000000\",\"locked\":\"0.00000000\"}]");
    }

    @Test
    void anExchangeWithoutKeysIsPublicOnly() {
        String body = ok(mvc.get().uri("/api/account/bybit").exchange());

        assertThat(read(body, "$.data.publicOnly").toString()).isEqualTo("true");
        assertThat(read(body, "$.data.balances").toString()).isEqualTo("[]");
        assertThat(read(body, "$.data.notice").toString()).isEqualTo("bybit has no API keys, so it is public-only (market data):"
                + " add keys with PUT /api/settings/api or CROSSBOOK_BYBIT_API_KEY and CROSSBOOK_BYBIT_API_SECRET to see its balances");
    }

    @Test
    void keysTheExchangeRefusesAreAnUpstreamErrorWithItsMessage() {
        assertThat(error(mvc.get().uri("/api/account/okx").exchange(), HttpStatus.BAD_GATEWAY, "UPSTREAM_ERROR"))
                .isEqualTo("okx refused the request (HTTP 401, code 50111): Invalid OK-ACCESS-KEY");
    }

    @Test
    void anExchangeOutOfReachIsExchangeUnavailable() {
        ok(mvc.put().uri("/api/settings/api").contentType(MediaType.APPLICATION_JSON).with(csrf())
                .content("{\"bybit\":{\"apiKey\":\"" + TestKeys.BYBIT.apiKey() + "\",\"secret\":\"" + TestKeys.BYBIT.secret() + "\"}}")
                .exchange());
        try {
            assertThat(error(mvc.get().uri("/api/account/bybit").exchange(), HttpStatus.SERVICE_UNAVAILABLE, "EXCHANGE_UNAVAILABLE"))
                    .startsWith("GET 127.0.0.1/v5/account/wallet-balance failed: ConnectException");
        } finally {
            ok(mvc.delete().uri("/api/settings/api/bybit").with(csrf()).exchange());
        }
    }
}

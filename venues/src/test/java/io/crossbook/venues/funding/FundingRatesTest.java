package io.crossbook.venues.funding;

import static io.crossbook.venues.funding.FundingExamples.FETCHED_AT_MS;
import static io.crossbook.venues.funding.FundingExamples.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.ExchangeUnavailableException;
import io.crossbook.venues.common.RestClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Fetching funding rates: what is asked of each exchange, and a fetch through RestClient from a local stand-in. */
class FundingRatesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(FETCHED_AT_MS), ZoneOffset.UTC);

    private HttpServer server;
    private LoopbackHttpClient http;
    private FundingRates rates;
    private final AtomicReference<Answer> answer = new AtomicReference<>();

    private record Answer(int status, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = answer.get().body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get().status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        http = new LoopbackHttpClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        rates = new FundingRates(new RestClient(http), CLOCK);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "BINANCE, LINEAR,  BTCUSDT,       https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT,                1,  2400",
            "BINANCE, INVERSE, BTCUSD_PERP,   https://dapi.binance.com/dapi/v1/premiumIndex?symbol=BTCUSD_PERP,            10, 2400",
            "BYBIT,   LINEAR,  BTCUSDT,       https://api.bybit.com/v5/market/tickers?category=linear&symbol=BTCUSDT,      1,  7200",
            "BYBIT,   INVERSE, BTCUSD,        https://api.bybit.com/v5/market/tickers?category=inverse&symbol=BTCUSD,      1,  7200",
            "OKX,     LINEAR,  BTC-USDT-SWAP, https://www.okx.com/api/v5/public/funding-rate?instId=BTC-USDT-SWAP,         1,  600",
            "OKX,     INVERSE, BTC-USD-SWAP,  https://www.okx.com/api/v5/public/funding-rate?instId=BTC-USD-SWAP,          1,  600"
    })
    void eachExchangeIsAskedAtItsDocumentedEndpointWithinItsRequestWeightBudget(Venue venue, Market market, String symbol,
                                                                               URI uri, int weight, int weightPerMinute) {
        assertThat(FundingRates.endpoint(venue).request(market, symbol))
                .isEqualTo(new FundingRequest(uri, weight, weightPerMinute));
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    void spotIsRefusedWithoutAskingTheExchange(Venue venue) {
        assertThatThrownBy(() -> rates.fetch(venue, Market.SPOT, "BTCUSDT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spot instruments have no funding rate");
        assertThat(http.asked).isEmpty();
    }

    @Test
    void aSymbolThatWouldChangeTheQueryIsRefusedWithoutAskingTheExchange() {
        assertThatThrownBy(() -> rates.fetch(Venue.BYBIT, Market.LINEAR, "BTCUSDT&category=spot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'BTCUSDT&category=spot' is not an exchange symbol (letters, digits, '-' and '_')");
        assertThat(http.asked).isEmpty();
    }

    @Test
    void fetchesTheQuoteThroughRestClientStampedWithTheClock() {
        answer.set(new Answer(200, text("binance_usdm_premium_index.json")));

        FundingQuote quote = rates.fetch(Venue.BINANCE, Market.LINEAR, "BTCUSDT").join();

        assertThat(quote).isEqualTo(new FundingQuote(Venue.BINANCE, Market.LINEAR, "BTCUSDT",
                new BigDecimal("0.00038246"), 1_597_392_000_000L, FETCHED_AT_MS));
        assertThat(http.asked).containsExactly(URI.create("https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT"));
    }

    @Test
    void anExchangeRefusalFailsTheFutureWithTheExchangesMessage() {
        answer.set(new Answer(200, "{\"code\":\"51001\",\"msg\":\"Instrument ID doesn't exist\",\"data\":[]}"));

        assertThatThrownBy(() -> rates.fetch(Venue.OKX, Market.INVERSE, "BTC-USX-SWAP").join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(ExchangeRejectedException.class)
                .hasMessage("okx refused the request (HTTP 200, code 51001): Instrument ID doesn't exist");
    }

    @Test
    void binancesRefusalWithHttp400ReachesTheCallerAsUnavailableWithItsMessage() {
        answer.set(new Answer(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));

        assertThatThrownBy(() -> rates.fetch(Venue.BINANCE, Market.INVERSE, "BTCUSD_PERPX").join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessage("GET dapi.binance.com/dapi/v1/premiumIndex answered HTTP 400: {\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
    }
}

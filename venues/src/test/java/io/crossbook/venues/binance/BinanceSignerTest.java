package io.crossbook.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.SignedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Binance's worked HMAC examples ("SIGNED endpoint examples for POST /api/v3/order" in the spot API's
 * request-security documentation): its sample key and secret, order parameters at timestamp
 * 1499827319559 with recvWindow 5000, and the signatures it prints for them.
 */
class BinanceSignerTest {
    static final String DOC_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final long DOC_TIMESTAMP = 1499827319559L;

    private final BinanceSigner signer = new BinanceSigner(URI.create("https://api.binance.com"),
            ApiCredentials.of(DOC_API_KEY, DOC_SECRET), Clock.fixed(Instant.ofEpochMilli(DOC_TIMESTAMP), ZoneOffset.UTC),
            Duration.ofMillis(5000));

    @Test
    void signsTheDocumentedAsciiOrderAsBinanceShowsIt() {
        SignedRequest request = signer.sign("POST", "/api/v3/order",
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1", "");

        assertThat(request.uri()).hasToString("https://api.binance.com/api/v3/order?symbol=LTCBTC&side=BUY&type=LIMIT"
                + "&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
                + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(request.headers()).containsExactlyEntriesOf(java.util.Map.of("X-MBX-APIKEY", DOC_API_KEY));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void signsThePercentEncodedFormOfANonAsciiSymbol() {
        SignedRequest request = signer.sign("POST", "/api/v3/order",
                "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC"
                        + "&quantity=1&price=0.1", "");

        assertThat(request.uri().getRawQuery())
                .endsWith("&signature=e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
    }

    @Test
    void signsTheQueryStringAndBodyConcatenatedWithoutASeparator() {
        String totalParams = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
                + "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

        assertThat(signer.signature(totalParams)).isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    void aBodyIsSignedAfterTheQueryAndSentAsAForm() {
        SignedRequest request = signer.sign("POST", "/api/v3/order", "symbol=LTCBTC", "side=BUY");

        String query = request.uri().getRawQuery();
        String params = query.substring(0, query.indexOf("&signature="));
        assertThat(query).endsWith("&signature=" + signer.signature(params + "side=BUY"));
        assertThat(request.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded");
        assertThat(request.body()).isEqualTo("side=BUY");
    }

    @Test
    void timestampsComeFromTheClock() {
        BinanceSigner later = new BinanceSigner(URI.create("https://api.binance.com"), ApiCredentials.of(DOC_API_KEY, DOC_SECRET),
                Clock.fixed(Instant.ofEpochMilli(1_700_000_000_123L), ZoneOffset.UTC), Duration.ofSeconds(10));

        assertThat(later.sign("GET", "/api/v3/account", "", "").uri().getRawQuery())
                .startsWith("recvWindow=10000&timestamp=1700000000123&signature=");
    }

    @Test
    void neverShowsTheSecretOrTheWholeKey() {
        assertThat(signer.toString()).doesNotContain(DOC_SECRET).doesNotContain(DOC_API_KEY).contains("vmPU****Eh8A");
        assertThat(signer.sign("GET", "/api/v3/account", "", "").toString())
                .isEqualTo("SignedRequest[GET api.binance.com/api/v3/account]");
    }
}

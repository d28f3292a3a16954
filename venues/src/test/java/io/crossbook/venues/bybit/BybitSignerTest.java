package io.crossbook.venues.bybit;

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
 * Bybit v5's "Create A Request" examples (integration guide, authentication): a GET of
 * {@code category=option&symbol=BTC-29JUL22-25000-C} at timestamp 1658384314791 with the placeholder key
 * {@code XXXXXXXXXX} and recvWindow 5000, whose documented plain text is
 * {@code 1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C}, and a POST whose plain
 * text ends in the raw body. Bybit gives no secret or signature for them, so the expected signatures
 * are those of {@code openssl dgst -sha256 -hmac test-secret-for-the-bybit-v5-example} over the
 * documented plain texts.
 */
class BybitSignerTest {
    private static final String DOC_API_KEY = "XXXXXXXXXX";
    private static final String SECRET = "test-secret-for-the-bybit-v5-example";

    @Test
    void signsAGetOverTheTimestampKeyReceiveWindowAndQueryString() {
        BybitSigner signer = signer(1658384314791L);

        SignedRequest request = signer.sign("GET", "/v5/order/realtime", "category=option&symbol=BTC-29JUL22-25000-C", "");

        assertThat(signer.plainText("1658384314791", "category=option&symbol=BTC-29JUL22-25000-C"))
                .isEqualTo("1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C");
        assertThat(request.uri()).hasToString("https://api.bybit.com/v5/order/realtime?category=option&symbol=BTC-29JUL22-25000-C");
        assertThat(request.headers()).containsOnly(
                java.util.Map.entry("X-BAPI-API-KEY", DOC_API_KEY),
                java.util.Map.entry("X-BAPI-TIMESTAMP", "1658384314791"),
                java.util.Map.entry("X-BAPI-RECV-WINDOW", "5000"),
                java.util.Map.entry("X-BAPI-SIGN", "86c75d6f3614ff0867b03934799639bd8929fe08f69b06309a0b19a88865af68"));
    }

    @Test
    void signsAPostOverItsRawJsonBody() {
        SignedRequest request = signer(1658385579423L).sign("POST", "/v5/order/create", "", "{\"category\":\"option\"}");

        assertThat(request.headers())
                .containsEntry("X-BAPI-SIGN", "b3798f0cc4c489368db07eb6e2f02bc873ab19b6094b773860abb863a7fe39a8")
                .containsEntry("Content-Type", "application/json");
        assertThat(request.uri()).hasToString("https://api.bybit.com/v5/order/create");
        assertThat(request.body()).isEqualTo("{\"category\":\"option\"}");
    }

    @Test
    void masksTheKeyItWasAskedToSignWithInTheExchangesMessages() {
        BybitSigner signer = new BybitSigner(URI.create("https://api.bybit.com"),
                ApiCredentials.of("BYBITKEY1234567890", SECRET), Clock.systemUTC(), Duration.ofSeconds(5));

        assertThat(signer.redact("error sign! origin_string[1658384314791BYBITKEY12345678905000accountType=UNIFIED]"))
                .isEqualTo("error sign! origin_string[1658384314791BYBI****78905000accountType=UNIFIED]");
        assertThat(signer.toString()).doesNotContain(SECRET).doesNotContain("BYBITKEY1234567890");
    }

    private static BybitSigner signer(long timestamp) {
        return new BybitSigner(URI.create("https://api.bybit.com"), ApiCredentials.of(DOC_API_KEY, SECRET),
                Clock.fixed(Instant.ofEpochMilli(timestamp), ZoneOffset.UTC), Duration.ofMillis(5000));
    }
}

package io.crossbook.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.SignedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * OKX v5's signing description (REST authentication, "Signature"): its example secret key
 * {@code 22582BD0CFF14C41EDBF1AB98506286D}, timestamp {@code 2020-12-08T09:08:57.715Z}, the GET of
 * {@code /api/v5/account/balance?ccy=BTC} and the body {@code {"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}}.
 * OKX prints no signature for them, so the expected ones are those of
 * {@code openssl dgst -sha256 -hmac 22582BD0CFF14C41EDBF1AB98506286D -binary | base64} over
 * {@code timestamp + method + requestPath + body}.
 */
class OkxSignerTest {
    private static final String DOC_SECRET = "22582BD0CFF14C41EDBF1AB98506286D";
    private static final String API_KEY = "37c541a1-c4f9-4be2-a9b2-0f3a4e3c5d6e";
    private static final String PASSPHRASE = "Passphrase-1";

    private final OkxSigner signer = new OkxSigner(URI.create("https://www.okx.com"),
            new ApiCredentials(API_KEY, DOC_SECRET, PASSPHRASE),
            Clock.fixed(Instant.parse("2020-12-08T09:08:57.715Z"), ZoneOffset.UTC));

    @Test
    void signsAGetWithItsQueryAsPartOfTheRequestPath() {
        SignedRequest request = signer.sign("GET", "/api/v5/account/balance", "ccy=BTC", "");

        assertThat(request.uri()).hasToString("https://www.okx.com/api/v5/account/balance?ccy=BTC");
        assertThat(request.headers()).containsOnly(
                java.util.Map.entry("OK-ACCESS-KEY", API_KEY),
                java.util.Map.entry("OK-ACCESS-SIGN", "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY="),
                java.util.Map.entry("OK-ACCESS-TIMESTAMP", "2020-12-08T09:08:57.715Z"),
                java.util.Map.entry("OK-ACCESS-PASSPHRASE", PASSPHRASE));
    }

    @Test
    void signsAPostOverItsBody() {
        SignedRequest request = signer.sign("POST", "/api/v5/account/set-leverage", "",
                "{\"instId\":\"BTC-USDT\",\"lever\":\"5\",\"mgnMode\":\"isolated\"}");

        assertThat(request.headers())
                .containsEntry("OK-ACCESS-SIGN", "eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=")
                .containsEntry("Content-Type", "application/json");
    }

    @Test
    void timestampsAreUtcWithMillisecondsEvenOnAWholeSecond() {
        OkxSigner onTheSecond = new OkxSigner(URI.create("https://www.okx.com"), new ApiCredentials(API_KEY, DOC_SECRET, PASSPHRASE),
                Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC));

        assertThat(onTheSecond.sign("GET", "/api/v5/account/balance", "", "").headers())
                .containsEntry("OK-ACCESS-TIMESTAMP", "2024-01-02T03:04:05.000Z");
    }

    @Test
    void refusesKeysWithoutAPassphrase() {
        assertThatThrownBy(() -> new OkxSigner(URI.create("https://www.okx.com"), ApiCredentials.of(API_KEY, DOC_SECRET),
                Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passphrase");
    }

    @Test
    void neverShowsTheSecretOrThePassphrase() {
        assertThat(signer.toString()).doesNotContain(DOC_SECRET).doesNotContain(PASSPHRASE).doesNotContain(API_KEY);
        assertThat(signer.sign("GET", "/api/v5/account/balance", "", "").toString()).doesNotContain(PASSPHRASE);
    }
}

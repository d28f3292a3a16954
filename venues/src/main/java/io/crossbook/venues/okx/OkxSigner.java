package io.crossbook.venues.okx;

import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.common.RequestSigner;
import io.crossbook.venues.common.SignedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * OKX v5's request signing: the Base64 HMAC-SHA256 of {@code timestamp + METHOD + requestPath + body}, where
 * the request path includes a GET's query string and the timestamp is ISO-8601 UTC with milliseconds
 * ({@code 2020-12-08T09:08:57.715Z}). Key, signature, timestamp and the key's passphrase travel in the
 * {@code OK-ACCESS-*} headers.
 */
public final class OkxSigner implements RequestSigner {
    static final String API_KEY_HEADER = "OK-ACCESS-KEY";
    static final String SIGN_HEADER = "OK-ACCESS-SIGN";
    static final String TIMESTAMP_HEADER = "OK-ACCESS-TIMESTAMP";
    static final String PASSPHRASE_HEADER = "OK-ACCESS-PASSPHRASE";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final URI base;
    private final ApiCredentials credentials;
    private final Clock clock;

    /** {@code base} is the REST root, e.g. {@code https://www.okx.com}; OKX keys always have a passphrase. */
    public OkxSigner(URI base, ApiCredentials credentials, Clock clock) {
        if (credentials.passphrase() == null) {
            throw new IllegalArgumentException("OKX API keys need their passphrase");
        }
        this.base = base;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public SignedRequest sign(String method, String path, String query, String body) {
        String timestamp = TIMESTAMP.format(clock.instant());
        String requestPath = query.isEmpty() ? path : path + "?" + query;
        String signature = Base64.getEncoder().encodeToString(
                HmacSha256.sign(credentials.secret(), timestamp + method + requestPath + body));
        Map<String, String> headers = new HashMap<>();
        headers.put(API_KEY_HEADER, credentials.apiKey());
        headers.put(SIGN_HEADER, signature);
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(PASSPHRASE_HEADER, credentials.passphrase());
        if (!body.isEmpty()) {
            headers.put("Content-Type", "application/json");
        }
        return new SignedRequest(method, base.resolve(requestPath), headers, body);
    }

    @Override
    public String redact(String exchangeMessage) {
        return credentials.redact(exchangeMessage);
    }

    @Override
    public String toString() {
        return "OkxSigner[" + base + ", " + credentials + "]";
    }
}

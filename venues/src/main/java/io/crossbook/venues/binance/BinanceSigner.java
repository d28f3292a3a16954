package io.crossbook.venues.binance;

import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.common.RequestSigner;
import io.crossbook.venues.common.SignedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Binance's HMAC request signing (spot API, "SIGNED" endpoints): {@code recvWindow} and {@code timestamp}
 * (epoch milliseconds) are appended to the query, the signature is the hex HMAC-SHA256 of the query string
 * followed directly by the body, sent as the last query parameter {@code signature}, and the API key goes in
 * the {@code X-MBX-APIKEY} header. Non-ASCII values must already be percent-encoded in the query and body:
 * Binance signs the encoded form.
 */
public final class BinanceSigner implements RequestSigner {
    static final String API_KEY_HEADER = "X-MBX-APIKEY";

    private final URI base;
    private final ApiCredentials credentials;
    private final Clock clock;
    private final long recvWindowMillis;

    /** {@code base} is the REST root, e.g. {@code https://api.binance.com}. */
    public BinanceSigner(URI base, ApiCredentials credentials, Clock clock, Duration recvWindow) {
        this.base = base;
        this.credentials = credentials;
        this.clock = clock;
        this.recvWindowMillis = recvWindow.toMillis();
    }

    @Override
    public SignedRequest sign(String method, String path, String query, String body) {
        String params = (query.isEmpty() ? "" : query + "&") + "recvWindow=" + recvWindowMillis + "&timestamp=" + clock.millis();
        String signed = params + "&signature=" + signature(params + body);
        Map<String, String> headers = new HashMap<>();
        headers.put(API_KEY_HEADER, credentials.apiKey());
        if (!body.isEmpty()) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
        }
        return new SignedRequest(method, base.resolve(path + "?" + signed), headers, body);
    }

    /** The hex HMAC-SHA256 of Binance's "totalParams": the query string and the body, concatenated without a separator. */
    String signature(String totalParams) {
        return HexFormat.of().formatHex(HmacSha256.sign(credentials.secret(), totalParams));
    }

    @Override
    public String redact(String exchangeMessage) {
        return credentials.redact(exchangeMessage);
    }

    @Override
    public String toString() {
        return "BinanceSigner[" + base + ", " + credentials + "]";
    }
}

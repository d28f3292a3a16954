package io.crossbook.venues.bybit;

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
 * Bybit v5's HMAC request signing: the hex HMAC-SHA256 of {@code timestamp + apiKey + recvWindow + payload},
 * where the payload is the query string of a GET (as sent, unsorted) and the raw JSON body otherwise. The
 * signature, key, timestamp (epoch milliseconds) and receive window travel in the {@code X-BAPI-*} headers.
 */
public final class BybitSigner implements RequestSigner {
    static final String API_KEY_HEADER = "X-BAPI-API-KEY";
    static final String SIGN_HEADER = "X-BAPI-SIGN";
    static final String TIMESTAMP_HEADER = "X-BAPI-TIMESTAMP";
    static final String RECV_WINDOW_HEADER = "X-BAPI-RECV-WINDOW";

    private final URI base;
    private final ApiCredentials credentials;
    private final Clock clock;
    private final String recvWindowMillis;

    /** {@code base} is the REST root, e.g. {@code https://api.bybit.com}. */
    public BybitSigner(URI base, ApiCredentials credentials, Clock clock, Duration recvWindow) {
        this.base = base;
        this.credentials = credentials;
        this.clock = clock;
        this.recvWindowMillis = Long.toString(recvWindow.toMillis());
    }

    @Override
    public SignedRequest sign(String method, String path, String query, String body) {
        String timestamp = Long.toString(clock.millis());
        String payload = "GET".equals(method) ? query : body;
        Map<String, String> headers = new HashMap<>();
        headers.put(API_KEY_HEADER, credentials.apiKey());
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(RECV_WINDOW_HEADER, recvWindowMillis);
        headers.put(SIGN_HEADER, HexFormat.of().formatHex(HmacSha256.sign(credentials.secret(), plainText(timestamp, payload))));
        if (!body.isEmpty()) {
            headers.put("Content-Type", "application/json");
        }
        return new SignedRequest(method, base.resolve(query.isEmpty() ? path : path + "?" + query), headers, body);
    }

    /** The string Bybit signs. */
    String plainText(String timestamp, String payload) {
        return timestamp + credentials.apiKey() + recvWindowMillis + payload;
    }

    @Override
    public String redact(String exchangeMessage) {
        return credentials.redact(exchangeMessage);
    }

    @Override
    public String toString() {
        return "BybitSigner[" + base + ", " + credentials + "]";
    }
}

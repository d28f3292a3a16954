package io.crossbook.venues.common;

import java.net.URI;
import java.util.Map;

/**
 * A request ready to send: the exchange's signature is in its URI or headers. The headers carry the
 * API key (and OKX's passphrase), so {@link #toString()} shows the method, host and path only.
 */
public record SignedRequest(String method, URI uri, Map<String, String> headers, String body) {

    public SignedRequest {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** {@code GET api.binance.com/api/v3/account}: for messages and logs. */
    public String describe() {
        return method + " " + uri.getHost() + uri.getPath();
    }

    @Override
    public String toString() {
        return "SignedRequest[" + describe() + "]";
    }
}

package io.crossbook.venues.common;

import java.net.URI;
import java.util.Map;

/**
 * Public endpoints (an exchange's server time) sent through {@link SignedRestClient}, so that their
 * failures are told apart the same way as signed requests': no signature, no credentials.
 */
public record PublicRequests(URI base) implements RequestSigner {
    @Override
    public SignedRequest sign(String method, String path, String query, String body) {
        return new SignedRequest(method, base.resolve(query.isEmpty() ? path : path + "?" + query), Map.of(), body);
    }

    @Override
    public String redact(String exchangeMessage) {
        return exchangeMessage;
    }
}

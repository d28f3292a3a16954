package io.crossbook.venues.binance;

import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.RequestSigner;
import io.crossbook.venues.common.SignedRequest;
import java.net.URI;
import java.util.Map;

/**
 * Binance requests that carry no signature, sent through the same client as signed ones so that
 * they are told apart from failures the same way: public ones (the server time) with no
 * credentials, and USER_STREAM ones (the USDⓈ-M listen key) with the API key header alone.
 *
 * @param credentials whose key goes in the header, or null for a public request
 */
record BinanceUnsigned(URI base, ApiCredentials credentials) implements RequestSigner {

    static BinanceUnsigned publicRequests(URI base) {
        return new BinanceUnsigned(base, null);
    }

    @Override
    public SignedRequest sign(String method, String path, String query, String body) {
        Map<String, String> headers = credentials == null ? Map.of() : Map.of(BinanceSigner.API_KEY_HEADER, credentials.apiKey());
        return new SignedRequest(method, base.resolve(query.isEmpty() ? path : path + "?" + query), headers, body);
    }

    @Override
    public String redact(String exchangeMessage) {
        return credentials == null ? exchangeMessage : credentials.redact(exchangeMessage);
    }
}

package io.crossbook.venues.common;

import java.net.http.HttpHeaders;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exchange's answer to a signed request: which endpoint answered ({@code GET api.binance.com/api/v3/account}),
 * the HTTP status, the body, credentials already masked, and the response headers (where exchanges report
 * rate-limit state, e.g. Bybit's {@code X-Bapi-Limit-Reset-Timestamp}).
 */
public record RestResponse(String endpoint, int status, String body, HttpHeaders headers) {
    private static final int SHOWN_BODY_CHARS = 200;
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    /** An answer without headers. */
    public RestResponse(String endpoint, int status, String body) {
        this(endpoint, status, body, NO_HEADERS);
    }

    /** The first value of that header (names are case-insensitive). */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as JSON; a body that is not JSON (a proxy's or firewall's page) means the exchange API was not reached. */
    public JsonNode json() {
        try {
            return JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            throw new ExchangeUnavailableException(endpoint + " answered HTTP " + status
                    + " with a body that is not JSON: " + abbreviatedBody(), null);
        }
    }

    public String abbreviatedBody() {
        return body.length() <= SHOWN_BODY_CHARS ? body : body.substring(0, SHOWN_BODY_CHARS) + "…";
    }
}

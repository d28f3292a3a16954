package io.crossbook.venues.common;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exchange's answer to a signed request: which endpoint answered ({@code GET api.binance.com/api/v3/account}),
 * the HTTP status and the body, credentials already masked.
 */
public record RestResponse(String endpoint, int status, String body) {
    private static final int SHOWN_BODY_CHARS = 200;

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

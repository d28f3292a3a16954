package io.crossbook.venues.binance;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.RateLimitedException;
import io.crossbook.venues.common.RequestSigner;
import io.crossbook.venues.common.RestResponse;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountLimiter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * Requests to one Binance API (spot or USDⓈ-M) of one account: each first takes its documented
 * weight from the account's budget for that API, and a 429 or 418 pauses that budget for as long
 * as Binance asked. Binance refuses with an HTTP 4xx and {@code {"code": -2010, "msg": "..."}}.
 */
final class BinanceRequests {
    /** Spot {@code -2013} and USDⓈ-M {@code -2013}: "Order does not exist." */
    static final String NO_SUCH_ORDER = "-2013";
    /** {@code -2011} on a cancel: "Unknown order sent." (unknown, or already closed). */
    static final String CANCEL_REJECTED = "-2011";

    private final SignedRestClient rest;
    private final RequestSigner signer;
    private final AccountLimiter limiter;

    BinanceRequests(SignedRestClient rest, RequestSigner signer, AccountLimiter limiter) {
        this.rest = rest;
        this.signer = signer;
        this.limiter = limiter;
    }

    AccountLimiter limiter() {
        return limiter;
    }

    /** Sends the request with its parameters in the query string (Binance takes them there for every method). */
    RestResponse send(String method, String path, String query, int weight, boolean order) {
        limiter.acquire(weight, order);
        try {
            return rest.send(signer, method, path, query, "");
        } catch (RateLimitedException e) {
            limiter.pause(e);
            throw e;
        }
    }

    /** The answer of a request that must succeed. */
    JsonNode ok(String method, String path, String query, int weight, boolean order) {
        return ok(send(method, path, query, weight, order));
    }

    static JsonNode ok(RestResponse response) {
        return ok(response, response.json());
    }

    /** The answer's body when it succeeded; Binance's refusal otherwise. */
    static JsonNode ok(RestResponse response, JsonNode body) {
        if (response.status() != 200) {
            throw rejection(response, body);
        }
        return body;
    }

    /** Binance's error code of a refused request ("-2013"), or "" when the answer succeeded. */
    static String errorCode(RestResponse response, JsonNode body) {
        return response.status() == 200 ? "" : body.path("code").asString("");
    }

    static ExchangeRejectedException rejection(RestResponse response, JsonNode body) {
        String code = body.path("code").asString("none");
        String message = body.path("msg").asString(response.abbreviatedBody());
        return new ExchangeRejectedException(Venue.BINANCE, response.status(), code, message, insufficientFunds(code, message));
    }

    /**
     * USDⓈ-M says so by code (-2018 balance, -2019 margin, -2028 margin for the leverage); spot's
     * -2010 covers every refused new order and names the insufficient balance only in its message.
     */
    static boolean insufficientFunds(String code, String message) {
        return switch (code) {
            case "-2018", "-2019", "-2028" -> true;
            case "-2010" -> message.toLowerCase(Locale.ROOT).contains("insufficient balance");
            default -> false;
        };
    }

    /** A query string of name/value pairs, values percent-encoded (Binance signs the encoded form); null values are left out. */
    static String params(String... namesAndValues) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.add(namesAndValues[i] + "=" + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}

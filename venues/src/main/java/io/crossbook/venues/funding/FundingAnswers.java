package io.crossbook.venues.funding;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.MalformedMessageException;
import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the exchanges' funding answers, which share a shape: JSON entries per symbol, the rate a decimal string. */
final class FundingAnswers {
    /** RestClient hands over the bodies of HTTP 200 answers only, so a refusal read from one came with 200. */
    static final int HTTP_OK = 200;

    private FundingAnswers() {
    }

    static JsonNode json(String body, String answer) {
        try {
            return JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            throw new MalformedMessageException(answer + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The entry about {@code symbol}: an answer about another instrument must not pass for it. */
    static JsonNode entry(Iterable<JsonNode> entries, String symbolField, String symbol, String answer) {
        for (JsonNode entry : entries) {
            if (symbol.equals(entry.path(symbolField).asString(""))) {
                return entry;
            }
        }
        throw new MalformedMessageException(answer + " has no entry for " + symbol);
    }

    /**
     * The quote in {@code entry}: the rate exactly as the exchange wrote it, and the time it is settled.
     * An empty rate is how the exchanges answer for a contract that has none, one with an expiry.
     */
    static FundingQuote quote(Venue venue, Market market, String symbol, JsonNode entry, String rateField,
                              String timeField, long fetchedAtMs, String answer) {
        JsonNode rate = entry.path(rateField);
        if (!rate.isString()) {
            throw new MalformedMessageException(answer + " has no decimal string " + rateField);
        }
        if (rate.asString().isEmpty()) {
            throw new IllegalArgumentException(symbol + " on " + venue.id() + " " + market.id()
                    + " has no funding rate: it is not a perpetual swap");
        }
        long settledAt = epochMillis(entry.path(timeField), timeField, answer);
        try {
            return new FundingQuote(venue, market, symbol, new BigDecimal(rate.asString()), settledAt, fetchedAtMs);
        } catch (NumberFormatException e) {
            throw new MalformedMessageException(answer + ": " + rateField + " is not a decimal: '" + rate.asString() + "'");
        }
    }

    /** Binance writes times as JSON numbers, Bybit and OKX as strings of digits. */
    private static long epochMillis(JsonNode node, String field, String answer) {
        long millis;
        try {
            millis = node.isIntegralNumber() && node.canConvertToLong() ? node.longValue()
                    : Long.parseLong(node.stringValue(""));
        } catch (NumberFormatException e) {
            millis = 0;
        }
        if (millis <= 0) {
            throw new MalformedMessageException(answer + ": " + field + " is not a time in ms: " + node);
        }
        return millis;
    }
}

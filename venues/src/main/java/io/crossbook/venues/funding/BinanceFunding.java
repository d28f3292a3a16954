package io.crossbook.venues.funding;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.binance.BinanceProtocol;
import io.crossbook.venues.common.ExchangeRejectedException;
import java.net.URI;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Binance's mark price and funding rate: USDⓈ-M {@code GET /fapi/v1/premiumIndex?symbol=} (request
 * weight 1, one object) and COIN-M {@code GET /dapi/v1/premiumIndex?symbol=} (weight 10, an array).
 * {@code lastFundingRate} is settled at {@code nextFundingTime}. Binance refuses with
 * {@code {"code":-1121,"msg":"Invalid symbol."}} and an HTTP 4xx, which RestClient reports as unavailable
 * with the body in its message; the same envelope in a 200 answer is read here.
 */
final class BinanceFunding implements FundingEndpoint {

    @Override
    public FundingRequest request(Market market, String symbol) {
        boolean usdm = market == Market.LINEAR;
        URI uri = URI.create((usdm ? "https://fapi.binance.com/fapi/v1" : "https://dapi.binance.com/dapi/v1")
                + "/premiumIndex?symbol=" + symbol);
        return new FundingRequest(uri, usdm ? 1 : 10, new BinanceProtocol(market).restWeightPerMinute());
    }

    @Override
    public FundingQuote parse(Market market, String symbol, String body, long fetchedAtMs) {
        String answer = "Binance premiumIndex answer for " + symbol;
        JsonNode root = FundingAnswers.json(body, answer);
        if (root.isObject() && root.has("code")) {
            throw new ExchangeRejectedException(Venue.BINANCE, FundingAnswers.HTTP_OK, root.path("code").asString(),
                    root.path("msg").asString(""));
        }
        Iterable<JsonNode> entries = root.isArray() ? root : List.of(root);
        return FundingAnswers.quote(Venue.BINANCE, market, symbol, FundingAnswers.entry(entries, "symbol", symbol, answer),
                "lastFundingRate", "nextFundingTime", fetchedAtMs, answer);
    }
}

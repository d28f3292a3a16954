package io.crossbook.venues.funding;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.bybit.BybitProtocol;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.MalformedMessageException;
import java.net.URI;
import tools.jackson.databind.JsonNode;

/**
 * Bybit v5 tickers, {@code GET /v5/market/tickers?category=linear|inverse&symbol=}: the entry of
 * {@code result.list} carries {@code fundingRate}, settled at {@code nextFundingTime}. Bybit answers
 * HTTP 200 and says what went wrong in {@code retCode} (0 is success) and {@code retMsg}.
 */
final class BybitFunding implements FundingEndpoint {
    /** Linear and inverse share the host, and RestClient its budget; the market-data protocol declares it. */
    private static final int WEIGHT_PER_MINUTE = new BybitProtocol(Market.LINEAR).restWeightPerMinute();

    /** Bybit's categories are the market ids, "linear" and "inverse". */
    @Override
    public FundingRequest request(Market market, String symbol) {
        return new FundingRequest(URI.create("https://api.bybit.com/v5/market/tickers?category=" + market.id()
                + "&symbol=" + symbol), 1, WEIGHT_PER_MINUTE);
    }

    @Override
    public FundingQuote parse(Market market, String symbol, String body, long fetchedAtMs) {
        String answer = "Bybit tickers answer for " + symbol;
        JsonNode root = FundingAnswers.json(body, answer);
        JsonNode retCode = root.path("retCode");
        if (!retCode.isIntegralNumber()) {
            throw new MalformedMessageException(answer + " has no retCode");
        }
        if (retCode.asLong() != 0) {
            throw new ExchangeRejectedException(Venue.BYBIT, FundingAnswers.HTTP_OK, retCode.asString(),
                    root.path("retMsg").asString(""));
        }
        JsonNode list = DecimalStrings.array(root.path("result"), "list", answer);
        return FundingAnswers.quote(Venue.BYBIT, market, symbol, FundingAnswers.entry(list, "symbol", symbol, answer),
                "fundingRate", "nextFundingTime", fetchedAtMs, answer);
    }
}

package io.crossbook.venues.funding;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.okx.OkxProtocol;
import java.net.URI;
import tools.jackson.databind.JsonNode;

/**
 * OKX v5 current funding rate, {@code GET /api/v5/public/funding-rate?instId=} for linear and inverse
 * swaps alike. {@code fundingRate} is settled at {@code fundingTime}; {@code nextFundingTime} is the
 * settlement after that one. OKX says what went wrong in {@code code} ("0" is success) and {@code msg}.
 */
final class OkxFunding implements FundingEndpoint {

    /** 20 requests per 2 s per instrument; RestClient keeps one budget for the host, the market-data protocol's. */
    @Override
    public FundingRequest request(Market market, String symbol) {
        return new FundingRequest(URI.create("https://www.okx.com/api/v5/public/funding-rate?instId=" + symbol), 1,
                new OkxProtocol(market).restWeightPerMinute());
    }

    @Override
    public FundingQuote parse(Market market, String symbol, String body, long fetchedAtMs) {
        String answer = "OKX funding-rate answer for " + symbol;
        JsonNode root = FundingAnswers.json(body, answer);
        String code = root.path("code").asString("");
        if (code.isEmpty()) {
            throw new MalformedMessageException(answer + " has no code");
        }
        if (!code.equals("0")) {
            throw new ExchangeRejectedException(Venue.OKX, FundingAnswers.HTTP_OK, code, root.path("msg").asString(""));
        }
        JsonNode data = DecimalStrings.array(root, "data", answer);
        return FundingAnswers.quote(Venue.OKX, market, symbol, FundingAnswers.entry(data, "instId", symbol, answer),
                "fundingRate", "fundingTime", fetchedAtMs, answer);
    }
}

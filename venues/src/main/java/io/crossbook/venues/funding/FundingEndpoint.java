package io.crossbook.venues.funding;

import io.crossbook.core.model.Market;

/** One exchange's public funding-rate endpoint: how to ask it about a perpetual swap and how to read its answer. */
sealed interface FundingEndpoint permits BinanceFunding, BybitFunding, OkxFunding {

    /** The request for {@code symbol} (exchange spelling) in {@code market}, LINEAR or INVERSE. */
    FundingRequest request(Market market, String symbol);

    /**
     * The quote for {@code symbol} in the body of an HTTP 200 answer. Throws
     * {@link io.crossbook.venues.common.ExchangeRejectedException} when the exchange refused,
     * {@link io.crossbook.venues.common.MalformedMessageException} when the answer is not as documented,
     * {@link IllegalArgumentException} when the instrument has no funding rate (not a perpetual swap).
     */
    FundingQuote parse(Market market, String symbol, String body, long fetchedAtMs);
}

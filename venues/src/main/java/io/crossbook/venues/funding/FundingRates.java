package io.crossbook.venues.funding;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.RestClient;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The current funding rate of perpetual swaps from each exchange's public REST API (no keys), within
 * the exchange's request-weight budget. A failed future's cause says why:
 * {@link io.crossbook.venues.common.ExchangeUnavailableException} (not reachable, rate limited, an HTTP
 * error status), {@link io.crossbook.venues.common.ExchangeRejectedException} (the exchange refused, with
 * its own code and message), {@link io.crossbook.venues.common.MalformedMessageException} (an answer not
 * as documented) or {@link IllegalArgumentException} (the instrument is not a perpetual swap).
 */
public final class FundingRates {
    static final String SPOT_HAS_NO_FUNDING = "spot instruments have no funding rate";
    /** What the exchanges' symbols are made of; anything else would change the query string. */
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final FundingEndpoint BINANCE = new BinanceFunding();
    private static final FundingEndpoint BYBIT = new BybitFunding();
    private static final FundingEndpoint OKX = new OkxFunding();

    private final RestClient rest;
    private final Clock clock;

    public FundingRates(RestClient rest, Clock clock) {
        this.rest = rest;
        this.clock = clock;
    }

    /**
     * Asks {@code venue} for the funding rate of {@code symbol} (exchange spelling: BTCUSDT, BTCUSD_PERP,
     * BTC-USDT-SWAP) in a LINEAR or INVERSE market; throws {@link IllegalArgumentException} at once for
     * SPOT or a symbol that cannot be one.
     */
    public CompletableFuture<FundingQuote> fetch(Venue venue, Market market, String symbol) {
        if (market == Market.SPOT) {
            throw new IllegalArgumentException(SPOT_HAS_NO_FUNDING);
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("'" + symbol + "' is not an exchange symbol (letters, digits, '-' and '_')");
        }
        FundingEndpoint endpoint = endpoint(venue);
        FundingRequest request = endpoint.request(market, symbol);
        return rest.get(request.uri(), request.weight(), request.weightPerMinute())
                .thenApply(body -> endpoint.parse(market, symbol, body, clock.millis()));
    }

    static FundingEndpoint endpoint(Venue venue) {
        return switch (venue) {
            case BINANCE -> BINANCE;
            case BYBIT -> BYBIT;
            case OKX -> OKX;
        };
    }
}

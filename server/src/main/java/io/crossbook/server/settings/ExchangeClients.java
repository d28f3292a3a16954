package io.crossbook.server.settings;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.binance.BinanceEndpoints;
import io.crossbook.venues.binance.BinanceTrading;
import io.crossbook.venues.bybit.BybitTrading;
import io.crossbook.venues.okx.OkxTrading;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.ExchangeClock;
import io.crossbook.venues.trading.TradingApi;
import java.util.function.Function;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.venues.binance.BinanceAccount;
import io.crossbook.venues.binance.BinanceSigner;
import io.crossbook.venues.bybit.BybitAccount;
import io.crossbook.venues.bybit.BybitSigner;
import io.crossbook.venues.common.AccountClient;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.ExchangeUnavailableException;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.okx.OkxAccount;
import io.crossbook.venues.okx.OkxSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Signed calls to the exchanges' private REST APIs at the configured endpoints, with the exchanges'
 * failures as API errors: a refusal (keys, signature, permissions) is {@code UPSTREAM_ERROR} with the
 * exchange's own code and message, an exchange that cannot be reached or cannot serve us now is
 * {@code EXCHANGE_UNAVAILABLE} with the cause.
 */
@Component
public class ExchangeClients {
    private final TradingProperties trading;
    private final Clock clock;
    private final SignedRestClient rest = new SignedRestClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());

    public ExchangeClients(TradingProperties trading, ObjectProvider<Clock> clock) {
        this.trading = trading;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The account's balances, read with the exchange's read-only account call. */
    public List<Balance> balances(Venue venue, ApiCredentials credentials) {
        try {
            return account(venue, credentials).balances();
        } catch (ExchangeRejectedException e) {
            throw new ApiException(ErrorCode.UPSTREAM_ERROR, e.getMessage());
        } catch (ExchangeUnavailableException e) {
            throw new ApiException(ErrorCode.EXCHANGE_UNAVAILABLE, e.getMessage());
        } catch (MalformedMessageException e) {
            throw new ApiException(ErrorCode.UPSTREAM_ERROR, venue.id() + " answered the account call in an unexpected shape: "
                    + e.getMessage());
        }
    }

    /**
     * One account's order entry, with its own request budget, signing with {@code exchangeClock}
     * (its owner keeps it synchronised). REST and the private streams go to the configured endpoints.
     *
     * @param instruments the exchange's metadata of an instrument, or null when unknown
     */
    public TradingApi tradingApi(Venue venue, ApiCredentials credentials, ExchangeClock exchangeClock,
                                 Function<InstrumentId, Instrument> instruments) {
        Duration recvWindow = trading.recvWindow();
        URI base = trading.endpoint(venue);
        TradingProperties.PrivateStreams streams = trading.privateStreams();
        return switch (venue) {
            case BINANCE -> new BinanceTrading(rest, new BinanceEndpoints(base, trading.binanceFuturesEndpoint(),
                    streams.binanceSpot(), streams.binanceFutures()),
                    credentials, exchangeClock, recvWindow, new AccountLimiter(venue, BinanceTrading.SPOT_LIMITS),
                    new AccountLimiter(venue, BinanceTrading.FUTURES_LIMITS));
            case BYBIT -> new BybitTrading(rest, base, streams.bybit(), credentials, exchangeClock, recvWindow,
                    new AccountLimiter(venue, BybitTrading.LIMITS), instruments);
            case OKX -> new OkxTrading(rest, base, streams.okx(), credentials, exchangeClock, recvWindow,
                    new AccountLimiter(venue, OkxTrading.LIMITS));
        };
    }

    private AccountClient account(Venue venue, ApiCredentials credentials) {
        URI base = trading.endpoint(venue);
        Duration recvWindow = trading.recvWindow();
        return switch (venue) {
            case BINANCE -> new BinanceAccount(rest, new BinanceSigner(base, credentials, clock, recvWindow));
            case BYBIT -> new BybitAccount(rest, new BybitSigner(base, credentials, clock, recvWindow));
            case OKX -> new OkxAccount(rest, new OkxSigner(base, credentials, clock));
        };
    }
}

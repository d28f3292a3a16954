package io.crossbook.venues.trading;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.SimOrder;
import io.crossbook.venues.binance.BinanceEndpoints;
import io.crossbook.venues.binance.BinanceTrading;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.SignedRestClient;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** The real Binance adapter pointed at a running simulator, and what the simulator itself booked. */
final class SimTrading {
    static final String KEY = "scenario-key";
    static final String SECRET = "scenario-secret";
    static final Duration RECV_WINDOW = Duration.ofSeconds(1);

    private SimTrading() {
    }

    /** Spot and USDⓈ-M REST both at the simulator; the private-stream endpoints are never opened. */
    static BinanceEndpoints endpoints(ExchangeSimulator sim) {
        URI unused = URI.create("ws://127.0.0.1:1/unused");
        return new BinanceEndpoints(sim.restBase(), sim.restBase(), unused, unused);
    }

    static BinanceTrading trading(ExchangeSimulator sim, AccountLimiter.Limits spot, AccountLimiter.Limits futures) {
        return new BinanceTrading(new SignedRestClient(HttpClient.newHttpClient(), Duration.ofMillis(500)), endpoints(sim),
                ApiCredentials.of(KEY, SECRET), new ExchangeClock(Clock.systemUTC()), RECV_WINDOW,
                new AccountLimiter(Venue.BINANCE, spot), new AccountLimiter(Venue.BINANCE, futures));
    }

    static BinanceTrading trading(ExchangeSimulator sim) {
        return trading(sim, BinanceTrading.SPOT_LIMITS, BinanceTrading.FUTURES_LIMITS);
    }

    /** The base quantity the simulator filled in {@code market}, buys plus, sells minus, from its own order book-keeping. */
    static BigDecimal netFilled(ExchangeSimulator sim, Market market) {
        return sim.orders().stream().filter(o -> o.market() == market)
                .map(o -> o.side() == OrderSide.BUY ? o.executedQty() : o.executedQty().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every order the simulator booked, with how often each client order id was accepted. */
    static boolean eachAcceptedOnce(ExchangeSimulator sim) {
        return sim.orders().stream().map(SimOrder::clientOrderId).allMatch(id -> sim.acceptedOrders(id) == 1);
    }
}

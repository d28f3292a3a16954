package io.crossbook.venues.binance;

import static io.crossbook.venues.binance.BinanceRequests.params;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.RestResponse;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountBalances;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.ExchangeClock;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangePosition;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.PrivateStream;
import io.crossbook.venues.trading.PrivateStreamConnection;
import io.crossbook.venues.trading.TradingApi;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One Binance account's order entry on spot ({@code /api/v3}) and USDⓈ-M perpetuals ({@code /fapi}),
 * routed by the instrument's market; COIN-M is not traded. Spot and USDⓈ-M keep separate request
 * budgets, so each has its own {@link AccountLimiter}, and every request first takes its documented
 * weight from it.
 *
 * <p>Orders carry the client order id in {@code newClientOrderId} and ask for the {@code RESULT}
 * answer, which holds the order's state after matching (a market order comes back filled). Post-only
 * is {@code LIMIT_MAKER} on spot and {@code timeInForce=GTX} on USDⓈ-M; a market order takes no time
 * in force. Binance's refusals keep its code and message ({@code -2010}, {@code -2019}: for lack of
 * funds; {@code -1021}: the clock is outside the receive window, {@link ExchangeClock#sync} it).
 */
public final class BinanceTrading implements TradingApi {
    /** The spot account's budget: 6,000 request weight a minute, 50 orders per 10 s (the exchange's published limits). */
    public static final AccountLimiter.Limits SPOT_LIMITS = new AccountLimiter.Limits(6000, Duration.ofMinutes(1), 50,
            Duration.ofSeconds(10), Duration.ofSeconds(2));
    /** USDⓈ-M's budget: 2,400 request weight a minute, 300 orders per 10 s. */
    public static final AccountLimiter.Limits FUTURES_LIMITS = new AccountLimiter.Limits(2400, Duration.ofMinutes(1), 300,
            Duration.ofSeconds(10), Duration.ofSeconds(2));
    private static final String SPOT_PREFIX = "/api/v3";
    private static final String FUTURES_PREFIX = "/fapi";
    /** Binance's default page is 500 fills; an order with more is read up to the maximum page. */
    private static final String MAX_TRADES = "1000";

    private final BinanceEndpoints endpoints;
    private final ApiCredentials credentials;
    private final ExchangeClock clock;
    private final Duration recvWindow;
    private final SignedRestClient rest;
    private final BinanceRequests spot;
    private final BinanceRequests futures;
    private final BinanceRequests publicSpot;

    /**
     * @param clock          the exchange's time, which every signed request is stamped with
     * @param recvWindow     how long after its timestamp Binance may still carry a request out (at most 60 s)
     * @param spotLimiter    the account's spot budget (request weight per IP, orders per account)
     * @param futuresLimiter the account's USDⓈ-M budget
     */
    public BinanceTrading(SignedRestClient rest, BinanceEndpoints endpoints, ApiCredentials credentials, ExchangeClock clock,
                          Duration recvWindow, AccountLimiter spotLimiter, AccountLimiter futuresLimiter) {
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.clock = clock;
        this.recvWindow = recvWindow;
        this.rest = rest;
        this.spot = new BinanceRequests(rest, new BinanceSigner(endpoints.spotRest(), credentials, clock, recvWindow), spotLimiter);
        this.futures = new BinanceRequests(rest, new BinanceSigner(endpoints.futuresRest(), credentials, clock, recvWindow),
                futuresLimiter);
        this.publicSpot = new BinanceRequests(rest, BinanceUnsigned.publicRequests(endpoints.spotRest()), spotLimiter);
    }

    @Override
    public Venue venue() {
        return Venue.BINANCE;
    }

    /** {@code GET /api/v3/time} (weight 1, unsigned). */
    @Override
    public long serverTime() {
        return publicSpot.ok("GET", SPOT_PREFIX + "/time", "", 1, false).path("serverTime").asLong();
    }

    /** {@code POST /api/v3/order} (weight 1) or {@code POST /fapi/v1/order} (no IP weight); one order from either budget. */
    @Override
    public ExchangeOrder place(OrderRequest order) {
        if (isSpot(order.instrument().market())) {
            return BinanceAnswers.spotOrder(spot.ok("POST", SPOT_PREFIX + "/order", spotOrderQuery(order), 1, true));
        }
        return BinanceAnswers.futuresOrder(futures.ok("POST", FUTURES_PREFIX + "/v1/order", futuresOrderQuery(order), 0, true));
    }

    /** The parameters of a spot order, in the order Binance documents them. */
    static String spotOrderQuery(OrderRequest order) {
        String type;
        String timeInForce = null;
        if (order.type() == OrderType.MARKET) {
            requireNotPostOnly(order);
            type = "MARKET";
        } else if (order.timeInForce() == TimeInForce.POST_ONLY) {
            type = "LIMIT_MAKER";
        } else {
            type = "LIMIT";
            timeInForce = order.timeInForce().name();
        }
        return orderQuery(order, type, timeInForce);
    }

    /** The parameters of a USDⓈ-M order; post-only is "good till crossing". */
    static String futuresOrderQuery(OrderRequest order) {
        if (order.type() == OrderType.MARKET) {
            requireNotPostOnly(order);
            return orderQuery(order, "MARKET", null);
        }
        return orderQuery(order, "LIMIT", order.timeInForce() == TimeInForce.POST_ONLY ? "GTX" : order.timeInForce().name());
    }

    private static String orderQuery(OrderRequest order, String type, String timeInForce) {
        BigDecimal price = order.limitPrice();
        return params("symbol", order.instrument().symbol(), "side", order.side().name(), "type", type,
                "timeInForce", timeInForce, "quantity", order.qty().toPlainString(),
                "price", price == null ? null : price.toPlainString(), "newClientOrderId", order.clientOrderId(),
                "newOrderRespType", "RESULT");
    }

    private static void requireNotPostOnly(OrderRequest order) {
        if (order.timeInForce() == TimeInForce.POST_ONLY) {
            throw new IllegalArgumentException(order.clientOrderId() + ": a market order cannot be post-only");
        }
    }

    /** {@code GET /api/v3/order} (weight 4) or {@code GET /fapi/v1/order} (weight 1); -2013 means no such order. */
    @Override
    public ExchangeOrder query(Instrument instrument, String clientOrderId) {
        boolean isSpot = isSpot(instrument.market());
        String query = params("symbol", instrument.symbol(), "origClientOrderId", clientOrderId);
        RestResponse response = isSpot ? spot.send("GET", SPOT_PREFIX + "/order", query, 4, false)
                : futures.send("GET", FUTURES_PREFIX + "/v1/order", query, 1, false);
        JsonNode body = response.json();
        if (BinanceRequests.NO_SUCH_ORDER.equals(BinanceRequests.errorCode(response, body))) {
            return null;
        }
        BinanceRequests.ok(response, body);
        return isSpot ? BinanceAnswers.spotOrder(body) : BinanceAnswers.futuresOrder(body);
    }

    /**
     * {@code GET /api/v3/myTrades} or {@code GET /fapi/v1/userTrades} by order id (weight 5 each);
     * without the exchange's order id the order is looked up first.
     */
    @Override
    public List<ExchangeTrade> trades(Instrument instrument, String clientOrderId, String exchangeOrderId) {
        String orderId = exchangeOrderId;
        if (orderId == null) {
            ExchangeOrder order = query(instrument, clientOrderId);
            if (order == null) {
                return List.of();
            }
            orderId = order.exchangeOrderId();
        }
        String query = params("symbol", instrument.symbol(), "orderId", orderId, "limit", MAX_TRADES);
        JsonNode answer = isSpot(instrument.market()) ? spot.ok("GET", SPOT_PREFIX + "/myTrades", query, 5, false)
                : futures.ok("GET", FUTURES_PREFIX + "/v1/userTrades", query, 5, false);
        return BinanceAnswers.trades(answer, clientOrderId);
    }

    /** {@code DELETE /api/v3/order} or {@code DELETE /fapi/v1/order} (weight 1); -2011 and -2013: unknown or already closed. */
    @Override
    public void cancel(Instrument instrument, String clientOrderId) {
        String query = params("symbol", instrument.symbol(), "origClientOrderId", clientOrderId);
        RestResponse response = isSpot(instrument.market()) ? spot.send("DELETE", SPOT_PREFIX + "/order", query, 1, false)
                : futures.send("DELETE", FUTURES_PREFIX + "/v1/order", query, 1, false);
        JsonNode body = response.json();
        String code = BinanceRequests.errorCode(response, body);
        if (!code.equals(BinanceRequests.CANCEL_REJECTED) && !code.equals(BinanceRequests.NO_SUCH_ORDER)) {
            BinanceRequests.ok(response, body);
        }
    }

    /** Every symbol's open orders: {@code GET /api/v3/openOrders} (weight 80) or {@code GET /fapi/v1/openOrders} (weight 40). */
    @Override
    public List<ExchangeOrder> openOrders(Market market) {
        if (isSpot(market)) {
            return BinanceAnswers.orders(spot.ok("GET", SPOT_PREFIX + "/openOrders", "", 80, false), true);
        }
        return BinanceAnswers.orders(futures.ok("GET", FUTURES_PREFIX + "/v1/openOrders", "", 40, false), false);
    }

    /**
     * The spot account ({@code GET /api/v3/account}, weight 20) and, apart from it, the USDⓈ-M wallet
     * ({@code GET /fapi/v3/balance}, weight 5): its available balance is what new orders can margin.
     */
    @Override
    public AccountBalances balances() {
        return AccountBalances.separate(BinanceAccount.parse(spot.send("GET", BinanceAccount.PATH, BinanceAccount.QUERY, 20, false)),
                BinanceAnswers.futuresBalances(futures.ok("GET", FUTURES_PREFIX + "/v3/balance", "", 5, false)));
    }

    /** {@code GET /fapi/v3/positionRisk} (weight 5): the USDⓈ-M positions that are not flat. */
    @Override
    public List<ExchangePosition> positions() {
        return BinanceAnswers.positions(futures.ok("GET", FUTURES_PREFIX + "/v3/positionRisk", "", 5, false));
    }

    /** Two streams, one per market: spot over the WebSocket API, USDⓈ-M by listen key. */
    @Override
    public PrivateStream openPrivateStream(PrivateStream.Listener listener) {
        PrivateStreamConnection spotStream = new PrivateStreamConnection(new BinanceSpotPrivateProtocol(
                endpoints.spotWebSocketApi(), credentials, clock, recvWindow, spot.limiter()), listener, "binance-spot").start();
        PrivateStreamConnection futuresStream = new PrivateStreamConnection(new BinanceFuturesPrivateProtocol(rest,
                endpoints.futuresRest(), endpoints.futuresPrivateStream(), credentials, futures.limiter()), listener,
                "binance-usdm").start();
        return new BothStreams(spotStream, futuresStream);
    }

    private static boolean isSpot(Market market) {
        return switch (market) {
            case SPOT -> true;
            case LINEAR -> false;
            case INVERSE -> throw new IllegalArgumentException("Binance COIN-M (inverse) contracts are not traded");
        };
    }

    @Override
    public String toString() {
        return "BinanceTrading[" + endpoints.spotRest() + ", " + endpoints.futuresRest() + ", " + credentials + "]";
    }

    /** The account's two streams as one: connected when both are. */
    private record BothStreams(PrivateStream spot, PrivateStream futures) implements PrivateStream {
        @Override
        public boolean isConnected() {
            return spot.isConnected() && futures.isConnected();
        }

        @Override
        public void close() {
            spot.close();
            futures.close();
        }
    }
}

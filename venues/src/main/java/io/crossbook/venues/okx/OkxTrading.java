package io.crossbook.venues.okx;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.RateLimitedException;
import io.crossbook.venues.common.PublicRequests;
import io.crossbook.venues.common.RequestSigner;
import io.crossbook.venues.common.RestResponse;
import io.crossbook.venues.common.SignedRequest;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountBalances;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.ExchangeClock;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangePosition;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import io.crossbook.venues.trading.PrivateStream;
import io.crossbook.venues.trading.PrivateStreamConnection;
import io.crossbook.venues.trading.TradingApi;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One OKX v5 trading account: spot ({@code instType SPOT}, trade mode {@code cash}) and USDT- or
 * USDC-margined perpetual swaps ({@code SWAP}, trade mode {@code cross}, one-way position mode);
 * coin-margined swaps are not traded here.
 *
 * <p>OKX answers HTTP 200 with {@code {code, msg, data}}; {@code code "0"} is success. A refused order or
 * cancel has {@code code "1"} and the reason in its {@code data[0].sCode}/{@code sMsg}. An order carries
 * the {@code expTime} header, the clock plus the receive window: OKX does not carry out a request that
 * reaches it later, so after a timeout the order can be looked up once that moment has passed and the
 * answer is final.
 *
 * <p>Rate limits are per endpoint, in requests per 2 s: 60 for placing, cancelling and reading orders and
 * fills, 10 for the balance, the positions and the server time. The account's limiter counts 60 requests
 * per 2 s ({@link #LIMITS}); the 10-per-2-s endpoints cost {@value #ACCOUNT_COST} of them (the limiter takes at
 * most one refill cycle's share for a request, so in effect one of them per cycle).
 */
public final class OkxTrading implements TradingApi {
    private static final Duration WINDOW = Duration.ofSeconds(2);
    /** Orders: 60 per 2 s per instrument, counted over every instrument here to stay within each. */
    public static final AccountLimiter.Limits LIMITS = new AccountLimiter.Limits(60, WINDOW, 60, WINDOW, WINDOW);
    static final int TRADE_COST = 1;
    static final int ACCOUNT_COST = 6;
    /** OKX answers at most 100 orders or fills a page. */
    static final int PAGE = 100;

    static final String ORDER = "/api/v5/trade/order";
    static final String CANCEL = "/api/v5/trade/cancel-order";
    static final String PENDING = "/api/v5/trade/orders-pending";
    static final String FILLS = "/api/v5/trade/fills";
    static final String POSITIONS = "/api/v5/account/positions";
    static final String TIME = "/api/v5/public/time";
    static final String EXPIRY_HEADER = "expTime";

    /** Order does not exist. */
    static final String NO_SUCH_ORDER = "51603";
    /** Cancel refused because the order does not exist (51400), is already cancelled (51401) or filled (51402). */
    private static final Set<String> ALREADY_CLOSED = Set.of("51400", "51401", "51402", NO_SUCH_ORDER);
    /** Insufficient balance (51008, 51119, 51131) or an available balance of 0 (51127). */
    private static final Set<String> INSUFFICIENT_FUNDS = Set.of("51008", "51119", "51127", "51131");
    /** Rate limit reached, for the endpoint (50011) or the sub-account's orders (50061). */
    private static final Set<String> RATE_LIMITED = Set.of("50011", "50061");

    private final SignedRestClient rest;
    private final URI restBase;
    private final OkxSigner signer;
    private final RequestSigner expiringSigner;
    private final RequestSigner unsigned;
    private final OkxAccount account;
    private final OkxPrivateProtocol stream;
    private final ApiCredentials credentials;
    private final AccountLimiter limiter;

    /** The production hosts: {@link OkxProtocol#REST} and {@link OkxPrivateProtocol#PRIVATE_WS}. */
    public OkxTrading(SignedRestClient rest, ApiCredentials credentials, ExchangeClock clock, Duration recvWindow,
                      AccountLimiter limiter) {
        this(rest, OkxProtocol.REST, OkxPrivateProtocol.PRIVATE_WS, credentials, clock, recvWindow, limiter);
    }

    /**
     * @param restBase   the REST root, {@link OkxProtocol#REST} or a simulator's
     * @param privateWs  the private WebSocket, {@link OkxPrivateProtocol#PRIVATE_WS} or a simulator's
     * @param clock      the exchange's time, for signatures and the orders' {@code expTime}
     * @param recvWindow how long after it is signed an order may still be carried out
     */
    public OkxTrading(SignedRestClient rest, URI restBase, URI privateWs, ApiCredentials credentials, ExchangeClock clock,
                      Duration recvWindow, AccountLimiter limiter) {
        this.rest = rest;
        this.restBase = restBase;
        this.signer = new OkxSigner(restBase, credentials, clock);
        this.expiringSigner = new Expiring(signer, clock, recvWindow);
        this.unsigned = new PublicRequests(restBase);
        this.account = new OkxAccount(rest, signer);
        this.stream = new OkxPrivateProtocol(privateWs, credentials, clock);
        this.credentials = credentials;
        this.limiter = limiter;
    }

    @Override
    public Venue venue() {
        return Venue.OKX;
    }

    /** {@code GET /api/v5/public/time}, unsigned: {@code data[0].ts}. */
    @Override
    public long serverTime() {
        return call(ACCOUNT_COST, false, unsigned, "GET", TIME, "", "",
                response -> OkxOrderReader.millis(first(data(response)), "ts"));
    }

    @Override
    public ExchangeOrder place(OrderRequest order) {
        Instrument instrument = order.instrument();
        String body = orderBody(order);
        return call(TRADE_COST, true, expiringSigner, "POST", ORDER, "", body, response -> {
            JsonNode ack = first(data(response));
            return new ExchangeOrder(instrument.symbol(), order.clientOrderId(), OkxOrderReader.text(ack, "ordId"),
                    order.side(), OrderStatus.NEW, order.qty(), BigDecimal.ZERO, null, order.limitPrice(),
                    OkxOrderReader.millis(ack, "ts"));
        });
    }

    /**
     * The body of {@code POST /api/v5/trade/order}. OKX has one order type per time in force:
     * {@code limit} (GTC), {@code ioc}, {@code post_only}; a spot market buy is sized in the quote currency
     * unless {@code tgtCcy} says the base, as our quantities are.
     */
    static String orderBody(OrderRequest order) {
        Instrument instrument = order.instrument();
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("instId", instId(instrument));
        body.put("tdMode", instrument.market() == Market.SPOT ? "cash" : "cross");
        body.put("side", order.side().id());
        body.put("ordType", orderType(order));
        body.put("sz", order.qty().toPlainString());
        if (order.type() == OrderType.LIMIT) {
            body.put("px", order.limitPrice().toPlainString());
        }
        body.put("clOrdId", order.clientOrderId());
        if (instrument.market() == Market.SPOT && order.type() == OrderType.MARKET && order.side() == OrderSide.BUY) {
            body.put("tgtCcy", "base_ccy");
        }
        return JsonMapper.shared().writeValueAsString(body);
    }

    private static String orderType(OrderRequest order) {
        if (order.type() == OrderType.MARKET) {
            if (order.timeInForce() == TimeInForce.POST_ONLY) {
                throw new IllegalArgumentException("a market order cannot be post-only: " + order.clientOrderId());
            }
            return "market";
        }
        return switch (order.timeInForce()) {
            case GTC -> "limit";
            case IOC -> "ioc";
            case POST_ONLY -> "post_only";
        };
    }

    /** {@code GET /api/v5/trade/order?instId&clOrdId}; OKX's 51603 says there is no such order. */
    @Override
    public ExchangeOrder query(Instrument instrument, String clientOrderId) {
        String query = query(Map.of("instId", instId(instrument), "clOrdId", clientOrderId), "instId", "clOrdId");
        return call(TRADE_COST, false, signer, "GET", ORDER, query, "", response -> {
            if (NO_SUCH_ORDER.equals(code(response))) {
                return null;
            }
            return OkxOrderReader.order(first(data(response)));
        });
    }

    /**
     * {@code GET /api/v5/trade/fills?instType&instId&ordId}, page by page: the fills of the last three days,
     * which covers any order still being worked. Without the exchange's order id it is looked up first.
     */
    @Override
    public List<ExchangeTrade> trades(Instrument instrument, String clientOrderId, String exchangeOrderId) {
        String instType = instType(instrument.market());
        String orderId = exchangeOrderId;
        if (orderId == null) {
            ExchangeOrder order = query(instrument, clientOrderId);
            if (order == null) {
                return List.of();
            }
            orderId = order.exchangeOrderId();
        }
        List<ExchangeTrade> trades = new ArrayList<>();
        String after = null;
        while (true) {
            Map<String, String> params = new HashMap<>(Map.of("instType", instType, "instId", instrument.symbol(),
                    "ordId", orderId, "limit", String.valueOf(PAGE)));
            if (after != null) {
                params.put("after", after);
            }
            String query = query(params, "instType", "instId", "ordId", "after", "limit");
            JsonNode page = call(TRADE_COST, false, signer, "GET", FILLS, query, "", OkxTrading::data);
            for (JsonNode fill : page.values()) {
                trades.add(OkxOrderReader.restFill(fill));
            }
            if (page.size() < PAGE) {
                return trades;
            }
            after = OkxOrderReader.text(page.get(page.size() - 1), "billId");
        }
    }

    /** {@code POST /api/v5/trade/cancel-order}; an order already filled, cancelled or unknown is no failure. */
    @Override
    public void cancel(Instrument instrument, String clientOrderId) {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("instId", instId(instrument));
        body.put("clOrdId", clientOrderId);
        call(TRADE_COST, false, signer, "POST", CANCEL, "", JsonMapper.shared().writeValueAsString(body), response -> {
            String refusal = orderCode(response);
            if (!ALREADY_CLOSED.contains(refusal)) {
                data(response);
            }
            return null;
        });
    }

    /** {@code GET /api/v5/trade/orders-pending?instType}, page by page (newest first, {@code after} the last order id). */
    @Override
    public List<ExchangeOrder> openOrders(Market market) {
        String instType = instType(market);
        List<ExchangeOrder> open = new ArrayList<>();
        String after = null;
        while (true) {
            Map<String, String> params = new HashMap<>(Map.of("instType", instType, "limit", String.valueOf(PAGE)));
            if (after != null) {
                params.put("after", after);
            }
            JsonNode page = call(TRADE_COST, false, signer, "GET", PENDING, query(params, "instType", "after", "limit"), "",
                    OkxTrading::data);
            for (JsonNode order : page.values()) {
                if (!isCoinMargined(OkxOrderReader.text(order, "instId"))) {
                    open.add(OkxOrderReader.order(order));
                }
            }
            if (page.size() < PAGE) {
                return open;
            }
            after = OkxOrderReader.text(page.get(page.size() - 1), "ordId");
        }
    }

    /** {@code GET /api/v5/account/balance}, read by {@link OkxAccount}. */
    @Override
    public AccountBalances balances() {
        limiter.acquire(ACCOUNT_COST, false);
        try {
            return AccountBalances.unified(account.balances());
        } catch (RateLimitedException e) {
            limiter.pause(e);
            throw e;
        }
    }

    /**
     * {@code GET /api/v5/account/positions?instType=SWAP}: in one-way ({@code net}) mode {@code pos} is signed;
     * in long/short mode it is not, and {@code posSide} says which. Empty positions and coin-margined swaps are left out.
     */
    @Override
    public List<ExchangePosition> positions() {
        return call(ACCOUNT_COST, false, signer, "GET", POSITIONS, "instType=SWAP", "", response -> {
            List<ExchangePosition> positions = new ArrayList<>();
            for (JsonNode position : data(response).values()) {
                String symbol = OkxOrderReader.text(position, "instId");
                BigDecimal qty = DecimalStrings.read(position, "pos");
                if (qty.signum() == 0 || isCoinMargined(symbol)) {
                    continue;
                }
                if ("short".equals(position.path("posSide").asString(""))) {
                    qty = qty.negate();
                }
                positions.add(new ExchangePosition(symbol, qty, OkxOrderReader.optionalDecimal(position, "avgPx")));
            }
            return positions;
        });
    }

    @Override
    public PrivateStream openPrivateStream(PrivateStream.Listener listener) {
        return new PrivateStreamConnection(stream, listener, "okx-" + credentials.maskedApiKey()).start();
    }

    @Override
    public String toString() {
        return "OkxTrading[" + restBase + ", " + credentials + "]";
    }

    /** Takes the request's budget, sends it and reads the answer; a rate-limit answer pauses the account's limiter. */
    private <T> T call(int cost, boolean order, RequestSigner by, String method, String path, String query, String body,
                       Function<RestResponse, T> read) {
        limiter.acquire(cost, order);
        try {
            return read.apply(rest.send(by, method, path, query, body));
        } catch (RateLimitedException e) {
            limiter.pause(e);
            throw e;
        }
    }

    /**
     * The answer's {@code data} array when OKX says it succeeded; otherwise the refusal, with the order's own
     * {@code sCode}/{@code sMsg} where OKX gives one.
     */
    static JsonNode data(RestResponse response) {
        JsonNode root = response.json();
        String code = root.path("code").asString("");
        if ("0".equals(code) && response.status() == 200) {
            return DecimalStrings.array(root, "data", "OKX's answer from " + response.endpoint());
        }
        String message = root.path("msg").asString(response.abbreviatedBody());
        JsonNode entry = root.path("data").path(0);
        String orderCode = entry.path("sCode").asString("");
        if (!orderCode.isEmpty() && !"0".equals(orderCode)) {
            code = orderCode;
            message = entry.path("sMsg").asString(message);
        }
        if (code.isEmpty()) {
            code = "none";
        }
        if (RATE_LIMITED.contains(code)) {
            throw new RateLimitedException(response.endpoint() + " answered code " + code + ": " + message
                    + "; retry after " + WINDOW.toSeconds() + " s", WINDOW, false);
        }
        throw new ExchangeRejectedException(Venue.OKX, response.status(), code, message, INSUFFICIENT_FUNDS.contains(code));
    }

    /** The answer's {@code code}. */
    private static String code(RestResponse response) {
        return response.json().path("code").asString("");
    }

    /** The first order's {@code sCode} where it has one, else the answer's {@code code}. */
    private static String orderCode(RestResponse response) {
        JsonNode root = response.json();
        String orderCode = root.path("data").path(0).path("sCode").asString("");
        return orderCode.isEmpty() || "0".equals(orderCode) ? root.path("code").asString("") : orderCode;
    }

    private static JsonNode first(JsonNode data) {
        if (data.isEmpty()) {
            throw new MalformedMessageException("OKX answered success with an empty data array");
        }
        return data.get(0);
    }

    /** OKX's instrument type for the market; coin-margined swaps are refused. */
    static String instType(Market market) {
        return switch (market) {
            case SPOT -> "SPOT";
            case LINEAR -> "SWAP";
            case INVERSE -> throw new IllegalArgumentException("OKX coin-margined swaps are not traded here");
        };
    }

    /** The instrument's OKX id, once it is known to be of a market traded here. */
    private static String instId(Instrument instrument) {
        if (instrument.market() == Market.INVERSE) {
            throw new IllegalArgumentException("OKX coin-margined swaps are not traded here: " + instrument.symbol());
        }
        return instrument.symbol();
    }

    /** OKX names coin-margined swaps {@code BTC-USD-SWAP} and linear ones {@code BTC-USDT-SWAP} or {@code BTC-USDC-SWAP}. */
    static boolean isCoinMargined(String instId) {
        return instId.endsWith("-USD-SWAP");
    }

    /** The parameters in the given order, percent-encoded; those absent are left out. */
    private static String query(Map<String, String> params, String... order) {
        StringBuilder query = new StringBuilder();
        for (String name : order) {
            String value = params.get(name);
            if (value != null) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    /** OKX's signer with the {@code expTime} header: the exchange clock at signing plus the receive window. */
    private record Expiring(OkxSigner signer, ExchangeClock clock, Duration recvWindow) implements RequestSigner {
        @Override
        public SignedRequest sign(String method, String path, String query, String body) {
            SignedRequest signed = signer.sign(method, path, query, body);
            Map<String, String> headers = new HashMap<>(signed.headers());
            headers.put(EXPIRY_HEADER, String.valueOf(clock.millis() + recvWindow.toMillis()));
            return new SignedRequest(signed.method(), signed.uri(), headers, signed.body());
        }

        @Override
        public String redact(String exchangeMessage) {
            return signer.redact(exchangeMessage);
        }
    }
}

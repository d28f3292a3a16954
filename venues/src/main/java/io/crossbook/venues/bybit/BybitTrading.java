package io.crossbook.venues.bybit;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.ExchangeUnavailableException;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.RateLimitedException;
import io.crossbook.venues.common.PublicRequests;
import io.crossbook.venues.common.RequestSigner;
import io.crossbook.venues.common.RestResponse;
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
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed order entry and account reads on one Bybit unified trading account (UTA), spot and linear,
 * through Bybit's v5 REST API ("Trade", "Position", "Account" pages of the v5 docs).
 *
 * <p>Bybit answers nearly everything with HTTP 200 and {@code {retCode, retMsg, result}}; a non-zero
 * {@code retCode} is read here: the codes for lack of balance or margin set
 * {@link ExchangeRejectedException#insufficientFunds()}, "order does not exist" makes {@link #query} null and
 * {@link #cancel} a no-op, {@value #RATE_LIMITED} (too many visits) pauses the account's limiter until the
 * {@code X-Bapi-Limit-Reset-Timestamp} it names, server-side timeouts leave the outcome unknown, and
 * {@value #TIMESTAMP_OUT_OF_WINDOW} (timestamp outside the receive window, so nothing was done) makes the
 * clock measure Bybit's time again and the request go once more. HTTP 403 is Bybit's IP ban for too many
 * requests.
 *
 * <p>Every request costs one unit of the account's {@link AccountLimiter}: Bybit counts requests per
 * endpoint and second ({@link #LIMITS}); orders and cancels also take from the order budget.
 */
public final class BybitTrading implements TradingApi {
    private static final Duration WINDOW = Duration.ofSeconds(1);
    /**
     * Bybit's documented per-UID limits for a unified account ("Rate Limit" page): 50 requests a second
     * on each of the read endpoints used here, and 10 a second for creating and for cancelling linear
     * orders (spot allows 20). One budget serves them all, so it keeps under the smallest of each; a
     * request waits at most one window for it.
     */
    public static final AccountLimiter.Limits LIMITS = new AccountLimiter.Limits(50, WINDOW, 10, WINDOW, WINDOW);

    static final String CREATE = "/v5/order/create";
    static final String CANCEL = "/v5/order/cancel";
    static final String REALTIME = "/v5/order/realtime";
    static final String HISTORY = "/v5/order/history";
    static final String EXECUTIONS = "/v5/execution/list";
    static final String POSITIONS = "/v5/position/list";
    static final String TIME = "/v5/market/time";
    /** The settle coin of the linear contracts covered here (Bybit needs a symbol or settle coin to list them). */
    private static final String SETTLE_COIN = "USDT";

    private static final int RATE_LIMITED = 10006;
    private static final int TIMESTAMP_OUT_OF_WINDOW = 10002;
    /** "Too many visits", and spot's "too many new orders" and "too many requests in this time frame". */
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(RATE_LIMITED, 170005, 170222);
    /** Wallet balance, available balance, position margin and spot balance refusals. */
    private static final Set<Integer> INSUFFICIENT_FUNDS = Set.of(110004, 110006, 110007, 110012, 110044, 110045, 170033, 170131);
    /** "Order does not exist" (derivatives, spot). */
    private static final Set<Integer> NO_SUCH_ORDER = Set.of(110001, 170213);
    /** A cancel of an order that is already filled or cancelled. */
    private static final Set<Integer> ALREADY_CLOSED = Set.of(110008, 110010, 170139, 170142, 170190);
    /** Server timeouts and internal errors under HTTP 200: the request may have been carried out. */
    private static final Set<Integer> OUTCOME_UNKNOWN = Set.of(10000, 10016, 170001, 170007, 170146, 170147);

    static final String RESET_HEADER = "X-Bapi-Limit-Reset-Timestamp";
    /** Bybit's API limits are per second: without a reset time, wait one window. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** Bybit's rate-limit page: after a 403 "access too frequent", wait at least 10 minutes. */
    private static final Duration IP_BAN = Duration.ofMinutes(10);
    private static final int REQUEST_WEIGHT = 1;
    private static final int ORDERS_PAGE = 50;
    private static final int EXECUTIONS_PAGE = 100;
    private static final int POSITIONS_PAGE = 200;

    private final SignedRestClient rest;
    private final URI restBase;
    private final BybitSigner signer;
    private final RequestSigner unsigned;
    private final URI privateStream;
    private final ApiCredentials credentials;
    private final ExchangeClock clock;
    private final AccountLimiter limiter;
    private final Function<InstrumentId, Instrument> instruments;

    /** The production hosts: {@link BybitProtocol#REST} and {@link BybitPrivateProtocol#PRIVATE_WS}. */
    public BybitTrading(SignedRestClient rest, ApiCredentials credentials, ExchangeClock clock, Duration recvWindow,
                        AccountLimiter limiter, Function<InstrumentId, Instrument> instruments) {
        this(rest, BybitProtocol.REST, BybitPrivateProtocol.PRIVATE_WS, credentials, clock, recvWindow, limiter, instruments);
    }

    /**
     * @param restBase      the REST root, {@link BybitProtocol#REST} or a simulator's
     * @param privateStream the private stream, {@link BybitPrivateProtocol#PRIVATE_WS} or a simulator's
     * @param clock         the exchange's time, for signatures; measured again when Bybit refuses a timestamp
     * @param recvWindow    how long after its timestamp Bybit still accepts a request
     * @param limiter       the account's budget, with {@link #LIMITS}
     * @param instruments   Bybit's spot and linear instruments by id (null for unknown ones), for the fee
     *                      currency of streamed fills that do not name it
     */
    public BybitTrading(SignedRestClient rest, URI restBase, URI privateStream, ApiCredentials credentials,
                        ExchangeClock clock, Duration recvWindow, AccountLimiter limiter,
                        Function<InstrumentId, Instrument> instruments) {
        this.rest = rest;
        this.restBase = restBase;
        this.signer = new BybitSigner(restBase, credentials, clock, recvWindow);
        this.unsigned = new PublicRequests(restBase);
        this.privateStream = privateStream;
        this.credentials = credentials;
        this.clock = clock;
        this.limiter = limiter;
        this.instruments = instruments;
    }

    @Override
    public Venue venue() {
        return Venue.BYBIT;
    }

    /** {@code GET /v5/market/time}, unsigned: {@code timeNano} in milliseconds. */
    @Override
    public long serverTime() {
        Answer answer = require(sendOnce(unsigned, false, "GET", TIME, "", ""));
        String nanos = BybitOrders.text(answer.root().path("result"), "timeNano");
        try {
            return Long.parseLong(nanos) / 1_000_000;
        } catch (NumberFormatException e) {
            throw new MalformedMessageException("Bybit timeNano is not a number: '" + nanos + "'");
        }
    }

    /**
     * {@code POST /v5/order/create}. Bybit acknowledges with the order id alone (its docs send us to the
     * order stream for the state), so the answer is the order as sent, {@link OrderStatus#NEW}, at Bybit's
     * time. A spot market order's {@code qty} is made base coin ({@code marketUnit=baseCoin}; a spot
     * market buy would otherwise be read as quote coin); linear orders are one-way mode
     * ({@code positionIdx=0}); a market order always executes immediate-or-cancel, so its time in force
     * is not sent, and cannot be post-only.
     */
    @Override
    public ExchangeOrder place(OrderRequest order) {
        Instrument instrument = order.instrument();
        String category = category(instrument.market());
        ObjectNode body = JsonMapper.shared().createObjectNode()
                .put("category", category)
                .put("symbol", instrument.symbol())
                .put("side", side(order))
                .put("orderType", order.type() == OrderType.LIMIT ? "Limit" : "Market")
                .put("qty", order.qty().toPlainString());
        if (order.type() == OrderType.LIMIT) {
            body.put("price", order.limitPrice().toPlainString()).put("timeInForce", timeInForce(order.timeInForce()));
        } else if (order.timeInForce() == TimeInForce.POST_ONLY) {
            throw new IllegalArgumentException("a market order cannot be post-only: " + order.clientOrderId());
        } else if (instrument.market() == Market.SPOT) {
            body.put("marketUnit", "baseCoin");
        }
        if (instrument.market() == Market.LINEAR) {
            body.put("positionIdx", 0);
        }
        body.put("orderLinkId", order.clientOrderId());
        Answer answer = require(send(true, "POST", CREATE, "", JsonMapper.shared().writeValueAsString(body)));
        JsonNode result = answer.root().path("result");
        return new ExchangeOrder(instrument.symbol(), order.clientOrderId(), BybitOrders.text(result, "orderId"),
                order.side(), OrderStatus.NEW, order.qty(), BigDecimal.ZERO, null, order.limitPrice(),
                answer.root().path("time").asLong(clock.millis()));
    }

    /**
     * {@code GET /v5/order/realtime} by {@code orderLinkId}, which returns open orders and the 500 most
     * recently closed; orders older than that, or closed before a Bybit restart, only
     * {@code /v5/order/history} still has.
     */
    @Override
    public ExchangeOrder query(Instrument instrument, String clientOrderId) {
        String query = query("category", category(instrument.market()), "symbol", instrument.symbol(),
                "orderLinkId", clientOrderId);
        JsonNode order = firstOrder(REALTIME, query);
        if (order == null) {
            order = firstOrder(HISTORY, query);
        }
        return order == null ? null : BybitOrders.order(order);
    }

    private JsonNode firstOrder(String path, String query) {
        Answer answer = send(false, "GET", path, query, "");
        if (NO_SUCH_ORDER.contains(answer.retCode())) {
            return null;
        }
        JsonNode list = DecimalStrings.array(require(answer).root().path("result"), "list", "Bybit's " + path + " answer");
        return list.isEmpty() ? null : list.get(0);
    }

    /**
     * {@code GET /v5/execution/list} by order id (or, without one, by {@code orderLinkId}), every page,
     * funding payments left out, oldest first. Bybit looks back seven days by default.
     */
    @Override
    public List<ExchangeTrade> trades(Instrument instrument, String clientOrderId, String exchangeOrderId) {
        String query = query("category", category(instrument.market()), "symbol", instrument.symbol(),
                exchangeOrderId != null ? "orderId" : "orderLinkId", exchangeOrderId != null ? exchangeOrderId : clientOrderId,
                "limit", Integer.toString(EXECUTIONS_PAGE));
        List<ExchangeTrade> trades = new ArrayList<>();
        for (JsonNode execution : pages(EXECUTIONS, query)) {
            if (BybitOrders.isFill(execution)) {
                trades.add(BybitOrders.trade(execution, instrument));
            }
        }
        trades.sort(Comparator.comparingLong(ExchangeTrade::ts));
        return trades;
    }

    /** {@code POST /v5/order/cancel} by {@code orderLinkId}; an order already closed or unknown is left alone. */
    @Override
    public void cancel(Instrument instrument, String clientOrderId) {
        ObjectNode body = JsonMapper.shared().createObjectNode()
                .put("category", category(instrument.market()))
                .put("symbol", instrument.symbol())
                .put("orderLinkId", clientOrderId);
        Answer answer = send(true, "POST", CANCEL, "", JsonMapper.shared().writeValueAsString(body));
        if (!NO_SUCH_ORDER.contains(answer.retCode()) && !ALREADY_CLOSED.contains(answer.retCode())) {
            require(answer);
        }
    }

    /** {@code GET /v5/order/realtime?openOnly=0}, every page; linear lists the USDT-settled contracts. */
    @Override
    public List<ExchangeOrder> openOrders(Market market) {
        String category = category(market);
        String query = market == Market.LINEAR
                ? query("category", category, "settleCoin", SETTLE_COIN, "openOnly", "0", "limit", Integer.toString(ORDERS_PAGE))
                : query("category", category, "openOnly", "0", "limit", Integer.toString(ORDERS_PAGE));
        return pages(REALTIME, query).stream().map(BybitOrders::order).toList();
    }

    /** The unified wallet, read as {@link BybitAccount} reads it. */
    @Override
    public AccountBalances balances() {
        return AccountBalances.unified(BybitAccount.parse(
                require(send(false, "GET", BybitAccount.PATH, BybitAccount.QUERY, "")).response()));
    }

    /**
     * {@code GET /v5/position/list?category=linear&settleCoin=USDT}, which lists only non-empty positions;
     * {@code size} is unsigned and {@code side} says long ({@code Buy}) or short ({@code Sell}).
     */
    @Override
    public List<ExchangePosition> positions() {
        String query = query("category", category(Market.LINEAR), "settleCoin", SETTLE_COIN,
                "limit", Integer.toString(POSITIONS_PAGE));
        List<ExchangePosition> positions = new ArrayList<>();
        for (JsonNode position : pages(POSITIONS, query)) {
            BigDecimal size = DecimalStrings.read(position, "size");
            if (size.signum() != 0) {
                BigDecimal entry = DecimalStrings.read(position, "avgPrice");
                positions.add(new ExchangePosition(BybitOrders.text(position, "symbol"),
                        "Sell".equals(position.path("side").asString("")) ? size.negate() : size,
                        entry.signum() == 0 ? null : entry));
            }
        }
        return positions;
    }

    @Override
    public PrivateStream openPrivateStream(PrivateStream.Listener listener) {
        return new PrivateStreamConnection(new BybitPrivateProtocol(privateStream, credentials, clock, instruments),
                listener, "bybit-" + credentials.maskedApiKey()).start();
    }

    @Override
    public String toString() {
        return "BybitTrading[" + restBase + ", " + credentials + "]";
    }

    /** Bybit's category is the market's id; inverse contracts are sized in USD and not traded here. */
    static String category(Market market) {
        if (market == Market.INVERSE) {
            throw new IllegalArgumentException("Bybit trading covers spot and linear, not inverse");
        }
        return market.id();
    }

    private static String side(OrderRequest order) {
        return switch (order.side()) {
            case BUY -> "Buy";
            case SELL -> "Sell";
        };
    }

    private static String timeInForce(TimeInForce timeInForce) {
        return switch (timeInForce) {
            case GTC -> "GTC";
            case IOC -> "IOC";
            case POST_ONLY -> "PostOnly";
        };
    }

    /** Every item of a cursor-paged list. Bybit's cursor comes percent-encoded and is sent back as it is. */
    private List<JsonNode> pages(String path, String query) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = "";
        do {
            Answer answer = require(send(false, "GET", path, cursor.isEmpty() ? query : query + "&cursor=" + cursor, ""));
            JsonNode result = answer.root().path("result");
            JsonNode list = DecimalStrings.array(result, "list", "Bybit's " + path + " answer");
            list.forEach(items::add);
            String next = result.path("nextPageCursor").asString("");
            cursor = list.isEmpty() || next.equals(cursor) ? "" : next;
        } while (!cursor.isEmpty());
        return items;
    }

    private Answer send(boolean order, String method, String path, String query, String body) {
        Answer answer = sendOnce(signer, order, method, path, query, body);
        if (answer.retCode() == TIMESTAMP_OUT_OF_WINDOW) {
            clock.sync(this::serverTime);
            answer = sendOnce(signer, order, method, path, query, body);
        }
        return answer;
    }

    /**
     * One request within the account's budget, its {@code retCode} read: rate limiting pauses the
     * limiter and is thrown, a server-side failure is thrown as unavailable, anything else comes back.
     */
    private Answer sendOnce(RequestSigner by, boolean order, String method, String path, String query, String body) {
        limiter.acquire(REQUEST_WEIGHT, order);
        try {
            RestResponse response = rest.send(by, method, path, query, body);
            if (response.status() == 403) {
                throw new RateLimitedException(response.endpoint() + " answered HTTP 403: the IP address is banned for "
                        + "sending too many requests; waiting " + IP_BAN.toMinutes() + " minutes", IP_BAN, true);
            }
            JsonNode root = response.json();
            JsonNode retCode = root.path("retCode");
            if (!retCode.isIntegralNumber()) {
                throw new MalformedMessageException(response.endpoint() + " answered HTTP " + response.status()
                        + " without a retCode: " + response.abbreviatedBody());
            }
            Answer answer = new Answer(response, root, retCode.asInt());
            if (RATE_LIMIT_CODES.contains(answer.retCode())) {
                Duration retryAfter = retryAfter(response);
                throw new RateLimitedException(response.endpoint() + " answered retCode " + answer.retCode() + " ("
                        + answer.message() + "), retry after " + retryAfter.toMillis() + " ms", retryAfter, false);
            }
            if (OUTCOME_UNKNOWN.contains(answer.retCode())) {
                throw new ExchangeUnavailableException(response.endpoint() + " answered retCode " + answer.retCode()
                        + " (" + answer.message() + "); whether Bybit carried it out is unknown", null, true);
            }
            return answer;
        } catch (RateLimitedException e) {
            limiter.pause(e);
            throw e;
        }
    }

    private Duration retryAfter(RestResponse response) {
        try {
            return response.header(RESET_HEADER)
                    .map(reset -> Duration.ofMillis(Math.max(0, Long.parseLong(reset.trim()) - clock.millis())))
                    .orElse(DEFAULT_RETRY_AFTER);
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static Answer require(Answer answer) {
        if (answer.retCode() != 0) {
            throw new ExchangeRejectedException(Venue.BYBIT, answer.response().status(), Integer.toString(answer.retCode()),
                    answer.message(), INSUFFICIENT_FUNDS.contains(answer.retCode()));
        }
        return answer;
    }

    /** A query string of name-value pairs, values percent-encoded. */
    private static String query(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            sb.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private record Answer(RestResponse response, JsonNode root, int retCode) {
        String message() {
            return root.path("retMsg").asString("");
        }
    }
}

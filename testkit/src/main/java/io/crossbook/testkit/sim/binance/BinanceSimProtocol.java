package io.crossbook.testkit.sim.binance;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.testkit.sim.SimJson;
import io.crossbook.testkit.sim.BookView;
import io.crossbook.testkit.sim.Endpoint;
import io.crossbook.testkit.sim.Fees;
import io.crossbook.testkit.sim.MarketEvent;
import io.crossbook.testkit.sim.OrderEvent;
import io.crossbook.testkit.sim.RequestKind;
import io.crossbook.testkit.sim.RestAnswer;
import io.crossbook.testkit.sim.RestRequest;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimExchange;
import io.crossbook.testkit.sim.SimProtocol;
import io.crossbook.testkit.sim.WsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binance spot ({@code /api/v3}, WebSocket {@code /stream}) and USDⓈ-M futures ({@code /fapi},
 * WebSocket {@code /public/stream} and {@code /market/stream}) on one port, the path telling the
 * market, as far as Crossbook uses them: server time, exchange info, depth snapshots, the combined
 * public streams replaying the recordings as recorded, signed order entry and account reads, the spot
 * user data stream on the WebSocket API ({@code /ws-api/v3}, {@link BinanceWebSocketApi}: Binance
 * retired spot listen keys on 2026-02-20), and USDⓈ-M listen keys with their user data stream
 * ({@code /ws/<listenKey>}, also the routed {@code /private/ws}).
 *
 * <p>Request weights are Binance's documented ones; spot and futures have separate weight budgets
 * (limit groups {@value #SPOT_LIMITS} and {@value #FUTURES_LIMITS}). Errors are Binance's
 * {@code {"code":..,"msg":..}} with its HTTP statuses.
 */
public final class BinanceSimProtocol implements SimProtocol {
    /** The weight budget of {@code /api} (spot). */
    public static final String SPOT_LIMITS = "api";
    /** The weight budget of {@code /fapi} (USDⓈ-M futures). */
    public static final String FUTURES_LIMITS = "fapi";

    private final String spotExchangeInfo;
    private final String futuresExchangeInfo;
    private final BinanceTrading trading = new BinanceTrading();
    private final BinanceListenKeys listenKeys = new BinanceListenKeys();

    /** Serves the recorded {@code exchangeInfo} answers shipped with testkit (see {@code sim/binance/SOURCES.md}). */
    public BinanceSimProtocol() {
        this(SimJson.resource("/sim/binance/exchange_info_spot.json"), SimJson.resource("/sim/binance/exchange_info_usdm.json"));
    }

    /** Serves these {@code exchangeInfo} bodies for spot and futures. */
    public BinanceSimProtocol(String spotExchangeInfo, String futuresExchangeInfo) {
        this.spotExchangeInfo = spotExchangeInfo;
        this.futuresExchangeInfo = futuresExchangeInfo;
    }

    @Override
    public Venue venue() {
        return Venue.BINANCE;
    }

    /** Binance's regular tier: spot 0.1 % taker and maker, USDⓈ-M 0.05 % taker and 0.02 % maker. */
    @Override
    public Fees defaultFees(Market market) {
        return market == Market.SPOT ? Fees.of("0.001", "0.001") : Fees.of("0.0005", "0.0002");
    }

    /** Request weight per minute: 6000 on spot, 2400 on USDⓈ-M. */
    @Override
    public int weightLimit(String limitGroup) {
        return FUTURES_LIMITS.equals(limitGroup) ? 2400 : 6000;
    }

    /**
     * A combined-stream frame ({@code {"stream":..,"data":..}}: a {@code depthUpdate} is a diff from
     * {@code U} to {@code u}) or a REST depth snapshot line ({@code lastUpdateId}, never streamed).
     */
    @Override
    public MarketEvent decode(Instrument instrument, String text) {
        JsonNode root = SimJson.read(text);
        if (root.has("lastUpdateId")) {
            return new MarketEvent.Snapshot(null, root.get("lastUpdateId").asLong(), SimJson.levels(root.path("bids")),
                    SimJson.levels(root.path("asks")));
        }
        String stream = root.has("stream") ? root.get("stream").asString() : null;
        JsonNode data = root.path("data");
        if ("depthUpdate".equals(data.path("e").asString())) {
            return new MarketEvent.Diff(stream, data.path("U").asLong(), data.path("u").asLong(), SimJson.levels(data.path("b")),
                    SimJson.levels(data.path("a")));
        }
        return new MarketEvent.Other(stream);
    }

    @Override
    public Endpoint classify(RestRequest request) {
        String path = request.path();
        String method = request.method();
        boolean futures = path.startsWith("/fapi/");
        String group = futures ? FUTURES_LIMITS : SPOT_LIMITS;
        Map<String, String> p = request.params();
        boolean get = method.equals("GET");
        return switch (path) {
            case "/api/v3/time", "/fapi/v1/time" -> get ? new Endpoint(RequestKind.SERVER_TIME, group, 1) : unknown(group);
            case "/api/v3/exchangeInfo" -> get ? new Endpoint(RequestKind.MARKET_DATA, group, 20) : unknown(group);
            case "/fapi/v1/exchangeInfo" -> get ? new Endpoint(RequestKind.MARKET_DATA, group, 1) : unknown(group);
            case "/api/v3/depth", "/fapi/v1/depth" -> get ? new Endpoint(RequestKind.MARKET_DATA, group, depthWeight(futures, depthLimit(p, futures)))
                    : unknown(group);
            case "/api/v3/order", "/fapi/v1/order" -> switch (method) {
                // USDⓈ-M counts a new order against the order-rate limits only: IP weight 0.
                case "POST" -> new Endpoint(RequestKind.PLACE_ORDER, group, futures ? 0 : 1);
                case "GET" -> new Endpoint(RequestKind.QUERY_ORDER, group, futures ? 1 : 4);
                case "DELETE" -> new Endpoint(RequestKind.CANCEL_ORDER, group, 1);
                default -> unknown(group);
            };
            case "/api/v3/openOrders" -> get ? new Endpoint(RequestKind.OPEN_ORDERS, group, p.containsKey("symbol") ? 6 : 80) : unknown(group);
            case "/fapi/v1/openOrders" -> get ? new Endpoint(RequestKind.OPEN_ORDERS, group, p.containsKey("symbol") ? 1 : 40) : unknown(group);
            case "/api/v3/myTrades" -> get ? new Endpoint(RequestKind.TRADES, group, p.containsKey("orderId") ? 5 : 20) : unknown(group);
            case "/fapi/v1/userTrades" -> get ? new Endpoint(RequestKind.TRADES, group, 5) : unknown(group);
            case "/api/v3/account" -> get ? new Endpoint(RequestKind.BALANCES, group, 20) : unknown(group);
            case "/fapi/v2/balance", "/fapi/v3/balance" -> get ? new Endpoint(RequestKind.BALANCES, group, 5) : unknown(group);
            case "/fapi/v2/positionRisk", "/fapi/v3/positionRisk" -> get ? new Endpoint(RequestKind.POSITIONS, group, 5) : unknown(group);
            case "/fapi/v1/listenKey" -> get ? unknown(group) : new Endpoint(RequestKind.STREAM_KEY, group, 1);
            default -> unknown(group);
        };
    }

    private static Endpoint unknown(String group) {
        return new Endpoint(RequestKind.UNKNOWN, group, 1);
    }

    private static int depthLimit(Map<String, String> p, boolean futures) {
        try {
            return p.containsKey("limit") ? Integer.parseInt(p.get("limit")) : futures ? 500 : 100;
        } catch (NumberFormatException e) {
            return futures ? 500 : 100;
        }
    }

    /** Spot: 5 up to 100 levels, 25 to 500, 50 to 1000, 250 beyond. Futures: 2 below 100, 5 at 100, 10 at 500, 20 at 1000. */
    private static int depthWeight(boolean futures, int limit) {
        if (futures) {
            return limit < 100 ? 2 : limit < 500 ? 5 : limit < 1000 ? 10 : 20;
        }
        return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    }

    @Override
    public RestAnswer handle(RestRequest request, Endpoint endpoint, SimExchange exchange) {
        Market market = request.path().startsWith("/fapi/") ? Market.LINEAR : Market.SPOT;
        try {
            String body = switch (endpoint.kind()) {
                case SERVER_TIME -> SimJson.write(SimJson.object().put("serverTime", exchange.clock().millis()));
                case MARKET_DATA -> request.path().endsWith("/exchangeInfo")
                        ? (market == Market.SPOT ? spotExchangeInfo : futuresExchangeInfo)
                        : depth(request, market, exchange);
                case PLACE_ORDER -> trading.place(request, market, exchange);
                case QUERY_ORDER -> trading.query(request, market, exchange);
                case CANCEL_ORDER -> trading.cancel(request, market, exchange);
                case OPEN_ORDERS -> trading.openOrders(request, market, exchange);
                case TRADES -> trading.trades(request, market, exchange);
                case BALANCES -> market == Market.SPOT
                        ? trading.spotAccount(request, exchange, exchange.fees(Market.SPOT))
                        : trading.futuresBalances(request, exchange);
                case POSITIONS -> trading.positions(request, exchange, request.path().startsWith("/fapi/v3/"));
                case STREAM_KEY -> listenKey(request, exchange);
                case ANY, UNKNOWN -> throw new BinanceRefusal(404, -1000, "The simulator does not serve " + request.method() + " "
                        + request.path());
            };
            return RestAnswer.json(200, body);
        } catch (BinanceRefusal refusal) {
            return RestAnswer.json(refusal.status, BinanceSimJson.error(refusal.code, refusal.getMessage()));
        }
    }

    /**
     * The book as the exchange holds it now, {@code limit} levels a side; before the replay has
     * reached the recording's snapshot, that snapshot as recorded (a client then waits for the diff
     * that bridges it, as Binance's rules say).
     */
    private static String depth(RestRequest request, Market market, SimExchange exchange) {
        Map<String, String> p = request.params();
        String symbol = p.get("symbol");
        if (symbol == null || symbol.isEmpty()) {
            throw BinanceRefusal.mandatory("symbol");
        }
        if (exchange.instrument(market, symbol) == null) {
            throw BinanceRefusal.invalidSymbol();
        }
        BookView book = exchange.book(market, symbol, depthLimit(p, market != Market.SPOT));
        if (!book.ready() && exchange.recordedSnapshot(market, symbol) != null) {
            return exchange.recordedSnapshot(market, symbol);
        }
        return BinanceSimJson.depth(book, exchange.clock().millis());
    }

    /**
     * USDⓈ-M listen keys (API key only, no signature), by the account: POST creates (or hands back the
     * active one), PUT extends, DELETE closes.
     */
    private String listenKey(RestRequest request, SimExchange exchange) {
        SimAccount account = BinanceAuth.apiKey(request, exchange);
        ObjectNode answer = SimJson.object();
        if (request.method().equals("POST")) {
            return SimJson.write(answer.put("listenKey", listenKeys.create(account.apiKey())));
        }
        String key = listenKeys.keyOf(account.apiKey());
        if (key == null) {
            throw BinanceRefusal.badRequest(-1125, "This listenKey does not exist.");
        }
        if (request.method().equals("DELETE")) {
            listenKeys.close(key);
            return SimJson.write(answer);
        }
        return SimJson.write(answer.put("listenKey", key));
    }

    @Override
    public RestAnswer rejected(Endpoint endpoint, String code, String message) {
        return RestAnswer.json(400, BinanceSimJson.error(Long.parseLong(code), message));
    }

    @Override
    public RestAnswer limited(Endpoint endpoint, int status, Duration retryAfter) {
        String msg = status == 418
                ? "Way too much request weight used; IP banned until " + (System.currentTimeMillis() + retryAfter.toMillis())
                        + ". Please use WebSocket Streams for live updates to avoid bans."
                : "Too much request weight used; please use WebSocket Streams for live updates to avoid polling the API.";
        return RestAnswer.json(status, BinanceSimJson.error(-1003, msg)).withHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
    }

    @Override
    public RestAnswer serverError(Endpoint endpoint, int status) {
        return switch (status) {
            case 503 -> RestAnswer.json(status, BinanceSimJson.error(-1008,
                    "Server is currently overloaded with other requests. Please try again in a few minutes."));
            case 502, 504 -> RestAnswer.json(status, BinanceSimJson.error(-1007,
                    "Timeout waiting for response from backend server. Send status unknown; execution status unknown."));
            default -> RestAnswer.json(status, BinanceSimJson.error(-1000, "An unknown error occurred while processing the request."));
        };
    }

    @Override
    public Map<String, String> weightHeaders(Endpoint endpoint, int usedWeight) {
        return Map.of("X-MBX-USED-WEIGHT-1M", String.valueOf(usedWeight));
    }

    /**
     * {@code /stream?streams=a/b} (spot), {@code /public/stream} or {@code /market/stream} (futures)
     * with the streams named; {@code /ws-api/v3} for the spot WebSocket API; {@code /ws/<listenKey>},
     * {@code /private/ws/<listenKey>} or {@code /private/ws?listenKey=} for an account's USDⓈ-M user data.
     */
    @Override
    public WsSession open(String resource, SimExchange exchange) {
        int q = resource.indexOf('?');
        String path = q < 0 ? resource : resource.substring(0, q);
        Map<String, String> query = RestRequest.decodeForm(q < 0 ? "" : resource.substring(q + 1));
        switch (path) {
            case "/stream" -> {
                return publicSession(Market.SPOT, query);
            }
            case "/public/stream", "/market/stream" -> {
                return publicSession(Market.LINEAR, query);
            }
            case BinanceWebSocketApi.PATH -> {
                return BinanceWebSocketApi.open();
            }
            case "/private/ws" -> {
                return privateSession(query.get("listenKey"));
            }
            default -> {
                if (path.startsWith("/ws/")) {
                    return privateSession(path.substring("/ws/".length()));
                }
                if (path.startsWith("/private/ws/")) {
                    return privateSession(path.substring("/private/ws/".length()));
                }
                return null;
            }
        }
    }

    private static WsSession publicSession(Market market, Map<String, String> query) {
        String streams = query.getOrDefault("streams", "");
        return WsSession.publicStreams(market, Arrays.stream(streams.split("/")).filter(s -> !s.isEmpty()).toList());
    }

    private WsSession privateSession(String listenKey) {
        String owner = listenKeys.owner(listenKey);
        return owner == null ? null : WsSession.privateStream(owner, Market.LINEAR);
    }

    /**
     * On the WebSocket API, its requests ({@link BinanceWebSocketApi}); on the market streams, the
     * live-subscription frames SUBSCRIBE, UNSUBSCRIBE and LIST_SUBSCRIPTIONS, answered as Binance does.
     */
    @Override
    public List<String> onText(WsSession session, String text, SimExchange exchange) {
        if (session.isPrivate() && session.market() == Market.SPOT) {
            return List.of(BinanceWebSocketApi.answer(session, text, exchange));
        }
        JsonNode request;
        try {
            request = SimJson.read(text);
        } catch (RuntimeException e) {
            return List.of(SimJson.write(SimJson.object().put("code", 3).put("msg", "Invalid JSON")));
        }
        List<String> names = new ArrayList<>();
        request.path("params").forEach(n -> names.add(n.asString()));
        ObjectNode answer = SimJson.object();
        switch (request.path("method").asString()) {
            case "SUBSCRIBE" -> {
                session.subscribe(names);
                answer.putNull("result");
            }
            case "UNSUBSCRIBE" -> {
                session.unsubscribe(names);
                answer.putNull("result");
            }
            case "LIST_SUBSCRIPTIONS" -> {
                ArrayNode result = answer.putArray("result");
                session.streams().stream().sorted().forEach(result::add);
            }
            default -> {
                return List.of(SimJson.write(SimJson.object().put("code", 2).put("msg", "Invalid request: unknown method")));
            }
        }
        answer.set("id", request.path("id"));
        return List.of(SimJson.write(answer));
    }

    @Override
    public List<String> privateMessages(OrderEvent event, SimExchange exchange) {
        long now = exchange.clock().millis();
        if (event.order().market() == Market.SPOT) {
            return List.of(BinanceWebSocketApi.event(BinanceSimJson.executionReport(event, now)));
        }
        Instrument instrument = exchange.instrument(event.order().market(), event.order().symbol());
        return List.of(SimJson.write(BinanceSimJson.orderTradeUpdate(event, instrument, now)));
    }
}

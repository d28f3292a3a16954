package io.crossbook.testkit.sim.bybit;

import static io.crossbook.testkit.sim.SimJson.object;
import static io.crossbook.testkit.sim.SimJson.write;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.testkit.sim.DepthStream;
import io.crossbook.testkit.sim.Endpoint;
import io.crossbook.testkit.sim.Fees;
import io.crossbook.testkit.sim.MarketEvent;
import io.crossbook.testkit.sim.MarketEvent.Level;
import io.crossbook.testkit.sim.OrderEvent;
import io.crossbook.testkit.sim.RequestKind;
import io.crossbook.testkit.sim.RestAnswer;
import io.crossbook.testkit.sim.RestRequest;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimExchange;
import io.crossbook.testkit.sim.SimJson;
import io.crossbook.testkit.sim.SimProtocol;
import io.crossbook.testkit.sim.SimOrder;
import io.crossbook.testkit.sim.WsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bybit v5, spot and linear, as far as Crossbook uses it: server time and instruments info, the
 * public streams {@code /v5/public/spot} and {@code /v5/public/linear}, signed order entry and
 * account reads ({@link BybitTrading}), and the private stream {@code /v5/private} with its
 * {@code auth} login and {@code order} and {@code execution} topics.
 *
 * <p>The book topics {@code orderbook.N.SYMBOL} (N 1, 50, 200, and 500 on linear) are derived from the
 * replayed book ({@link DepthStream}), whatever depth was recorded: a snapshot on subscription, then
 * deltas whose {@code u} counts the topic's own messages and whose {@code seq} is the replayed book's
 * cross sequence; the level-1 book is sent as snapshots only, as Bybit sends it. Other recorded topics
 * are passed on as recorded.
 *
 * <p>Every request counts once against one IP budget of 600 requests per 5 s (per minute, 7,200); a
 * client over it gets retCode 10006 ("Too many visits!") with the {@code X-Bapi-Limit-*} headers, and one
 * that does not wait, HTTP 403, Bybit's IP ban.
 */
public final class BybitSimProtocol implements SimProtocol {
    /** The one request budget. */
    public static final String LIMITS = "ip";
    private static final int REQUESTS_PER_MINUTE = 600 * 12;
    private static final List<Integer> SPOT_DEPTHS = List.of(1, 50, 200);
    private static final List<Integer> LINEAR_DEPTHS = List.of(1, 50, 200, 500);

    private final BybitTrading trading = new BybitTrading();
    /** Every book topic, by name, derived whether or not anyone listens, so that all subscribers share one sequence. */
    private final Map<String, DepthStream> books = new HashMap<>();

    @Override
    public Venue venue() {
        return Venue.BYBIT;
    }

    /** Bybit's non-VIP rates: spot 0.1 % taker and maker, derivatives 0.055 % taker and 0.02 % maker. */
    @Override
    public Fees defaultFees(Market market) {
        return market == Market.SPOT ? Fees.of("0.001", "0.001") : Fees.of("0.00055", "0.0002");
    }

    @Override
    public int weightLimit(String limitGroup) {
        return REQUESTS_PER_MINUTE;
    }

    /**
     * A public stream message: {@code orderbook.*} snapshots and deltas (ids are the cross sequence
     * {@code seq}, which grows across every depth of the symbol), anything else passed on as it is.
     */
    @Override
    public MarketEvent decode(Instrument instrument, String text) {
        JsonNode root = SimJson.read(text);
        String topic = root.path("topic").asString(null);
        if (topic == null || !topic.startsWith("orderbook.")) {
            return new MarketEvent.Other(topic);
        }
        JsonNode data = root.path("data");
        long seq = data.path("seq").asLong();
        List<Level> bids = SimJson.levels(data.path("b"));
        List<Level> asks = SimJson.levels(data.path("a"));
        return "snapshot".equals(root.path("type").asString())
                ? new MarketEvent.Snapshot(topic, seq, bids, asks)
                : new MarketEvent.Diff(topic, seq, seq, bids, asks);
    }

    /** A book message becomes one message on every book topic of the symbol whose levels it changed. */
    @Override
    public List<PublicMessage> publicMessages(Instrument instrument, MarketEvent event, String recorded, SimExchange exchange) {
        if (event instanceof MarketEvent.Other) {
            return SimProtocol.super.publicMessages(instrument, event, recorded, exchange);
        }
        JsonNode root = SimJson.read(recorded);
        long ts = root.path("ts").asLong(exchange.clock().millis());
        long cts = root.path("cts").asLong(ts);
        long seq = exchange.book(instrument.market(), instrument.symbol(), 1).lastUpdateId();
        List<PublicMessage> out = new ArrayList<>();
        for (int depth : depths(instrument.market())) {
            String topic = "orderbook." + depth + "." + instrument.symbol();
            DepthStream stream = books.computeIfAbsent(topic, t -> new DepthStream(depth, seq));
            DepthStream.Change change = stream.advance(exchange.book(instrument.market(), instrument.symbol(), depth));
            if (change != null) {
                boolean snapshot = change.first() || depth == 1;
                out.add(new PublicMessage(topic, write(BybitSimJson.book(topic, snapshot, ts, instrument.symbol(),
                        snapshot ? stream.bids() : change.bids(), snapshot ? stream.asks() : change.asks(), change.sequence(), seq, cts)),
                        true));
            }
        }
        return out;
    }

    private static List<Integer> depths(Market market) {
        return market == Market.SPOT ? SPOT_DEPTHS : LINEAR_DEPTHS;
    }

    @Override
    public Endpoint classify(RestRequest request) {
        boolean get = request.method().equals("GET");
        boolean post = request.method().equals("POST");
        Map<String, String> p = request.params();
        RequestKind kind = switch (request.path()) {
            case "/v5/market/time" -> get ? RequestKind.SERVER_TIME : RequestKind.UNKNOWN;
            case "/v5/market/instruments-info" -> get ? RequestKind.MARKET_DATA : RequestKind.UNKNOWN;
            case "/v5/order/create" -> post ? RequestKind.PLACE_ORDER : RequestKind.UNKNOWN;
            case "/v5/order/cancel" -> post ? RequestKind.CANCEL_ORDER : RequestKind.UNKNOWN;
            case "/v5/order/realtime" -> !get ? RequestKind.UNKNOWN
                    : p.containsKey("orderLinkId") || p.containsKey("orderId") ? RequestKind.QUERY_ORDER : RequestKind.OPEN_ORDERS;
            case "/v5/order/history" -> get ? RequestKind.QUERY_ORDER : RequestKind.UNKNOWN;
            case "/v5/execution/list" -> get ? RequestKind.TRADES : RequestKind.UNKNOWN;
            case "/v5/account/wallet-balance" -> get ? RequestKind.BALANCES : RequestKind.UNKNOWN;
            case "/v5/position/list" -> get ? RequestKind.POSITIONS : RequestKind.UNKNOWN;
            default -> RequestKind.UNKNOWN;
        };
        return new Endpoint(kind, LIMITS, 1);
    }

    @Override
    public RestAnswer handle(RestRequest request, Endpoint endpoint, SimExchange exchange) {
        long now = exchange.clock().millis();
        try {
            JsonNode result = switch (endpoint.kind()) {
                case SERVER_TIME -> object().put("timeSecond", Long.toString(now / 1000)).put("timeNano", Long.toString(now * 1_000_000));
                case MARKET_DATA -> instruments(request, exchange);
                case PLACE_ORDER -> trading.place(request, exchange);
                case CANCEL_ORDER -> trading.cancel(request, exchange);
                case QUERY_ORDER, OPEN_ORDERS -> trading.orders(request, exchange);
                case TRADES -> {
                    Fees fees = exchange.fees(BybitTrading.market(request.params().get("category")));
                    yield trading.executions(request, exchange, fees.taker(), fees.maker());
                }
                case BALANCES -> trading.wallet(request, exchange);
                case POSITIONS -> trading.positions(request, exchange);
                default -> throw new BybitRefusal(404, 10017, "Route not found: " + request.method() + " " + request.path());
            };
            return RestAnswer.json(200, write(BybitSimJson.envelope(0, "OK", result, now)));
        } catch (BybitRefusal refusal) {
            return RestAnswer.json(refusal.status, write(BybitSimJson.envelope(refusal.retCode, refusal.getMessage(), null, now)));
        }
    }

    /**
     * {@code GET /v5/market/instruments-info?category=}: the simulator's instruments of that category in
     * Bybit's shape, with the fields the instrument defines (tick, lot, minimum size and notional).
     */
    private static JsonNode instruments(RestRequest request, SimExchange exchange) {
        Market market = BybitTrading.market(request.params().get("category"));
        ObjectNode result = object().put("category", market.id());
        ArrayNode list = result.putArray("list");
        for (Instrument i : exchange.instruments(market)) {
            ObjectNode item = list.addObject().put("symbol", i.symbol());
            if (market == Market.LINEAR) {
                item.put("contractType", "LinearPerpetual");
            }
            item.put("status", "Trading").put("baseCoin", i.base()).put("quoteCoin", i.quote());
            if (market == Market.LINEAR) {
                item.put("settleCoin", i.quote()).put("priceScale", Integer.toString(i.priceScale()));
            }
            item.putObject("priceFilter").put("tickSize", i.tickSize().toPlainString());
            ObjectNode lot = item.putObject("lotSizeFilter").put("minOrderQty", i.minQty().toPlainString());
            if (market == Market.SPOT) {
                lot.put("basePrecision", i.lotSize().toPlainString()).put("minOrderAmt", i.minNotional().toPlainString());
            } else {
                lot.put("qtyStep", i.lotSize().toPlainString()).put("minNotionalValue", i.minNotional().toPlainString());
            }
        }
        return result.put("nextPageCursor", "");
    }

    @Override
    public RestAnswer rejected(Endpoint endpoint, String code, String message) {
        return RestAnswer.json(200, write(BybitSimJson.envelope(Integer.parseInt(code), message, null, System.currentTimeMillis())));
    }

    /** 429: retCode 10006 under HTTP 200 with the reset time; 418 (a client that did not wait): HTTP 403, Bybit's IP ban. */
    @Override
    public RestAnswer limited(Endpoint endpoint, int status, Duration retryAfter) {
        long now = System.currentTimeMillis();
        if (status == 418) {
            return RestAnswer.json(403, write(BybitSimJson.envelope(10018, "access too frequent", null, now)));
        }
        return RestAnswer.json(200, write(BybitSimJson.envelope(10006, "Too many visits!", null, now)))
                .withHeader("X-Bapi-Limit-Status", "0").withHeader("X-Bapi-Limit", Integer.toString(REQUESTS_PER_MINUTE / 12))
                .withHeader("X-Bapi-Limit-Reset-Timestamp", Long.toString(now + retryAfter.toMillis()));
    }

    @Override
    public RestAnswer serverError(Endpoint endpoint, int status) {
        return RestAnswer.json(status, write(BybitSimJson.envelope(10016, "Internal server error.", null, System.currentTimeMillis())));
    }

    /** {@code /v5/public/spot} and {@code /v5/public/linear} (topics by subscription), {@code /v5/private} (login by {@code auth}). */
    @Override
    public WsSession open(String resource, SimExchange exchange) {
        String path = resource.contains("?") ? resource.substring(0, resource.indexOf('?')) : resource;
        return switch (path) {
            case "/v5/public/spot" -> WsSession.publicStreams(Market.SPOT, List.of());
            case "/v5/public/linear" -> WsSession.publicStreams(Market.LINEAR, List.of());
            case "/v5/private" -> WsSession.privateStream(null, null);
            default -> null;
        };
    }

    /** {@code auth}, {@code subscribe}, {@code unsubscribe} and {@code ping}, answered as Bybit answers them. */
    @Override
    public List<String> onText(WsSession session, String text, SimExchange exchange) {
        JsonNode request;
        try {
            request = SimJson.read(text);
        } catch (JacksonException e) {
            return List.of(write(ack("", false, "error:request not json").put("op", "")));
        }
        String op = request.path("op").asString("");
        String reqId = request.path("req_id").asString("");
        List<String> args = new ArrayList<>();
        request.path("args").forEach(a -> args.add(a.asString()));
        return switch (op) {
            case "ping" -> List.of(write(session.isPrivate()
                    ? object().put("req_id", reqId).put("op", "pong").set("args", SimJson.array().add(Long.toString(exchange.clock().millis())))
                    : ack(reqId, true, "pong").put("op", "ping")));
            case "auth" -> List.of(write(ack(reqId, auth(session, args, exchange), "").put("op", "auth")));
            case "subscribe" -> subscribe(session, reqId, args, exchange);
            case "unsubscribe" -> {
                session.unsubscribe(args);
                yield List.of(write(ack(reqId, true, "").put("op", "unsubscribe")));
            }
            default -> List.of(write(ack(reqId, false, "error:unknown op " + op).put("op", op)));
        };
    }

    private static ObjectNode ack(String reqId, boolean success, String retMsg) {
        return object().put("success", success).put("ret_msg", retMsg).put("conn_id", UUID.randomUUID().toString()).put("req_id", reqId);
    }

    /** {@code ["apiKey", expires, "signature"]}: a known key, an expiry still ahead, the signature of {@code GET/realtime + expires}. */
    private static boolean auth(WsSession session, List<String> args, SimExchange exchange) {
        if (!session.isPrivate() || args.size() != 3) {
            return false;
        }
        SimAccount account = exchange.account(args.get(0));
        long expires;
        try {
            expires = Long.parseLong(args.get(1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (account == null || expires <= exchange.clock().millis() || !BybitAuth.login(account, args.get(1), args.get(2))) {
            return false;
        }
        session.authenticate(account.apiKey());
        return true;
    }

    /**
     * Public topics of a known symbol ({@code orderbook.N.}, {@code publicTrade.}, {@code tickers.}), each
     * book topic answered with its snapshot after the acknowledgement; private topics ({@code order},
     * {@code execution}) once logged in. One unknown topic fails the whole request.
     */
    private List<String> subscribe(WsSession session, String reqId, List<String> topics, SimExchange exchange) {
        for (String topic : topics) {
            String refusal = session.isPrivate() ? privateRefusal(session, topic) : publicRefusal(session.market(), topic, exchange);
            if (refusal != null) {
                return List.of(write(ack(reqId, false, refusal).put("op", "subscribe")));
            }
        }
        session.subscribe(topics);
        List<String> replies = new ArrayList<>();
        replies.add(write(ack(reqId, true, session.isPrivate() ? "" : "subscribe").put("op", "subscribe")));
        for (String topic : topics) {
            DepthStream stream = books.get(topic);
            if (stream != null && stream.started()) {
                String symbol = topic.substring(topic.lastIndexOf('.') + 1);
                long seq = exchange.book(session.market(), symbol, 1).lastUpdateId();
                long now = exchange.clock().millis();
                replies.add(write(BybitSimJson.book(topic, true, now, symbol, stream.bids(), stream.asks(), stream.sequence(), seq, now)));
            }
        }
        return replies;
    }

    private static String privateRefusal(WsSession session, String topic) {
        if (session.apiKey() == null) {
            return "Request not authorized";
        }
        boolean known = topic.equals("order") || topic.equals("execution") || topic.startsWith("order.") || topic.startsWith("execution.");
        return known ? null : "error:handler not found,topic:" + topic;
    }

    private static String publicRefusal(Market market, String topic, SimExchange exchange) {
        String[] parts = topic.split("\\.");
        boolean book = parts.length == 3 && parts[0].equals("orderbook") && depths(market).stream().anyMatch(d -> parts[1].equals(d.toString()));
        boolean other = parts.length == 2 && (parts[0].equals("publicTrade") || parts[0].equals("tickers"));
        if ((!book && !other) || exchange.instrument(market, parts[parts.length - 1]) == null) {
            return "error:handler not found,topic:" + topic;
        }
        return null;
    }

    /** An order change as an {@code order} message, and a fill before it as an {@code execution} message. */
    @Override
    public List<String> privateMessages(OrderEvent event, SimExchange exchange) {
        SimOrder o = event.order();
        SimAccount account = exchange.account(o.apiKey());
        long now = exchange.clock().millis();
        List<String> messages = new ArrayList<>();
        if (event.fill() != null) {
            Fees fees = exchange.fees(o.market());
            ObjectNode execution = object().put("id", UUID.randomUUID().toString()).put("topic", "execution").put("creationTime", now);
            execution.putArray("data").add(BybitSimJson.execution(event.fill(), o, event.fill().maker() ? fees.maker() : fees.taker()));
            messages.add(write(execution));
        }
        ObjectNode order = object().put("id", UUID.randomUUID().toString()).put("topic", "order").put("creationTime", now);
        order.putArray("data").add(BybitSimJson.order(o, BybitTrading.fee(exchange, account, o)));
        messages.add(write(order));
        return messages;
    }
}

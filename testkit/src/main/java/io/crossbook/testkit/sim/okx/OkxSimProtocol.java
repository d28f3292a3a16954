package io.crossbook.testkit.sim.okx;

import static io.crossbook.testkit.sim.SimJson.array;
import static io.crossbook.testkit.sim.SimJson.object;
import static io.crossbook.testkit.sim.SimJson.write;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.testkit.sim.DepthStream;
import io.crossbook.testkit.sim.Endpoint;
import io.crossbook.testkit.sim.Fees;
import io.crossbook.testkit.sim.MarketEvent;
import io.crossbook.testkit.sim.OrderEvent;
import io.crossbook.testkit.sim.RequestKind;
import io.crossbook.testkit.sim.RestAnswer;
import io.crossbook.testkit.sim.RestRequest;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimExchange;
import io.crossbook.testkit.sim.SimJson;
import io.crossbook.testkit.sim.SimProtocol;
import io.crossbook.testkit.sim.WsSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
 * OKX v5, spot and USDT swaps, as far as Crossbook uses it: server time, the recorded instruments
 * answers, the public WebSocket {@code /ws/v5/public} ({@code books}, {@code tickers}, {@code trades}
 * by subscription), signed order entry and account reads ({@link OkxTrading}), and the private
 * WebSocket {@code /ws/v5/private} with its {@code login} and {@code orders} channel.
 *
 * <p>{@code books} (400 levels) is derived from the replayed book ({@link DepthStream}): a snapshot on
 * subscription, then updates whose {@code prevSeqId} is the previous push's {@code seqId}, each with
 * the CRC32 {@code checksum} of the book's best 25 levels after it. The recordings (2022) predate
 * OKX's sequence ids; the simulator numbers its pushes itself. Tickers and trades go out as recorded.
 *
 * <p>Rate limits: one budget of 60 requests per 2 s (1,800 a minute), OKX's order endpoints' limit;
 * over it, HTTP 429 with code 50011.
 */
public final class OkxSimProtocol implements SimProtocol {
    public static final String LIMITS = "okx";
    private static final int REQUESTS_PER_MINUTE = 60 * 30;
    private static final int BOOK_DEPTH = 400;
    private static final Duration LOGIN_SKEW = Duration.ofSeconds(30);

    private final String spotInstruments;
    private final String swapInstruments;
    private final OkxTrading trading = new OkxTrading();
    private final Map<String, DepthStream> books = new HashMap<>();
    /** The recorded order count of every level, by instrument and price: the {@code books} levels' fourth field. */
    private final Map<String, Map<BigDecimal, String>> orderCounts = new HashMap<>();
    private long nextBookId = 1;

    /** Serves the recorded instruments answers shipped with testkit (see {@code sim/okx/SOURCES.md}). */
    public OkxSimProtocol() {
        this(SimJson.resource("/sim/okx/instruments_spot.json"), SimJson.resource("/sim/okx/instruments_swap.json"));
    }

    public OkxSimProtocol(String spotInstruments, String swapInstruments) {
        this.spotInstruments = spotInstruments;
        this.swapInstruments = swapInstruments;
    }

    @Override
    public Venue venue() {
        return Venue.OKX;
    }

    /** OKX's regular tier: spot 0.1 % taker and 0.08 % maker, swaps 0.05 % and 0.02 %. */
    @Override
    public Fees defaultFees(Market market) {
        return market == Market.SPOT ? Fees.of("0.001", "0.0008") : Fees.of("0.0005", "0.0002");
    }

    @Override
    public int weightLimit(String limitGroup) {
        return REQUESTS_PER_MINUTE;
    }

    /** A {@code books} push (snapshot or update, numbered in recorded order), or a ticker, trade or event passed on. */
    @Override
    public MarketEvent decode(Instrument instrument, String text) {
        JsonNode root = SimJson.read(text);
        JsonNode arg = root.path("arg");
        if (root.has("event") || !arg.has("channel")) {
            return new MarketEvent.Other(null);
        }
        String stream = stream(arg.path("channel").asString(), arg.path("instId").asString());
        if (!"books".equals(arg.path("channel").asString())) {
            return new MarketEvent.Other(stream);
        }
        JsonNode data = root.path("data").path(0);
        long id = nextBookId++;
        return "snapshot".equals(root.path("action").asString())
                ? new MarketEvent.Snapshot(stream, id, SimJson.levels(data.path("bids")), SimJson.levels(data.path("asks")))
                : new MarketEvent.Diff(stream, id, id, SimJson.levels(data.path("bids")), SimJson.levels(data.path("asks")));
    }

    private static String stream(String channel, String instId) {
        return channel + ":" + instId;
    }

    @Override
    public List<PublicMessage> publicMessages(Instrument instrument, MarketEvent event, String recorded, SimExchange exchange) {
        if (event instanceof MarketEvent.Other) {
            return SimProtocol.super.publicMessages(instrument, event, recorded, exchange);
        }
        JsonNode data = SimJson.read(recorded).path("data").path(0);
        Map<BigDecimal, String> counts = orderCounts.computeIfAbsent(instrument.symbol(), s -> new HashMap<>());
        for (String side : List.of("bids", "asks")) {
            for (JsonNode level : data.path(side)) {
                BigDecimal price = new BigDecimal(level.get(0).asString()).stripTrailingZeros();
                if (new BigDecimal(level.get(1).asString()).signum() == 0) {
                    counts.remove(price);
                } else {
                    counts.put(price, level.path(3).asString("1"));
                }
            }
        }
        String stream = stream("books", instrument.symbol());
        DepthStream book = books.computeIfAbsent(stream, s -> new DepthStream(BOOK_DEPTH, 0));
        DepthStream.Change change = book.advance(exchange.book(instrument.market(), instrument.symbol(), BOOK_DEPTH));
        if (change == null) {
            return List.of();
        }
        long ts = data.path("ts").asLong(exchange.clock().millis());
        return List.of(new PublicMessage(stream, write(OkxSimJson.books(instrument.symbol(), change.first(), change.bids(), change.asks(),
                counts, book.bids(), book.asks(), ts, change.sequence(), change.first() ? -1 : change.previousSequence())), true));
    }

    @Override
    public Endpoint classify(RestRequest request) {
        boolean get = request.method().equals("GET");
        boolean post = request.method().equals("POST");
        RequestKind kind = switch (request.path()) {
            case "/api/v5/public/time" -> get ? RequestKind.SERVER_TIME : RequestKind.UNKNOWN;
            case "/api/v5/public/instruments" -> get ? RequestKind.MARKET_DATA : RequestKind.UNKNOWN;
            case "/api/v5/trade/order" -> get ? RequestKind.QUERY_ORDER : post ? RequestKind.PLACE_ORDER : RequestKind.UNKNOWN;
            case "/api/v5/trade/cancel-order" -> post ? RequestKind.CANCEL_ORDER : RequestKind.UNKNOWN;
            case "/api/v5/trade/orders-pending" -> get ? RequestKind.OPEN_ORDERS : RequestKind.UNKNOWN;
            case "/api/v5/trade/fills" -> get ? RequestKind.TRADES : RequestKind.UNKNOWN;
            case "/api/v5/account/balance" -> get ? RequestKind.BALANCES : RequestKind.UNKNOWN;
            case "/api/v5/account/positions" -> get ? RequestKind.POSITIONS : RequestKind.UNKNOWN;
            default -> RequestKind.UNKNOWN;
        };
        return new Endpoint(kind, LIMITS, 1);
    }

    @Override
    public RestAnswer handle(RestRequest request, Endpoint endpoint, SimExchange exchange) {
        long in = exchange.clock().millis();
        try {
            ArrayNode data = switch (endpoint.kind()) {
                case SERVER_TIME -> array().add(object().put("ts", Long.toString(in)));
                case MARKET_DATA -> {
                    Market market = OkxTrading.market(request.params().get("instType"));
                    yield (ArrayNode) SimJson.read(market == Market.SPOT ? spotInstruments : swapInstruments).path("data");
                }
                case PLACE_ORDER -> trading.place(request, exchange);
                case CANCEL_ORDER -> trading.cancel(request, exchange);
                case QUERY_ORDER -> trading.order(request, exchange);
                case OPEN_ORDERS -> trading.pending(request, exchange);
                case TRADES -> trading.fills(request, exchange);
                case BALANCES -> trading.balance(request, exchange);
                case POSITIONS -> trading.positions(request, exchange);
                default -> throw new OkxRefusal(404, "50005", "API endpoint is inactive or unavailable.");
            };
            ObjectNode root = object().put("code", "0").put("msg", "");
            root.set("data", data);
            if (endpoint.kind() == RequestKind.PLACE_ORDER || endpoint.kind() == RequestKind.CANCEL_ORDER) {
                root.put("inTime", Long.toString(in * 1000)).put("outTime", Long.toString(exchange.clock().millis() * 1000));
            }
            return RestAnswer.json(200, write(root));
        } catch (OkxRefusal refusal) {
            ObjectNode root = object().put("code", refusal.code)
                    .put("msg", refusal.orderCode == null ? refusal.getMessage() : "All operations failed");
            ArrayNode data = root.putArray("data");
            if (refusal.orderCode != null) {
                data.addObject().put("clOrdId", refusal.clOrdId).put("ordId", "").put("tag", "").put("ts", Long.toString(in))
                        .put("sCode", refusal.orderCode).put("sMsg", refusal.getMessage());
            }
            return RestAnswer.json(refusal.status, write(root));
        }
    }

    /** A {@link io.crossbook.testkit.sim.Faults#rejectNextOrders} refusal: {@code code "1"} with the order's {@code sCode}. */
    @Override
    public RestAnswer rejected(Endpoint endpoint, String code, String message) {
        ObjectNode root = object().put("code", "1").put("msg", "All operations failed");
        root.putArray("data").addObject().put("clOrdId", "").put("ordId", "").put("tag", "")
                .put("ts", Long.toString(System.currentTimeMillis())).put("sCode", code).put("sMsg", message);
        return RestAnswer.json(200, write(root));
    }

    /** OKX has no ban: 418 is answered as 429, code 50011. */
    @Override
    public RestAnswer limited(Endpoint endpoint, int status, Duration retryAfter) {
        return RestAnswer.json(429, write(object().put("code", "50011").put("msg", "Too Many Requests").set("data", array())));
    }

    @Override
    public RestAnswer serverError(Endpoint endpoint, int status) {
        return status == 503
                ? RestAnswer.json(503, write(object().put("code", "50001").put("msg", "Service temporarily unavailable. Please try again later.")
                        .set("data", array())))
                : RestAnswer.json(status, write(object().put("code", "50026").put("msg", "System error. Try again later").set("data", array())));
    }

    @Override
    public WsSession open(String resource, SimExchange exchange) {
        String path = resource.contains("?") ? resource.substring(0, resource.indexOf('?')) : resource;
        return switch (path) {
            case "/ws/v5/public" -> WsSession.publicStreams(null, List.of());
            case "/ws/v5/private" -> WsSession.privateStream(null, null);
            default -> null;
        };
    }

    /** {@code ping}, {@code login}, {@code subscribe} and {@code unsubscribe}, answered as OKX answers them. */
    @Override
    public List<String> onText(WsSession session, String text, SimExchange exchange) {
        if (text.equals("ping")) {
            return List.of("pong");
        }
        JsonNode request;
        try {
            request = SimJson.read(text);
        } catch (JacksonException e) {
            return List.of(error("60012", "Invalid request: " + text));
        }
        JsonNode args = request.path("args");
        return switch (request.path("op").asString("")) {
            case "login" -> List.of(login(session, args.path(0), exchange));
            case "subscribe" -> subscribe(session, args, exchange);
            case "unsubscribe" -> {
                List<String> replies = new ArrayList<>();
                for (JsonNode arg : args) {
                    session.unsubscribe(List.of(stream(arg)));
                    replies.add(event("unsubscribe", arg));
                }
                yield replies;
            }
            default -> List.of(error("60012", "Invalid request: " + text));
        };
    }

    /** {@code {apiKey, passphrase, timestamp, sign}}: the timestamp in epoch seconds, within 30 s of the server's. */
    private static String login(WsSession session, JsonNode arg, SimExchange exchange) {
        SimAccount account = exchange.account(arg.path("apiKey").asString(""));
        if (!session.isPrivate() || account == null || !arg.path("passphrase").asString("").equals(account.passphrase())) {
            return error("60009", "Login failed.");
        }
        String timestamp = arg.path("timestamp").asString("");
        Instant at;
        try {
            at = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            return error("60004", "Invalid timestamp");
        }
        if (Duration.between(at, exchange.clock().instant()).abs().compareTo(LOGIN_SKEW) > 0) {
            return error("60006", "Timestamp request expired");
        }
        if (!OkxAuth.base64(account.secret(), timestamp + "GET/users/self/verify").equals(arg.path("sign").asString(""))) {
            return error("60007", "Invalid sign");
        }
        session.authenticate(account.apiKey());
        return write(object().put("event", "login").put("code", "0").put("msg", "").put("connId", connId()));
    }

    private List<String> subscribe(WsSession session, JsonNode args, SimExchange exchange) {
        List<String> replies = new ArrayList<>();
        for (JsonNode arg : args) {
            String channel = arg.path("channel").asString("");
            if (session.isPrivate()) {
                if (session.apiKey() == null) {
                    replies.add(error("60011", "Please log in"));
                } else if (channel.equals("orders")) {
                    session.subscribe(List.of("orders"));
                    replies.add(event("subscribe", arg));
                } else {
                    replies.add(error("60018", "Wrong URL or channel:" + channel + " doesn't exist."));
                }
                continue;
            }
            String instId = arg.path("instId").asString("");
            boolean known = exchange.instrument(instId.endsWith("-SWAP") ? Market.LINEAR : Market.SPOT, instId) != null;
            if (!known || !List.of("books", "tickers", "trades").contains(channel)) {
                replies.add(error("60018", "Wrong URL or channel:" + channel + ",instId:" + instId + " doesn't exist."));
                continue;
            }
            session.subscribe(List.of(stream(channel, instId)));
            replies.add(event("subscribe", arg));
            DepthStream book = books.get(stream(channel, instId));
            if (book != null && book.started()) {
                replies.add(write(OkxSimJson.books(instId, true, book.bids(), book.asks(), orderCounts.getOrDefault(instId, Map.of()),
                        book.bids(), book.asks(), exchange.clock().millis(), book.sequence(), -1)));
            }
        }
        return replies;
    }

    private static String stream(JsonNode arg) {
        return stream(arg.path("channel").asString(""), arg.path("instId").asString(""));
    }

    private static String event(String event, JsonNode arg) {
        ObjectNode reply = object().put("event", event);
        reply.set("arg", arg);
        return write(reply.put("connId", connId()));
    }

    private static String error(String code, String msg) {
        return write(object().put("event", "error").put("code", code).put("msg", msg).put("connId", connId()));
    }

    private static String connId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every change of an order is one {@code orders} push, a fill's fields included when it was one. */
    @Override
    public List<String> privateMessages(OrderEvent event, SimExchange exchange) {
        SimAccount account = exchange.account(event.order().apiKey());
        ObjectNode push = object();
        push.putObject("arg").put("channel", "orders").put("instType", "ANY").put("uid", account.apiKey());
        push.putArray("data").add(OkxTrading.order(exchange, account, event.order(), event.fill()));
        return List.of(write(push));
    }
}

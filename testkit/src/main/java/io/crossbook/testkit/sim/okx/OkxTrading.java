package io.crossbook.testkit.sim.okx;

import static io.crossbook.testkit.sim.SimJson.array;
import static io.crossbook.testkit.sim.SimJson.object;

import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.testkit.sim.OrderRejectedException;
import io.crossbook.testkit.sim.OrderSpec;
import io.crossbook.testkit.sim.RestRequest;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimExchange;
import io.crossbook.testkit.sim.SimFill;
import io.crossbook.testkit.sim.SimJson;
import io.crossbook.testkit.sim.SimOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OKX v5's signed trading and account endpoints, spot ({@code cash}) and USDT swaps ({@code cross},
 * one-way): place, query and cancel by {@code clOrdId} or {@code ordId}, pending orders and fills paged
 * by {@code after}, the balance and positions. Each answer is the {@code data} array; an order or cancel
 * refused answers {@code code "1"} with its {@code sCode}. An order whose {@code expTime} header has
 * passed when it arrives is not carried out.
 */
final class OkxTrading {
    private static final Pattern CL_ORD_ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final int PAGE = 100;

    /** {@code POST /api/v5/trade/order}. */
    ArrayNode place(RestRequest request, SimExchange exchange) {
        SimAccount account = OkxAuth.signed(request, exchange);
        String expTime = request.header("expTime");
        if (expTime != null && exchange.clock().millis() > parseLong(expTime, "expTime")) {
            throw new OkxRefusal(200, "50036", "The expTime can't be earlier than the current system time. Please adjust the expTime and try again.");
        }
        JsonNode body = body(request);
        String clOrdId = body.path("clOrdId").asString("");
        if (!clOrdId.isEmpty() && !CL_ORD_ID.matcher(clOrdId).matches()) {
            throw OkxRefusal.parameter("clOrdId");
        }
        Instrument instrument = instrument(exchange, required(body, "instId"));
        Market market = instrument.market();
        String tdMode = required(body, "tdMode");
        if (!tdMode.equals(market == Market.SPOT ? "cash" : "cross")) {
            throw OkxRefusal.parameter("tdMode");
        }
        OrderSide side = switch (required(body, "side")) {
            case "buy" -> OrderSide.BUY;
            case "sell" -> OrderSide.SELL;
            default -> throw OkxRefusal.parameter("side");
        };
        OrderType type = OrderType.LIMIT;
        TimeInForce timeInForce = switch (required(body, "ordType")) {
            case "market" -> {
                type = OrderType.MARKET;
                yield TimeInForce.IOC;
            }
            case "limit" -> TimeInForce.GTC;
            case "ioc" -> TimeInForce.IOC;
            case "post_only" -> TimeInForce.POST_ONLY;
            default -> throw OkxRefusal.parameter("ordType");
        };
        if (type == OrderType.MARKET && market == Market.SPOT && side == OrderSide.BUY
                && !"base_ccy".equals(body.path("tgtCcy").asString(""))) {
            // OKX reads a spot market buy's sz in the quote currency unless tgtCcy says the base.
            throw OkxRefusal.parameter("tgtCcy (the simulator takes spot market buys in the base currency only)");
        }
        BigDecimal sz = decimal(body, "sz");
        BigDecimal px = type == OrderType.LIMIT ? decimal(body, "px") : null;
        String id = clOrdId.isEmpty() ? UUID.randomUUID().toString().replace("-", "") : clOrdId;
        SimOrder order;
        try {
            order = exchange.place(account, new OrderSpec(market, instrument.symbol(), id, side, type, timeInForce, sz, px)).acknowledged();
        } catch (OrderRejectedException e) {
            throw refusal(e, instrument, side, clOrdId);
        }
        return ack(clOrdId, Long.toString(order.orderId()), exchange.clock().millis(), "Order placed");
    }

    /** {@code POST /api/v5/trade/cancel-order}. */
    ArrayNode cancel(RestRequest request, SimExchange exchange) {
        SimAccount account = OkxAuth.signed(request, exchange);
        JsonNode body = body(request);
        Instrument instrument = instrument(exchange, required(body, "instId"));
        String clOrdId = body.path("clOrdId").asString("");
        Long ordId = ordId(body.path("ordId").asString(""), clOrdId);
        SimOrder order;
        try {
            order = exchange.cancel(account, instrument.market(), instrument.symbol(), clOrdId.isEmpty() ? null : clOrdId, ordId, null);
        } catch (OrderRejectedException e) {
            throw OkxRefusal.order("51400", "Order cancellation failed as the order has been filled, canceled or does not exist.", clOrdId);
        }
        return ack(order.clientOrderId(), Long.toString(order.orderId()), exchange.clock().millis(), "");
    }

    /** {@code GET /api/v5/trade/order?instId&clOrdId} (or {@code ordId}); 51603 when there is no such order. */
    ArrayNode order(RestRequest request, SimExchange exchange) {
        SimAccount account = OkxAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        Instrument instrument = instrument(exchange, p.get("instId"));
        String clOrdId = p.getOrDefault("clOrdId", "");
        Long ordId = ordId(p.getOrDefault("ordId", ""), clOrdId);
        if (clOrdId.isEmpty() && ordId == null) {
            throw new OkxRefusal(200, "51003", "Either client order ID or order ID is required.");
        }
        SimOrder order = exchange.order(account, instrument.market(), instrument.symbol(), clOrdId.isEmpty() ? null : clOrdId, ordId);
        if (order == null) {
            throw new OkxRefusal(200, "51603", "Order does not exist");
        }
        return array().add(order(exchange, account, order, null));
    }

    /** {@code GET /api/v5/trade/orders-pending?instType}: open orders newest first, {@code after} an order id. */
    ArrayNode pending(RestRequest request, SimExchange exchange) {
        SimAccount account = OkxAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        Market market = market(p.get("instType"));
        List<SimOrder> open = exchange.openOrders(account, market, p.get("instId")).reversed();
        long after = p.containsKey("after") ? parseLong(p.get("after"), "after") : Long.MAX_VALUE;
        ArrayNode out = array();
        open.stream().filter(o -> o.orderId() < after).limit(limit(p)).forEach(o -> out.add(order(exchange, account, o, null)));
        return out;
    }

    /** {@code GET /api/v5/trade/fills?instType&instId&ordId}: newest first, {@code after} a bill id. */
    ArrayNode fills(RestRequest request, SimExchange exchange) {
        SimAccount account = OkxAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        Market market = market(p.get("instType"));
        Instrument instrument = instrument(exchange, p.get("instId"));
        if (instrument.market() != market) {
            throw OkxRefusal.parameter("instType");
        }
        Long ordId = p.containsKey("ordId") ? Long.valueOf(parseLong(p.get("ordId"), "ordId")) : null;
        long after = p.containsKey("after") ? parseLong(p.get("after"), "after") : Long.MAX_VALUE;
        ArrayNode out = array();
        exchange.fills(account, market, instrument.symbol(), ordId).reversed().stream().filter(f -> f.tradeId() < after)
                .limit(limit(p)).forEach(f -> out.add(OkxSimJson.fill(f)));
        return out;
    }

    /** {@code GET /api/v5/account/balance}: spot and swap funds of one trading account, per currency. */
    ArrayNode balance(RestRequest request, SimExchange exchange) {
        SimAccount account = OkxAuth.signed(request, exchange);
        Set<String> currencies = new TreeSet<>(account.spotBalances().keySet());
        currencies.addAll(account.futuresBalances().keySet());
        ObjectNode data = object().put("uTime", Long.toString(exchange.clock().millis()));
        ArrayNode details = data.putArray("details");
        for (String ccy : currencies) {
            SimAccount.Balance spot = account.spotBalance(ccy);
            BigDecimal avail = spot.free().add(account.futuresBalance(ccy));
            BigDecimal cash = avail.add(spot.locked());
            details.addObject().put("ccy", ccy).put("eq", plain(cash)).put("cashBal", plain(cash)).put("availBal", plain(avail))
                    .put("frozenBal", plain(spot.locked())).put("ordFrozen", plain(spot.locked()));
        }
        return array().add(data);
    }

    /** {@code GET /api/v5/account/positions?instType=SWAP}: net-mode positions, {@code pos} signed. */
    ArrayNode positions(RestRequest request, SimExchange exchange) {
        SimAccount account = OkxAuth.signed(request, exchange);
        String instType = request.params().get("instType");
        if (instType != null && !instType.equals("SWAP")) {
            return array();
        }
        ArrayNode out = array();
        for (SimAccount.Position pos : account.positions()) {
            if (exchange.instrument(Market.LINEAR, pos.symbol()) != null) {
                BigDecimal mark = exchange.markPrice(Market.LINEAR, pos.symbol());
                out.addObject().put("instType", "SWAP").put("instId", pos.symbol()).put("mgnMode", "cross").put("posSide", "net")
                        .put("pos", plain(pos.qty())).put("avgPx", plain(pos.entryPrice())).put("markPx", mark == null ? "" : plain(mark))
                        .put("lever", Integer.toString(account.leverage()));
            }
        }
        return out;
    }

    static ObjectNode order(SimExchange exchange, SimAccount account, SimOrder o, SimFill fill) {
        List<SimFill> fills = exchange.fills(account, o.market(), o.symbol(), o.orderId());
        BigDecimal fee = fills.stream().map(SimFill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        String feeCcy = fills.isEmpty() ? "" : fills.getFirst().feeAsset();
        return OkxSimJson.order(o, fill, fee, feeCcy);
    }

    private static ArrayNode ack(String clOrdId, String ordId, long ts, String sMsg) {
        return array().add(object().put("clOrdId", clOrdId).put("ordId", ordId).put("tag", "").put("ts", Long.toString(ts))
                .put("sCode", "0").put("sMsg", sMsg));
    }

    private static OkxRefusal refusal(OrderRejectedException e, Instrument instrument, OrderSide side, String clOrdId) {
        return switch (e.reason()) {
            case INSUFFICIENT_BALANCE, INSUFFICIENT_MARGIN -> OkxRefusal.order("51008", "Order failed. Insufficient "
                    + (instrument.market() == Market.SPOT && side == OrderSide.SELL ? instrument.base() : instrument.quote())
                    + " balance in account.", clOrdId);
            case DUPLICATE_CLIENT_ORDER_ID -> OkxRefusal.order("51016", "Duplicated clOrdId", clOrdId);
            case UNKNOWN_SYMBOL -> OkxRefusal.order("51001", "Instrument ID, Instrument ID code or Spread ID doesn't exist.", clOrdId);
            case POST_ONLY_WOULD_TAKE, INVALID_QUANTITY, INVALID_PRICE, UNKNOWN_ORDER -> OkxRefusal.order("51000",
                    "Parameter error: " + e.getMessage(), clOrdId);
        };
    }

    static Market market(String instType) {
        if ("SPOT".equals(instType)) {
            return Market.SPOT;
        }
        if ("SWAP".equals(instType)) {
            return Market.LINEAR;
        }
        throw OkxRefusal.parameter("instType");
    }

    /** The spot or swap instrument with that id (OKX's ids say which: {@code BTC-USDT}, {@code BTC-USDT-SWAP}). */
    private static Instrument instrument(SimExchange exchange, String instId) {
        if (instId == null || instId.isEmpty()) {
            throw new OkxRefusal(400, "50014", "Parameter instId can not be empty.");
        }
        Instrument instrument = exchange.instrument(instId.endsWith("-SWAP") ? Market.LINEAR : Market.SPOT, instId);
        if (instrument == null) {
            throw new OkxRefusal(200, "51001", "Instrument ID, Instrument ID code or Spread ID doesn't exist.");
        }
        return instrument;
    }

    private static int limit(Map<String, String> p) {
        int limit = p.containsKey("limit") ? (int) parseLong(p.get("limit"), "limit") : PAGE;
        if (limit < 1 || limit > PAGE) {
            throw OkxRefusal.parameter("limit");
        }
        return limit;
    }

    private static JsonNode body(RestRequest request) {
        if (request.body().isEmpty()) {
            throw new OkxRefusal(400, "50000", "Body for POST request cannot be empty.");
        }
        try {
            return SimJson.read(request.body());
        } catch (JacksonException e) {
            throw new OkxRefusal(400, "50002", "JSON syntax error");
        }
    }

    private static String required(JsonNode body, String field) {
        String value = body.path(field).asString("");
        if (value.isEmpty()) {
            throw new OkxRefusal(400, "50014", "Parameter " + field + " can not be empty.");
        }
        return value;
    }

    private static BigDecimal decimal(JsonNode body, String field) {
        try {
            BigDecimal value = new BigDecimal(required(body, field));
            if (value.signum() <= 0) {
                throw OkxRefusal.parameter(field);
            }
            return value;
        } catch (NumberFormatException e) {
            throw OkxRefusal.parameter(field);
        }
    }

    private static long parseLong(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw OkxRefusal.parameter(name);
        }
    }

    /** The order id asked for, or null when the order is named by its client id. */
    private static Long ordId(String ordId, String clOrdId) {
        return ordId.isEmpty() || !clOrdId.isEmpty() ? null : parseLong(ordId, "ordId");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

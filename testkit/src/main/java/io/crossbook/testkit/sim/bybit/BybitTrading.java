package io.crossbook.testkit.sim.bybit;

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
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bybit v5's signed trading and account endpoints for a unified trading account, spot and linear
 * ("Trade", "Position" and "Account" pages of the v5 docs): orders created and cancelled by JSON body,
 * orders, executions, the wallet and positions read by query, each answered as a {@code result} and
 * refused with Bybit's {@code retCode}. Lists are paged by {@code limit} and {@code nextPageCursor}.
 *
 * <p>The simulated account keeps spot and perpetual funds apart; the wallet answer adds them up per
 * coin, as a unified account shows one wallet.
 */
final class BybitTrading {
    private static final int MAX_LINK_ID = 36;
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 50;
    private static final int MAX_EXECUTIONS_PAGE = 100;
    private static final int MAX_POSITIONS_PAGE = 200;

    /** {@code POST /v5/order/create}: Bybit acknowledges with the two ids; the order's state comes on the stream. */
    JsonNode place(RestRequest request, SimExchange exchange) {
        SimAccount account = BybitAuth.signed(request, exchange);
        JsonNode body = body(request);
        Market market = market(required(body, "category"));
        Instrument instrument = instrument(exchange, market, required(body, "symbol"));
        OrderSide side = switch (required(body, "side")) {
            case "Buy" -> OrderSide.BUY;
            case "Sell" -> OrderSide.SELL;
            default -> throw BybitRefusal.params("side");
        };
        OrderType type = switch (required(body, "orderType")) {
            case "Limit" -> OrderType.LIMIT;
            case "Market" -> OrderType.MARKET;
            default -> throw BybitRefusal.params("orderType");
        };
        TimeInForce timeInForce = TimeInForce.IOC;
        if (type == OrderType.LIMIT) {
            timeInForce = switch (body.path("timeInForce").asString("GTC")) {
                case "GTC" -> TimeInForce.GTC;
                case "IOC" -> TimeInForce.IOC;
                case "PostOnly" -> TimeInForce.POST_ONLY;
                default -> throw BybitRefusal.params("timeInForce " + body.path("timeInForce").asString()
                        + " is not one the simulator serves (GTC, IOC, PostOnly)");
            };
        } else if (market == Market.SPOT && side == OrderSide.BUY && !"baseCoin".equals(body.path("marketUnit").asString(""))) {
            // Bybit reads a spot market buy's qty in the quote coin unless marketUnit says otherwise.
            throw BybitRefusal.params("the simulator takes spot market buys in the base coin only (marketUnit=baseCoin)");
        }
        if (market == Market.LINEAR && body.path("positionIdx").asInt(0) != 0) {
            throw BybitRefusal.params("position idx not match position mode");
        }
        BigDecimal qty = decimal(body, "qty");
        BigDecimal price = type == OrderType.LIMIT ? decimal(body, "price") : null;
        String linkId = body.path("orderLinkId").asString("");
        if (linkId.length() > MAX_LINK_ID) {
            throw BybitRefusal.params("orderLinkId is longer than " + MAX_LINK_ID + " characters");
        }
        String clientOrderId = linkId.isEmpty() ? UUID.randomUUID().toString() : linkId;
        SimOrder order;
        try {
            order = exchange.place(account, new OrderSpec(market, instrument.symbol(), clientOrderId, side, type, timeInForce, qty, price))
                    .acknowledged();
        } catch (OrderRejectedException e) {
            throw refusal(e, market);
        }
        return object().put("orderId", Long.toString(order.orderId())).put("orderLinkId", linkId);
    }

    /** {@code POST /v5/order/cancel} by {@code orderLinkId} or {@code orderId}. */
    JsonNode cancel(RestRequest request, SimExchange exchange) {
        SimAccount account = BybitAuth.signed(request, exchange);
        JsonNode body = body(request);
        Market market = market(required(body, "category"));
        Instrument instrument = instrument(exchange, market, required(body, "symbol"));
        String linkId = body.path("orderLinkId").asString("");
        Long orderId = orderId(body.path("orderId").asString(""), linkId);
        SimOrder order;
        try {
            order = exchange.cancel(account, market, instrument.symbol(), linkId.isEmpty() ? null : linkId, orderId, null);
        } catch (OrderRejectedException e) {
            throw refusal(e, market);
        }
        return object().put("orderId", Long.toString(order.orderId())).put("orderLinkId", order.clientOrderId());
    }

    /**
     * {@code GET /v5/order/realtime}: with an {@code orderId} or {@code orderLinkId} that order whatever
     * its state (Bybit keeps the recently closed ones here), otherwise the open orders; linear needs a
     * {@code symbol} or {@code settleCoin}. {@code /v5/order/history} answers the same for one order.
     */
    JsonNode orders(RestRequest request, SimExchange exchange) {
        SimAccount account = BybitAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        Market market = market(p.get("category"));
        String symbol = p.get("symbol");
        String linkId = p.getOrDefault("orderLinkId", "");
        Long orderId = orderId(p.getOrDefault("orderId", ""), linkId);
        List<SimOrder> orders = new ArrayList<>();
        if (!linkId.isEmpty() || orderId != null) {
            SimOrder order = exchange.order(account, market, instrument(exchange, market, symbol).symbol(),
                    linkId.isEmpty() ? null : linkId, orderId);
            if (order != null) {
                orders.add(order);
            }
        } else {
            if (market == Market.LINEAR && symbol == null && !p.containsKey("settleCoin") && !p.containsKey("baseCoin")) {
                throw BybitRefusal.params("symbol, settleCoin or baseCoin is required");
            }
            orders.addAll(exchange.openOrders(account, market, symbol == null ? null : instrument(exchange, market, symbol).symbol())
                    .stream().filter(o -> settles(exchange, o, p.get("settleCoin"))).toList().reversed());
        }
        return page(orders, p, MAX_PAGE, o -> BybitSimJson.order(o, fee(exchange, account, o)));
    }

    /** {@code GET /v5/execution/list} of one order (by {@code orderId} or {@code orderLinkId}) or a symbol, newest first. */
    JsonNode executions(RestRequest request, SimExchange exchange, BigDecimal takerRate, BigDecimal makerRate) {
        SimAccount account = BybitAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        Market market = market(p.get("category"));
        Instrument instrument = instrument(exchange, market, p.get("symbol"));
        String linkId = p.getOrDefault("orderLinkId", "");
        Long orderId = orderId(p.getOrDefault("orderId", ""), linkId);
        if (!linkId.isEmpty()) {
            SimOrder order = exchange.order(account, market, instrument.symbol(), linkId, null);
            orderId = order == null ? Long.valueOf(-1) : Long.valueOf(order.orderId());
        }
        List<SimFill> fills = new ArrayList<>(exchange.fills(account, market, instrument.symbol(), orderId)).reversed();
        return page(fills, p, MAX_EXECUTIONS_PAGE, f -> BybitSimJson.execution(f,
                exchange.order(account, market, instrument.symbol(), null, f.orderId()), f.maker() ? makerRate : takerRate));
    }

    /** {@code GET /v5/account/wallet-balance?accountType=UNIFIED}. */
    JsonNode wallet(RestRequest request, SimExchange exchange) {
        SimAccount account = BybitAuth.signed(request, exchange);
        String type = request.params().get("accountType");
        if (!"UNIFIED".equals(type)) {
            throw BybitRefusal.params("accountType " + type + " (the simulator is a unified account)");
        }
        Set<String> coins = new TreeSet<>(account.spotBalances().keySet());
        coins.addAll(account.futuresBalances().keySet());
        ObjectNode wallet = object().put("accountType", "UNIFIED");
        ArrayNode list = wallet.putArray("coin");
        for (String coin : coins) {
            SimAccount.Balance spot = account.spotBalance(coin);
            BigDecimal balance = spot.free().add(spot.locked()).add(account.futuresBalance(coin));
            list.addObject().put("coin", coin).put("equity", plain(balance)).put("walletBalance", plain(balance))
                    .put("locked", plain(spot.locked())).put("unrealisedPnl", "0").put("borrowAmount", "0")
                    .put("accruedInterest", "0");
        }
        ObjectNode result = object();
        result.putArray("list").add(wallet);
        return result;
    }

    /** {@code GET /v5/position/list?category=linear}: the non-empty positions, one-way mode ({@code positionIdx} 0). */
    JsonNode positions(RestRequest request, SimExchange exchange) {
        SimAccount account = BybitAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        if (market(p.get("category")) != Market.LINEAR) {
            throw BybitRefusal.params("category: the simulator has positions in linear only");
        }
        if (!p.containsKey("symbol") && !p.containsKey("settleCoin")) {
            throw BybitRefusal.params("symbol or settleCoin is required");
        }
        List<SimAccount.Position> positions = account.positions().stream()
                .filter(pos -> p.get("symbol") == null || pos.symbol().equals(p.get("symbol")))
                .filter(pos -> {
                    Instrument i = exchange.instrument(Market.LINEAR, pos.symbol());
                    return i != null && (p.get("settleCoin") == null || i.quote().equals(p.get("settleCoin")));
                }).toList();
        return page(positions, p, MAX_POSITIONS_PAGE, pos -> {
            BigDecimal mark = exchange.markPrice(Market.LINEAR, pos.symbol());
            return object().put("positionIdx", 0).put("symbol", pos.symbol()).put("side", pos.qty().signum() > 0 ? "Buy" : "Sell")
                    .put("size", plain(pos.qty().abs())).put("avgPrice", plain(pos.entryPrice()))
                    .put("positionValue", plain(pos.qty().abs().multiply(pos.entryPrice())))
                    .put("leverage", Integer.toString(account.leverage())).put("markPrice", mark == null ? "" : plain(mark))
                    .put("tradeMode", 0).put("positionStatus", "Normal");
        });
    }

    /** One page of {@code items} as Bybit pages lists: {@code limit} items from the {@code cursor}, and the next cursor. */
    private static <T> JsonNode page(List<T> items, Map<String, String> p, int maxLimit, Function<T, JsonNode> json) {
        int limit;
        int from;
        try {
            limit = p.containsKey("limit") ? Integer.parseInt(p.get("limit")) : Math.min(DEFAULT_PAGE, maxLimit);
            from = p.containsKey("cursor") ? Integer.parseInt(p.get("cursor")) : 0;
        } catch (NumberFormatException e) {
            throw BybitRefusal.params("limit and cursor");
        }
        if (limit < 1 || limit > maxLimit || from < 0) {
            throw BybitRefusal.params("limit must be 1 to " + maxLimit);
        }
        int to = Math.min(items.size(), from + limit);
        ObjectNode result = object().put("category", p.getOrDefault("category", ""));
        ArrayNode list = result.putArray("list");
        for (T item : items.subList(Math.min(from, to), to)) {
            list.add(json.apply(item));
        }
        return result.put("nextPageCursor", to < items.size() ? Integer.toString(to) : "");
    }

    private static boolean settles(SimExchange exchange, SimOrder o, String settleCoin) {
        return settleCoin == null || exchange.instrument(o.market(), o.symbol()).quote().equals(settleCoin);
    }

    /** What the order has paid in fees so far. */
    static BigDecimal fee(SimExchange exchange, SimAccount account, SimOrder o) {
        return exchange.fills(account, o.market(), o.symbol(), o.orderId()).stream().map(SimFill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BybitRefusal refusal(OrderRejectedException e, Market market) {
        boolean spot = market == Market.SPOT;
        return switch (e.reason()) {
            case INSUFFICIENT_BALANCE, INSUFFICIENT_MARGIN -> spot ? new BybitRefusal(200, 170131, "Insufficient balance.")
                    : new BybitRefusal(200, 110007, "Insufficient available balance");
            case UNKNOWN_ORDER -> new BybitRefusal(200, spot ? 170213 : 110001, "Order does not exist.");
            case DUPLICATE_CLIENT_ORDER_ID -> new BybitRefusal(200, 110072, "OrderLinkedID is duplicate");
            case UNKNOWN_SYMBOL, INVALID_QUANTITY, INVALID_PRICE, POST_ONLY_WOULD_TAKE -> BybitRefusal.params(e.getMessage());
        };
    }

    static Market market(String category) {
        if (category == null || category.isEmpty()) {
            throw BybitRefusal.params("category is required");
        }
        return switch (category) {
            case "spot" -> Market.SPOT;
            case "linear" -> Market.LINEAR;
            default -> throw BybitRefusal.params("category " + category + " (the simulator serves spot and linear)");
        };
    }

    static Instrument instrument(SimExchange exchange, Market market, String symbol) {
        Instrument instrument = symbol == null ? null : exchange.instrument(market, symbol);
        if (instrument == null) {
            throw BybitRefusal.params("symbol " + symbol + " invalid");
        }
        return instrument;
    }

    private static JsonNode body(RestRequest request) {
        try {
            JsonNode body = SimJson.read(request.body());
            if (!body.isObject()) {
                throw BybitRefusal.params("the body is not a JSON object");
            }
            return body;
        } catch (JacksonException e) {
            throw BybitRefusal.params("the body is not JSON");
        }
    }

    private static String required(JsonNode body, String field) {
        String value = body.path(field).asString("");
        if (value.isEmpty()) {
            throw BybitRefusal.params(field + " is required");
        }
        return value;
    }

    private static BigDecimal decimal(JsonNode body, String field) {
        try {
            BigDecimal value = new BigDecimal(required(body, field));
            if (value.signum() <= 0) {
                throw BybitRefusal.params(field + " must be positive");
            }
            return value;
        } catch (NumberFormatException e) {
            throw BybitRefusal.params(field + " is not a number");
        }
    }

    /** The order id asked for, or null when the order is named by its link id (or not at all). */
    private static Long orderId(String orderId, String linkId) {
        if (orderId.isEmpty() || !linkId.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(orderId);
        } catch (NumberFormatException e) {
            return -1L; // no order has that id
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

package io.crossbook.testkit.sim.binance;

import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.testkit.sim.SimJson;
import io.crossbook.testkit.sim.Fees;
import io.crossbook.testkit.sim.OrderRejectedException;
import io.crossbook.testkit.sim.OrderSpec;
import io.crossbook.testkit.sim.Placed;
import io.crossbook.testkit.sim.RestRequest;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimExchange;
import io.crossbook.testkit.sim.SimFill;
import io.crossbook.testkit.sim.SimOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.security.SecureRandom;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binance's signed trading and account endpoints, spot ({@code /api/v3}) and USDⓈ-M
 * ({@code /fapi}): parameters read and refused as Binance reads and refuses them, orders passed to the
 * simulated exchange, answers in Binance's JSON. Spot answers a new MARKET or LIMIT order in full
 * (with its fills) unless asked otherwise; futures acknowledge (ACK, as the order was accepted)
 * unless asked for the RESULT.
 */
final class BinanceTrading {
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int FUTURES_POSITION_CAP = 1_000_000;

    private final SecureRandom random = new SecureRandom();

    String place(RestRequest request, Market market, SimExchange exchange) {
        SimAccount account = BinanceAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        Instrument instrument = instrument(p, market, exchange);
        OrderSide side = side(required(p, "side"));
        String typeName = required(p, "type");
        OrderType type;
        TimeInForce timeInForce;
        switch (typeName) {
            case "MARKET" -> {
                type = OrderType.MARKET;
                timeInForce = TimeInForce.GTC;
            }
            case "LIMIT" -> {
                type = OrderType.LIMIT;
                timeInForce = timeInForce(required(p, "timeInForce"), market);
            }
            case "LIMIT_MAKER" -> {
                if (market != Market.SPOT) {
                    throw BinanceRefusal.badRequest(-1116, "Invalid orderType.");
                }
                type = OrderType.LIMIT;
                timeInForce = TimeInForce.POST_ONLY;
            }
            default -> throw BinanceRefusal.badRequest(-1116, "Invalid orderType.");
        }
        BigDecimal qty = decimal(p, "quantity");
        BigDecimal price = type == OrderType.LIMIT ? decimal(p, "price") : null;
        String clientOrderId = p.containsKey("newClientOrderId") ? p.get("newClientOrderId") : randomId();
        if (!CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            throw BinanceRefusal.badRequest(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '"
                    + CLIENT_ORDER_ID.pattern() + "'.");
        }
        String responseType = responseType(p, market, typeName);
        Placed placed;
        try {
            placed = exchange.place(account, new OrderSpec(market, instrument.symbol(), clientOrderId, side, type, timeInForce, qty, price));
        } catch (OrderRejectedException e) {
            throw refusal(e, market, false);
        }
        long now = exchange.clock().millis();
        if (market == Market.SPOT) {
            return SimJson.write(BinanceSimJson.spotPlaced(placed, responseType, now));
        }
        SimOrder shown = responseType.equals("ACK") ? placed.acknowledged() : placed.result();
        return SimJson.write(BinanceSimJson.futuresOrder(shown, instrument, false));
    }

    String query(RestRequest request, Market market, SimExchange exchange) {
        SimAccount account = BinanceAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        Instrument instrument = instrument(p, market, exchange);
        String clientOrderId = p.get("origClientOrderId");
        Long orderId = orderId(p, clientOrderId);
        SimOrder order = exchange.order(account, market, instrument.symbol(), clientOrderId, orderId);
        if (order == null) {
            throw BinanceRefusal.badRequest(-2013, "Order does not exist.");
        }
        return SimJson.write(market == Market.SPOT ? BinanceSimJson.spotOrder(order)
                : BinanceSimJson.futuresOrder(order, instrument, true));
    }

    String cancel(RestRequest request, Market market, SimExchange exchange) {
        SimAccount account = BinanceAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        Instrument instrument = instrument(p, market, exchange);
        String clientOrderId = p.get("origClientOrderId");
        Long orderId = orderId(p, clientOrderId);
        String cancelId = market == Market.SPOT ? p.getOrDefault("newClientOrderId", randomId()) : null;
        SimOrder order;
        try {
            order = exchange.cancel(account, market, instrument.symbol(), clientOrderId, orderId, cancelId);
        } catch (OrderRejectedException e) {
            throw refusal(e, market, true);
        }
        return SimJson.write(market == Market.SPOT
                ? BinanceSimJson.spotCanceled(order, cancelId, exchange.clock().millis())
                : BinanceSimJson.futuresOrder(order, instrument, false));
    }

    String openOrders(RestRequest request, Market market, SimExchange exchange) {
        SimAccount account = BinanceAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        String symbol = p.containsKey("symbol") ? instrument(p, market, exchange).symbol() : null;
        ArrayNode out = SimJson.array();
        for (SimOrder order : exchange.openOrders(account, market, symbol)) {
            out.add(market == Market.SPOT ? BinanceSimJson.spotOrder(order)
                    : BinanceSimJson.futuresOrder(order, exchange.instrument(market, order.symbol()), true));
        }
        return SimJson.write(out);
    }

    String trades(RestRequest request, Market market, SimExchange exchange) {
        SimAccount account = BinanceAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        Instrument instrument = instrument(p, market, exchange);
        Long orderId = p.containsKey("orderId") ? longParam(p, "orderId") : null;
        ArrayNode out = SimJson.array();
        for (SimFill fill : exchange.fills(account, market, instrument.symbol(), orderId)) {
            out.add(market == Market.SPOT ? BinanceSimJson.spotTrade(fill) : BinanceSimJson.futuresTrade(fill, instrument));
        }
        return SimJson.write(out);
    }

    /** {@code GET /api/v3/account}: commission rates and balances ({@code omitZeroBalances=true} leaves out the empty ones). */
    String spotAccount(RestRequest request, SimExchange exchange, Fees fees) {
        SimAccount account = BinanceAuth.signed(request, exchange);
        BigDecimal taker = fees.taker();
        BigDecimal maker = fees.maker();
        boolean omitZero = "true".equals(request.params().get("omitZeroBalances"));
        ObjectNode root = SimJson.object().put("makerCommission", bips(maker)).put("takerCommission", bips(taker))
                .put("buyerCommission", 0).put("sellerCommission", 0);
        root.putObject("commissionRates").put("maker", BinanceSimJson.decimal(maker, 8)).put("taker", BinanceSimJson.decimal(taker, 8))
                .put("buyer", "0.00000000").put("seller", "0.00000000");
        root.put("canTrade", true).put("canWithdraw", true).put("canDeposit", true).put("brokered", false)
                .put("requireSelfTradePrevention", false).put("preventSor", false).put("updateTime", exchange.clock().millis())
                .put("accountType", "SPOT");
        ArrayNode balances = root.putArray("balances");
        account.spotBalances().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!omitZero || e.getValue().free().signum() != 0 || e.getValue().locked().signum() != 0) {
                balances.addObject().put("asset", e.getKey()).put("free", BinanceSimJson.decimal(e.getValue().free(), 8))
                        .put("locked", BinanceSimJson.decimal(e.getValue().locked(), 8));
            }
        });
        root.putArray("permissions").add("SPOT");
        return SimJson.write(root.put("uid", Math.abs(account.apiKey().hashCode())));
    }

    /**
     * {@code GET /fapi/v2/balance} (and v3): each margin asset's wallet, unrealised profit, and the margin
     * the simulator lets new orders use (wallet less the initial margin of positions and open orders).
     */
    String futuresBalances(RestRequest request, SimExchange exchange) {
        SimAccount account = BinanceAuth.signed(request, exchange);
        ArrayNode out = SimJson.array();
        long now = exchange.clock().millis();
        account.futuresBalances().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String asset = e.getKey();
            BigDecimal unrealized = BigDecimal.ZERO;
            for (SimAccount.Position position : account.positions()) {
                Instrument instrument = exchange.instrument(Market.LINEAR, position.symbol());
                if (instrument != null && instrument.quote().equals(asset)) {
                    unrealized = unrealized.add(unrealized(position, instrument, exchange));
                }
            }
            BigDecimal available = exchange.availableMargin(account, asset);
            out.addObject().put("accountAlias", "SimA").put("asset", asset).put("balance", BinanceSimJson.decimal(e.getValue(), 8))
                    .put("crossWalletBalance", BinanceSimJson.decimal(e.getValue(), 8))
                    .put("crossUnPnl", BinanceSimJson.decimal(unrealized, 8)).put("availableBalance", BinanceSimJson.decimal(available, 8))
                    .put("maxWithdrawAmount", BinanceSimJson.decimal(available.max(BigDecimal.ZERO), 8)).put("marginAvailable", true)
                    .put("updateTime", now);
        });
        return SimJson.write(out);
    }

    /**
     * {@code GET /fapi/v2/positionRisk} lists every symbol (flat ones with zero amount); v3 only the open
     * positions. Marked at the book's mid; one-way mode, cross margin, nothing liquidates.
     */
    String positions(RestRequest request, SimExchange exchange, boolean v3) {
        SimAccount account = BinanceAuth.signed(request, exchange);
        Map<String, String> p = request.params();
        ArrayNode out = SimJson.array();
        for (Instrument instrument : exchange.instruments(Market.LINEAR)) {
            if (p.containsKey("symbol") && !p.get("symbol").equals(instrument.symbol())) {
                continue;
            }
            SimAccount.Position position = account.position(instrument.symbol());
            if (v3 && position.qty().signum() == 0) {
                continue;
            }
            BigDecimal mark = exchange.markPrice(Market.LINEAR, instrument.symbol());
            mark = mark == null ? BigDecimal.ZERO : mark;
            BigDecimal notional = position.qty().multiply(mark).multiply(instrument.contractSize());
            BigDecimal margin = notional.abs().divide(BigDecimal.valueOf(account.leverage()), MathContext.DECIMAL128);
            int price = instrument.priceScale();
            ObjectNode row = out.addObject().put("symbol", instrument.symbol()).put("positionSide", "BOTH")
                    .put("positionAmt", BinanceSimJson.decimal(position.qty(), instrument.qtyScale()))
                    .put("entryPrice", BinanceSimJson.decimal(position.entryPrice(), price))
                    .put("breakEvenPrice", BinanceSimJson.decimal(position.entryPrice(), price))
                    .put("markPrice", BinanceSimJson.decimal(mark, price))
                    .put("unRealizedProfit", BinanceSimJson.decimal(unrealized(position, instrument, exchange), 8))
                    .put("liquidationPrice", "0").put("isolatedMargin", "0.00000000")
                    .put("notional", BinanceSimJson.decimal(notional, 8)).put("isolatedWallet", "0");
            if (v3) {
                row.put("marginAsset", instrument.quote()).put("initialMargin", BinanceSimJson.decimal(margin, 8))
                        .put("maintMargin", "0").put("positionInitialMargin", BinanceSimJson.decimal(margin, 8))
                        .put("openOrderInitialMargin", "0").put("adl", 0).put("bidNotional", "0").put("askNotional", "0");
            } else {
                row.put("marginType", "cross").put("isAutoAddMargin", "false").put("leverage", String.valueOf(account.leverage()))
                        .put("maxNotionalValue", String.valueOf(FUTURES_POSITION_CAP));
            }
            row.put("updateTime", exchange.clock().millis());
        }
        return SimJson.write(out);
    }

    private static BigDecimal unrealized(SimAccount.Position position, Instrument instrument, SimExchange exchange) {
        BigDecimal mark = exchange.markPrice(Market.LINEAR, instrument.symbol());
        if (mark == null || position.qty().signum() == 0) {
            return BigDecimal.ZERO;
        }
        return mark.subtract(position.entryPrice()).multiply(position.qty()).multiply(instrument.contractSize());
    }

    /** Binance's words for a refusal by the exchange: spot's {@code -2010} family, futures' own codes. */
    private static BinanceRefusal refusal(OrderRejectedException e, Market market, boolean cancel) {
        boolean spot = market == Market.SPOT;
        return switch (e.reason()) {
            case UNKNOWN_SYMBOL -> BinanceRefusal.invalidSymbol();
            case DUPLICATE_CLIENT_ORDER_ID -> spot ? BinanceRefusal.badRequest(-2010, "Duplicate order sent.")
                    : BinanceRefusal.badRequest(-4116, "ClientOrderId is duplicated.");
            case INSUFFICIENT_BALANCE -> BinanceRefusal.badRequest(-2010, "Account has insufficient balance for requested action.");
            case INSUFFICIENT_MARGIN -> BinanceRefusal.badRequest(-2019, "Margin is insufficient.");
            case POST_ONLY_WOULD_TAKE -> spot ? BinanceRefusal.badRequest(-2010, "Order would immediately match and take.")
                    : BinanceRefusal.badRequest(-5022, "Due to the order could not be executed as maker, the Post Only order will be "
                            + "rejected. The order will not be recorded in the order history");
            case INVALID_QUANTITY -> spot ? BinanceRefusal.badRequest(-1013, "Filter failure: LOT_SIZE")
                    : BinanceRefusal.badRequest(-1111, "Precision is over the maximum defined for this asset.");
            case INVALID_PRICE -> spot ? BinanceRefusal.badRequest(-1013, "Filter failure: PRICE_FILTER")
                    : BinanceRefusal.badRequest(-4014, "Price not increased by tick size.");
            case UNKNOWN_ORDER -> cancel ? BinanceRefusal.badRequest(-2011, "Unknown order sent.")
                    : BinanceRefusal.badRequest(-2013, "Order does not exist.");
        };
    }

    private static Instrument instrument(Map<String, String> p, Market market, SimExchange exchange) {
        Instrument instrument = exchange.instrument(market, required(p, "symbol"));
        if (instrument == null) {
            throw BinanceRefusal.invalidSymbol();
        }
        return instrument;
    }

    private static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) {
            throw BinanceRefusal.mandatory(name);
        }
        return value;
    }

    private static BigDecimal decimal(Map<String, String> p, String name) {
        try {
            return new BigDecimal(required(p, name));
        } catch (NumberFormatException e) {
            throw BinanceRefusal.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        }
    }

    private static long longParam(Map<String, String> p, String name) {
        try {
            return Long.parseLong(required(p, name));
        } catch (NumberFormatException e) {
            throw BinanceRefusal.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^[0-9]{1,20}$'.");
        }
    }

    private static Long orderId(Map<String, String> p, String clientOrderId) {
        if (p.containsKey("orderId")) {
            return longParam(p, "orderId");
        }
        if (clientOrderId == null || clientOrderId.isEmpty()) {
            throw BinanceRefusal.badRequest(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        return null;
    }

    private static OrderSide side(String name) {
        return switch (name) {
            case "BUY" -> OrderSide.BUY;
            case "SELL" -> OrderSide.SELL;
            default -> throw BinanceRefusal.badRequest(-1117, "Invalid side.");
        };
    }

    private static TimeInForce timeInForce(String name, Market market) {
        return switch (name) {
            case "GTC" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            case "GTX" -> {
                if (market == Market.SPOT) {
                    throw BinanceRefusal.badRequest(-1115, "Invalid timeInForce.");
                }
                yield TimeInForce.POST_ONLY;
            }
            default -> throw BinanceRefusal.badRequest(-1115, "Invalid timeInForce.");
        };
    }

    /** {@code newOrderRespType}: spot MARKET and LIMIT default to FULL, other spot types to ACK, futures to ACK. */
    private static String responseType(Map<String, String> p, Market market, String typeName) {
        String asked = p.get("newOrderRespType");
        if (asked == null) {
            return market == Market.SPOT && (typeName.equals("MARKET") || typeName.equals("LIMIT")) ? "FULL" : "ACK";
        }
        if (asked.equals("ACK") || asked.equals("RESULT") || (market == Market.SPOT && asked.equals("FULL"))) {
            return asked;
        }
        throw BinanceRefusal.badRequest(-1130, "Data sent for parameter 'newOrderRespType' is not valid.");
    }

    private static int bips(BigDecimal rate) {
        return rate.movePointRight(4).intValue();
    }

    /** A client order id as Binance makes one up when none is sent. */
    private String randomId() {
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}

package io.crossbook.testkit.sim.binance;

import static io.crossbook.testkit.sim.SimJson.object;
import static io.crossbook.testkit.sim.SimJson.write;

import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.testkit.sim.BookView;
import io.crossbook.testkit.sim.MarketEvent.Level;
import io.crossbook.testkit.sim.OrderEvent;
import io.crossbook.testkit.sim.OrderEvent.Execution;
import io.crossbook.testkit.sim.Placed;
import io.crossbook.testkit.sim.SimFill;
import io.crossbook.testkit.sim.SimOrder;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binance's JSON for orders, fills and order events, field for field as its spot and USDⓈ-M
 * documentation shows them (REST answers, {@code executionReport}, {@code ORDER_TRADE_UPDATE}).
 * Decimals are strings: spot pads them to 8 places as Binance does; futures pad prices and
 * quantities to the instrument's tick and lot and amounts to 8 places. Fees are exact.
 */
final class BinanceSimJson {
    private static final int SPOT_SCALE = 8;
    private static final int AMOUNT_SCALE = 8;

    private BinanceSimJson() {
    }

    /** {@code value} with at least {@code minScale} decimal places and no more than it needs beyond them. */
    static String decimal(BigDecimal value, int minScale) {
        BigDecimal v = value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
        return (v.scale() < minScale ? v.setScale(minScale) : v).toPlainString();
    }

    static String error(long code, String msg) {
        return write(object().put("code", code).put("msg", msg));
    }

    /** A depth snapshot of the book as it stands: {@code lastUpdateId}, then (futures) event and transaction times. */
    static String depth(BookView book, long now) {
        ObjectNode root = object().put("lastUpdateId", book.lastUpdateId());
        if (book.market() != Market.SPOT) {
            root.put("E", now).put("T", now);
        }
        levels(root.putArray("bids"), book.bids());
        levels(root.putArray("asks"), book.asks());
        return write(root);
    }

    private static void levels(ArrayNode out, List<Level> levels) {
        for (Level level : levels) {
            out.addArray().add(level.price().toPlainString()).add(level.qty().toPlainString());
        }
    }

    /** Spot {@code type}: a post-only order is a {@code LIMIT_MAKER}. */
    static String spotType(SimOrder o) {
        return o.timeInForce() == TimeInForce.POST_ONLY && o.type() == OrderType.LIMIT ? "LIMIT_MAKER" : o.type().name();
    }

    /** {@code timeInForce}: market and spot post-only orders say GTC, futures post-only GTX. */
    static String timeInForce(SimOrder o) {
        if (o.type() == OrderType.MARKET) {
            return "GTC";
        }
        return switch (o.timeInForce()) {
            case GTC -> "GTC";
            case IOC -> "IOC";
            case POST_ONLY -> o.market() == Market.SPOT ? "GTC" : "GTX";
        };
    }

    private static boolean working(SimOrder o) {
        return o.status().isOpen() && o.type() == OrderType.LIMIT && o.timeInForce() != TimeInForce.IOC;
    }

    // ---- spot

    private static String s(BigDecimal v) {
        return decimal(v, SPOT_SCALE);
    }

    /** A spot order as {@code GET /api/v3/order} and {@code /api/v3/openOrders} show it. */
    static ObjectNode spotOrder(SimOrder o) {
        return object().put("symbol", o.symbol()).put("orderId", o.orderId()).put("orderListId", -1)
                .put("clientOrderId", o.clientOrderId()).put("price", s(o.price())).put("origQty", s(o.qty()))
                .put("executedQty", s(o.executedQty())).put("cummulativeQuoteQty", s(o.cumQuote()))
                .put("status", o.status().name()).put("timeInForce", timeInForce(o)).put("type", spotType(o))
                .put("side", o.side().name()).put("stopPrice", s(BigDecimal.ZERO)).put("icebergQty", s(BigDecimal.ZERO))
                .put("time", o.createTime()).put("updateTime", o.updateTime()).put("isWorking", working(o))
                .put("workingTime", o.createTime())
                .put("origQuoteOrderQty", s(BigDecimal.ZERO)).put("selfTradePreventionMode", "NONE");
    }

    /** The answer to {@code POST /api/v3/order} in the response type asked for: ACK, RESULT or FULL (with the fills). */
    static ObjectNode spotPlaced(Placed placed, String responseType, long transactTime) {
        SimOrder o = placed.result();
        ObjectNode root = object().put("symbol", o.symbol()).put("orderId", o.orderId()).put("orderListId", -1)
                .put("clientOrderId", o.clientOrderId()).put("transactTime", transactTime);
        if (responseType.equals("ACK")) {
            return root;
        }
        root.put("price", s(o.price())).put("origQty", s(o.qty())).put("executedQty", s(o.executedQty()))
                .put("origQuoteOrderQty", s(BigDecimal.ZERO)).put("cummulativeQuoteQty", s(o.cumQuote()))
                .put("status", o.status().name()).put("timeInForce", timeInForce(o)).put("type", spotType(o))
                .put("side", o.side().name()).put("workingTime", transactTime).put("selfTradePreventionMode", "NONE");
        if (responseType.equals("FULL")) {
            ArrayNode fills = root.putArray("fills");
            for (SimFill f : placed.fills()) {
                fills.addObject().put("price", s(f.price())).put("qty", s(f.qty())).put("commission", s(f.fee()))
                        .put("commissionAsset", f.feeAsset()).put("tradeId", f.tradeId());
            }
        }
        return root;
    }

    /** The answer to {@code DELETE /api/v3/order}: {@code clientOrderId} is the cancel's own id. */
    static ObjectNode spotCanceled(SimOrder o, String cancelId, long transactTime) {
        return object().put("symbol", o.symbol()).put("origClientOrderId", o.clientOrderId()).put("orderId", o.orderId())
                .put("orderListId", -1).put("clientOrderId", cancelId).put("transactTime", transactTime)
                .put("price", s(o.price())).put("origQty", s(o.qty())).put("executedQty", s(o.executedQty()))
                .put("origQuoteOrderQty", s(BigDecimal.ZERO)).put("cummulativeQuoteQty", s(o.cumQuote()))
                .put("status", o.status().name()).put("timeInForce", timeInForce(o)).put("type", spotType(o))
                .put("side", o.side().name()).put("selfTradePreventionMode", "NONE");
    }

    /** One fill as {@code GET /api/v3/myTrades} lists it. */
    static ObjectNode spotTrade(SimFill f) {
        return object().put("symbol", f.symbol()).put("id", f.tradeId()).put("orderId", f.orderId()).put("orderListId", -1)
                .put("price", s(f.price())).put("qty", s(f.qty())).put("quoteQty", s(f.quote()))
                .put("commission", s(f.fee())).put("commissionAsset", f.feeAsset()).put("time", f.time())
                .put("isBuyer", f.side() == OrderSide.BUY).put("isMaker", f.maker())
                .put("isBestMatch", true);
    }

    /**
     * The spot user data stream's {@code executionReport}. For a cancel, {@code c} is the cancel's own
     * client id and {@code C} the cancelled order's, as Binance sends them.
     */
    static ObjectNode executionReport(OrderEvent event, long eventTime) {
        SimOrder o = event.order();
        SimFill f = event.fill();
        boolean cancel = event.execution() == Execution.CANCELED;
        ObjectNode root = object().put("e", "executionReport").put("E", eventTime).put("s", o.symbol())
                .put("c", cancel && event.cancelTag() != null ? event.cancelTag() : o.clientOrderId())
                .put("S", o.side().name()).put("o", spotType(o)).put("f", timeInForce(o)).put("q", s(o.qty()))
                .put("p", s(o.price())).put("P", s(BigDecimal.ZERO)).put("F", s(BigDecimal.ZERO)).put("g", -1)
                .put("C", cancel ? o.clientOrderId() : "").put("x", event.execution().name()).put("X", o.status().name())
                .put("r", "NONE").put("i", o.orderId()).put("l", s(f == null ? null : f.qty())).put("z", s(o.executedQty()))
                .put("L", s(f == null ? null : f.price())).put("n", f == null ? "0" : s(f.fee()));
        if (f == null) {
            root.putNull("N");
        } else {
            root.put("N", f.feeAsset());
        }
        root.put("T", o.updateTime()).put("t", f == null ? -1 : f.tradeId()).put("I", o.orderId()).put("w", working(o))
                .put("m", f != null && f.maker()).put("M", false).put("O", o.createTime()).put("Z", s(o.cumQuote()))
                .put("Y", s(f == null ? null : f.quote())).put("Q", s(BigDecimal.ZERO));
        if (working(o)) {
            root.put("W", o.createTime());
        }
        return root.put("V", "NONE");
    }

    // ---- USDⓈ-M futures

    /**
     * A futures order as the order endpoints answer: {@code query} adds the order's {@code time} (GET
     * and openOrders), otherwise {@code cumQty} (POST and DELETE answers).
     */
    static ObjectNode futuresOrder(SimOrder o, Instrument instrument, boolean query) {
        int price = instrument.priceScale();
        int qty = instrument.qtyScale();
        ObjectNode root = object().put("orderId", o.orderId()).put("symbol", o.symbol()).put("status", o.status().name())
                .put("clientOrderId", o.clientOrderId()).put("price", decimal(o.price(), price))
                .put("avgPrice", decimal(o.avgPrice(), price)).put("origQty", decimal(o.qty(), qty))
                .put("executedQty", decimal(o.executedQty(), qty));
        if (!query) {
            root.put("cumQty", decimal(o.executedQty(), qty));
        }
        root.put("cumQuote", decimal(o.cumQuote(), AMOUNT_SCALE)).put("timeInForce", timeInForce(o)).put("type", o.type().name())
                .put("reduceOnly", false).put("closePosition", false).put("side", o.side().name()).put("positionSide", "BOTH")
                .put("stopPrice", decimal(BigDecimal.ZERO, price)).put("workingType", "CONTRACT_PRICE").put("priceProtect", false)
                .put("origType", o.type().name()).put("priceMatch", "NONE").put("selfTradePreventionMode", "NONE")
                .put("goodTillDate", 0);
        if (query) {
            root.put("time", o.createTime());
        }
        return root.put("updateTime", o.updateTime());
    }

    /** One fill as {@code GET /fapi/v1/userTrades} lists it. */
    static ObjectNode futuresTrade(SimFill f, Instrument instrument) {
        return object().put("buyer", f.side() == OrderSide.BUY)
                .put("commission", decimal(f.fee(), AMOUNT_SCALE)).put("commissionAsset", f.feeAsset()).put("id", f.tradeId())
                .put("maker", f.maker()).put("orderId", f.orderId()).put("price", decimal(f.price(), instrument.priceScale()))
                .put("qty", decimal(f.qty(), instrument.qtyScale())).put("quoteQty", decimal(f.quote(), AMOUNT_SCALE))
                .put("realizedPnl", decimal(f.realizedPnl(), AMOUNT_SCALE)).put("side", f.side().name())
                .put("positionSide", "BOTH").put("symbol", f.symbol()).put("time", f.time());
    }

    /** The USDⓈ-M user data stream's {@code ORDER_TRADE_UPDATE}; commission fields only on a trade. */
    static ObjectNode orderTradeUpdate(OrderEvent event, Instrument instrument, long eventTime) {
        SimOrder o = event.order();
        SimFill f = event.fill();
        int price = instrument.priceScale();
        int qty = instrument.qtyScale();
        ObjectNode root = object().put("e", "ORDER_TRADE_UPDATE").put("E", eventTime).put("T", o.updateTime());
        ObjectNode order = root.putObject("o").put("s", o.symbol()).put("c", o.clientOrderId()).put("S", o.side().name())
                .put("o", o.type().name()).put("f", timeInForce(o)).put("q", decimal(o.qty(), qty))
                .put("p", decimal(o.price(), price)).put("ap", decimal(o.avgPrice(), price)).put("sp", decimal(BigDecimal.ZERO, price))
                .put("x", event.execution().name()).put("X", o.status().name()).put("i", o.orderId())
                .put("l", decimal(f == null ? null : f.qty(), qty)).put("z", decimal(o.executedQty(), qty))
                .put("L", decimal(f == null ? null : f.price(), price));
        if (f != null) {
            order.put("N", f.feeAsset()).put("n", decimal(f.fee(), AMOUNT_SCALE));
        }
        order.put("T", o.updateTime()).put("t", f == null ? 0 : f.tradeId()).put("b", "0").put("a", "0")
                .put("m", f != null && f.maker()).put("R", false).put("wt", "CONTRACT_PRICE").put("ot", o.type().name())
                .put("ps", "BOTH").put("cp", false).put("rp", decimal(f == null ? null : f.realizedPnl(), AMOUNT_SCALE))
                .put("pP", false).put("si", 0).put("ss", 0).put("V", "NONE").put("pm", "NONE").put("gtd", 0);
        return root;
    }
}

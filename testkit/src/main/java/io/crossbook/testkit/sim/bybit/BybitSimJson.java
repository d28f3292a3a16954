package io.crossbook.testkit.sim.bybit;

import static io.crossbook.testkit.sim.SimJson.object;

import io.crossbook.core.exec.OrderType;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.testkit.sim.MarketEvent.Level;
import io.crossbook.testkit.sim.SimFill;
import io.crossbook.testkit.sim.SimOrder;
import io.crossbook.testkit.sim.SimOrder.Status;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bybit v5's JSON: the {@code {retCode, retMsg, result, retExtInfo, time}} envelope, and orders and
 * executions with the field names the REST lists ({@code /v5/order/realtime}, {@code /v5/execution/list})
 * and the private {@code order} and {@code execution} topics share. Decimals are plain strings, as
 * Bybit writes them.
 */
final class BybitSimJson {
    private BybitSimJson() {
    }

    static ObjectNode envelope(int retCode, String retMsg, JsonNode result, long now) {
        ObjectNode root = object().put("retCode", retCode).put("retMsg", retMsg);
        root.set("result", result == null ? object() : result);
        root.putObject("retExtInfo");
        return root.put("time", now);
    }

    static String category(Market market) {
        return market.id();
    }

    static String side(OrderSide side) {
        return side == OrderSide.BUY ? "Buy" : "Sell";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Bybit's {@code orderStatus}. An immediate order's unfilled rest is cancelled ({@code Cancelled});
     * spot calls a cancelled order with fills {@code PartiallyFilledCanceled}.
     */
    static String status(SimOrder o) {
        return switch (o.status()) {
            case NEW -> "New";
            case PARTIALLY_FILLED -> "PartiallyFilled";
            case FILLED -> "Filled";
            case CANCELED, EXPIRED -> o.market() == Market.SPOT && o.executedQty().signum() > 0 ? "PartiallyFilledCanceled" : "Cancelled";
        };
    }

    /** A market order always executes immediate-or-cancel. */
    static String timeInForce(SimOrder o) {
        if (o.type() == OrderType.MARKET) {
            return "IOC";
        }
        return switch (o.timeInForce()) {
            case GTC -> "GTC";
            case IOC -> "IOC";
            case POST_ONLY -> "PostOnly";
        };
    }

    /** One order, as {@code /v5/order/realtime} lists it and the {@code order} topic pushes it. */
    static ObjectNode order(SimOrder o, BigDecimal cumExecFee) {
        boolean closed = !o.status().isOpen();
        BigDecimal leaves = closed ? BigDecimal.ZERO : o.qty().subtract(o.executedQty());
        ObjectNode order = object().put("category", category(o.market())).put("symbol", o.symbol())
                .put("orderId", Long.toString(o.orderId())).put("orderLinkId", o.clientOrderId()).put("blockTradeId", "")
                .put("side", side(o.side())).put("positionIdx", 0).put("orderStatus", status(o))
                .put("cancelType", o.status() == Status.CANCELED ? "CancelByUser" : "UNKNOWN")
                .put("rejectReason", "EC_NoError").put("isLeverage", "0")
                .put("price", o.price() == null ? "0" : plain(o.price())).put("qty", plain(o.qty()))
                .put("avgPrice", o.executedQty().signum() == 0 ? "" : plain(o.avgPrice()))
                .put("leavesQty", plain(leaves)).put("leavesValue", o.price() == null ? "0" : plain(leaves.multiply(o.price())))
                .put("cumExecQty", plain(o.executedQty())).put("cumExecValue", plain(o.cumQuote()))
                .put("cumExecFee", plain(cumExecFee)).put("timeInForce", timeInForce(o))
                .put("orderType", o.type() == OrderType.LIMIT ? "Limit" : "Market").put("stopOrderType", "")
                .put("orderIv", "").put("triggerPrice", "0").put("takeProfit", "0").put("stopLoss", "0")
                .put("triggerBy", "").put("tpTriggerBy", "").put("slTriggerBy", "").put("triggerDirection", 0)
                .put("reduceOnly", false).put("closeOnTrigger", false).put("smpType", "None").put("smpGroup", 0)
                .put("smpOrderId", "").put("createdTime", Long.toString(o.createTime()))
                .put("updatedTime", Long.toString(o.updateTime()));
        if (o.market() == Market.SPOT && o.type() == OrderType.MARKET) {
            order.put("marketUnit", "baseCoin");
        }
        return order;
    }

    /**
     * One fill, as {@code /v5/execution/list} lists it and the {@code execution} topic pushes it. Bybit
     * names the fee's currency ({@code feeCurrency}) for spot fills only; a linear fill pays in the
     * settle coin.
     */
    static ObjectNode execution(SimFill f, SimOrder o, BigDecimal feeRate) {
        ObjectNode execution = object().put("category", category(f.market())).put("symbol", f.symbol())
                .put("orderId", Long.toString(f.orderId())).put("orderLinkId", f.clientOrderId()).put("side", side(f.side()))
                .put("orderPrice", o.price() == null ? "0" : plain(o.price())).put("orderQty", plain(o.qty()))
                .put("leavesQty", plain(o.status().isOpen() ? o.qty().subtract(o.executedQty()) : BigDecimal.ZERO))
                .put("createType", "CreateByUser").put("orderType", o.type() == OrderType.LIMIT ? "Limit" : "Market")
                .put("stopOrderType", "").put("execFee", plain(f.fee())).put("execId", execId(f))
                .put("execPrice", plain(f.price())).put("execQty", plain(f.qty())).put("execType", "Trade")
                .put("execValue", plain(f.quote())).put("execTime", Long.toString(f.time())).put("isMaker", f.maker())
                .put("feeRate", plain(feeRate)).put("tradeIv", "").put("markIv", "").put("markPrice", "")
                .put("indexPrice", "").put("underlyingPrice", "").put("blockTradeId", "").put("isLeverage", "0")
                .put("seq", f.tradeId());
        if (f.market() == Market.SPOT) {
            execution.put("feeCurrency", f.feeAsset());
        }
        return execution;
    }

    /** Bybit's execution ids are UUIDs; the simulator's are derived from its trade id. */
    static String execId(SimFill f) {
        return UUID.nameUUIDFromBytes(("bybit-execution-" + f.tradeId()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** An {@code orderbook.N.SYMBOL} message: {@code u} the topic's own update id, {@code seq} the book's cross sequence. */
    static ObjectNode book(String topic, boolean snapshot, long ts, String symbol, List<Level> bids, List<Level> asks, long u,
                           long seq, long cts) {
        ObjectNode root = object().put("topic", topic).put("type", snapshot ? "snapshot" : "delta").put("ts", ts);
        ObjectNode data = root.putObject("data").put("s", symbol);
        levels(data.putArray("b"), bids);
        levels(data.putArray("a"), asks);
        data.put("u", u).put("seq", seq);
        return root.put("cts", cts);
    }

    private static void levels(ArrayNode out, List<Level> levels) {
        for (Level level : levels) {
            out.addArray().add(level.price().toPlainString()).add(level.qty().toPlainString());
        }
    }
}

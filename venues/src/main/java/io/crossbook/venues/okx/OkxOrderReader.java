package io.crossbook.venues.okx;

import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * Reads OKX v5 orders and fills: the REST order answers ({@code /trade/order}, {@code /trade/orders-pending}),
 * the {@code orders} channel of the private stream (the same order fields, plus the latest fill's
 * {@code fill*} fields) and {@code /trade/fills}. OKX writes fees as balance changes, negative when
 * paid; {@link ExchangeTrade} wants what was paid, so the sign is turned.
 */
final class OkxOrderReader {
    private OkxOrderReader() {
    }

    /** One order in OKX's order shape: {@code instId, clOrdId, ordId, side, state, sz, accFillSz, avgPx, px, uTime}. */
    static ExchangeOrder order(JsonNode order) {
        BigDecimal filled = DecimalStrings.read(order, "accFillSz");
        return new ExchangeOrder(text(order, "instId"), order.path("clOrdId").asString(""), text(order, "ordId"),
                side(order), status(text(order, "state")), DecimalStrings.read(order, "sz"), filled,
                filled.signum() == 0 ? null : optionalDecimal(order, "avgPx"), optionalDecimal(order, "px"),
                millis(order, "uTime"));
    }

    /** The fill an {@code orders} channel push carries, or null when the push is not for a fill ({@code tradeId} empty). */
    static ExchangeTrade streamFill(JsonNode order) {
        if (order.path("tradeId").asString("").isEmpty()) {
            return null;
        }
        return new ExchangeTrade(text(order, "instId"), order.path("clOrdId").asString(""), text(order, "ordId"),
                text(order, "tradeId"), DecimalStrings.read(order, "fillSz"), DecimalStrings.read(order, "fillPx"),
                DecimalStrings.read(order, "fillFee").negate(), order.path("fillFeeCcy").asString(""),
                millis(order, "fillTime"));
    }

    /** One entry of {@code GET /api/v5/trade/fills}. */
    static ExchangeTrade restFill(JsonNode fill) {
        return new ExchangeTrade(text(fill, "instId"), fill.path("clOrdId").asString(""), text(fill, "ordId"),
                text(fill, "tradeId"), DecimalStrings.read(fill, "fillSz"), DecimalStrings.read(fill, "fillPx"),
                DecimalStrings.read(fill, "fee").negate(), fill.path("feeCcy").asString(""), millis(fill, "fillTime"));
    }

    /**
     * OKX's order states: {@code live} (open, nothing filled), {@code partially_filled}, {@code filled},
     * {@code canceled}, and {@code mmp_canceled} (cancelled by market-maker protection).
     */
    static OrderStatus status(String state) {
        return switch (state) {
            case "live" -> OrderStatus.NEW;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "canceled", "mmp_canceled" -> OrderStatus.CANCELED;
            default -> throw new MalformedMessageException("unknown OKX order state '" + state + "'");
        };
    }

    static OrderSide side(JsonNode order) {
        return switch (order.path("side").asString("")) {
            case "buy" -> OrderSide.BUY;
            case "sell" -> OrderSide.SELL;
            default -> throw new MalformedMessageException("OKX order side is '" + order.path("side").asString("") + "'");
        };
    }

    /** A decimal field OKX leaves empty for "none" (a market order's {@code px}, an unfilled order's {@code avgPx}): null then. */
    static BigDecimal optionalDecimal(JsonNode node, String field) {
        return node.path(field).asString("").isEmpty() ? null : DecimalStrings.read(node, field);
    }

    static String text(JsonNode node, String field) {
        String value = node.path(field).asString("");
        if (value.isEmpty()) {
            throw new MalformedMessageException("OKX message has no " + field);
        }
        return value;
    }

    static long millis(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedMessageException(field + " is not epoch milliseconds: '" + value + "'");
        }
    }
}

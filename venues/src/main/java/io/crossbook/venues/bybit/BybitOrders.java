package io.crossbook.venues.bybit;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * Bybit v5's order and execution objects. The REST order lists ({@code /v5/order/realtime},
 * {@code /v5/order/history}), the execution list ({@code /v5/execution/list}) and the private stream's
 * {@code order} and {@code execution} topics spell them with the same field names, so one reading
 * serves all of them.
 */
final class BybitOrders {
    /** The execution type of a funding payment, which the execution feeds carry beside real fills. */
    private static final String FUNDING = "Funding";

    private BybitOrders() {
    }

    /**
     * One order. {@code avgPrice} is {@code ""} (unified account) or {@code "0"} while nothing is
     * filled; a market order's {@code price} is the protective limit Bybit set, not ours, so it is left out.
     */
    static ExchangeOrder order(JsonNode order) {
        BigDecimal avgPrice = DecimalStrings.read(order, "avgPrice");
        boolean limit = "Limit".equals(text(order, "orderType"));
        return new ExchangeOrder(text(order, "symbol"), order.path("orderLinkId").asString(""), text(order, "orderId"),
                side(text(order, "side")), status(text(order, "orderStatus")), DecimalStrings.read(order, "qty"),
                DecimalStrings.read(order, "cumExecQty"), avgPrice.signum() == 0 ? null : avgPrice,
                limit ? DecimalStrings.read(order, "price") : null, millis(order, "updatedTime"));
    }

    /**
     * Bybit's order statuses ("Enums Definitions", orderStatus). {@code Cancelled} may carry fills;
     * {@code PartiallyFilledCanceled} is spot's name for that. The conditional-order states
     * {@code Untriggered}, {@code Triggered} and {@code Deactivated} are open, open and cancelled.
     */
    static OrderStatus status(String orderStatus) {
        return switch (orderStatus) {
            case "New", "Untriggered", "Triggered" -> OrderStatus.NEW;
            case "PartiallyFilled" -> OrderStatus.PARTIALLY_FILLED;
            case "Filled" -> OrderStatus.FILLED;
            case "Cancelled", "PartiallyFilledCanceled", "Deactivated" -> OrderStatus.CANCELED;
            case "Rejected" -> OrderStatus.REJECTED;
            default -> throw new MalformedMessageException("unknown Bybit orderStatus '" + orderStatus + "'");
        };
    }

    static OrderSide side(String side) {
        return switch (side) {
            case "Buy" -> OrderSide.BUY;
            case "Sell" -> OrderSide.SELL;
            default -> throw new MalformedMessageException("unknown Bybit side '" + side + "'");
        };
    }

    /** False for funding payments, which the execution feeds list beside the fills. */
    static boolean isFill(JsonNode execution) {
        return !FUNDING.equals(execution.path("execType").asString(""));
    }

    /**
     * One fill. {@code execId} identifies it on the stream and over REST alike; {@code execFee} is
     * positive when paid and negative for a maker rebate, as {@link ExchangeTrade} counts it.
     *
     * @param instrument the instrument traded, for the fee currency when Bybit does not name it; may be
     *                   null when Bybit does
     */
    static ExchangeTrade trade(JsonNode execution, Instrument instrument) {
        return new ExchangeTrade(text(execution, "symbol"), execution.path("orderLinkId").asString(""),
                text(execution, "orderId"), text(execution, "execId"), DecimalStrings.read(execution, "execQty"),
                DecimalStrings.read(execution, "execPrice"), DecimalStrings.read(execution, "execFee"),
                feeAsset(execution, instrument), millis(execution, "execTime"));
    }

    /**
     * The fee's currency: {@code feeCurrency} where Bybit fills it in; otherwise the settle coin for
     * linear contracts (their quote coin), and for spot the rule of the docs' "Spot Fee Currency
     * Instruction": a buy pays in the base coin and a sell in the quote coin, except that a maker
     * fill at a negative (rebate) rate is credited the other way round.
     */
    static String feeAsset(JsonNode execution, Instrument instrument) {
        String named = execution.path("feeCurrency").asString("");
        if (!named.isEmpty()) {
            return named;
        }
        if (instrument == null) {
            throw new MalformedMessageException("Bybit execution " + execution.path("execId").asString("")
                    + " of " + execution.path("symbol").asString("") + " names no fee currency, and the instrument is unknown");
        }
        if (instrument.market() != Market.SPOT) {
            return instrument.quote();
        }
        boolean rebate = execution.path("isMaker").asBoolean(false) && DecimalStrings.read(execution, "feeRate").signum() < 0;
        boolean buy = side(text(execution, "side")) == OrderSide.BUY;
        return buy != rebate ? instrument.base() : instrument.quote();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() && !value.isNumber()) {
            throw new MalformedMessageException("Bybit " + field + " is missing in " + abbreviate(node));
        }
        return value.asString();
    }

    private static long millis(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedMessageException("Bybit " + field + " is not epoch milliseconds: '" + value + "'");
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}

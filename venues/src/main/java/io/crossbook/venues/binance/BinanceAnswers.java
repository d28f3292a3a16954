package io.crossbook.venues.binance;

import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangePosition;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Binance's REST answers about orders, fills and positions, read exactly: spot ({@code /api/v3}) and
 * USDⓈ-M ({@code /fapi}) orders differ in how they report the average price, fills share one shape.
 */
final class BinanceAnswers {
    private BinanceAnswers() {
    }

    /**
     * A spot order ({@code POST}/{@code GET /api/v3/order}, {@code /api/v3/openOrders}). Spot reports
     * no average price: it is the quote amount over the quantity filled ({@code cummulativeQuoteQty},
     * negative for old orders whose amount Binance no longer has).
     */
    static ExchangeOrder spotOrder(JsonNode o) {
        BigDecimal filled = required(o, "executedQty");
        BigDecimal quote = DecimalStrings.read(o, "cummulativeQuoteQty");
        BigDecimal average = filled.signum() > 0 && quote.signum() > 0 ? average(quote, filled) : null;
        return order(o, filled, average);
    }

    /** A USDⓈ-M order ({@code /fapi/v1/order}, {@code /fapi/v1/openOrders}); {@code avgPrice} is zero while nothing is filled. */
    static ExchangeOrder futuresOrder(JsonNode o) {
        BigDecimal average = DecimalStrings.read(o, "avgPrice");
        return order(o, required(o, "executedQty"), average.signum() > 0 ? average : null);
    }

    private static ExchangeOrder order(JsonNode o, BigDecimal filled, BigDecimal averagePrice) {
        return new ExchangeOrder(text(o, "symbol"), text(o, "clientOrderId"), text(o, "orderId"), side(text(o, "side")),
                status(text(o, "status")), required(o, "origQty"), filled, averagePrice, limitPrice(required(o, "price")),
                updateTime(o));
    }

    /** The latest time the answer gives: an order's last update, else the time the request was carried out. */
    private static long updateTime(JsonNode o) {
        for (String field : List.of("updateTime", "transactTime", "workingTime", "time")) {
            if (o.path(field).isNumber()) {
                return o.path(field).asLong();
            }
        }
        throw new MalformedMessageException("Binance's order answer has no time");
    }

    /** The fills of an order: spot {@code /api/v3/myTrades} and USDⓈ-M {@code /fapi/v1/userTrades} share these fields. */
    static List<ExchangeTrade> trades(JsonNode answer, String clientOrderId) {
        List<ExchangeTrade> trades = new ArrayList<>();
        for (JsonNode t : array(answer, "Binance's trade list")) {
            trades.add(new ExchangeTrade(text(t, "symbol"), clientOrderId, text(t, "orderId"), text(t, "id"),
                    required(t, "qty"), required(t, "price"), required(t, "commission"), text(t, "commissionAsset"),
                    t.path("time").asLong()));
        }
        return trades;
    }

    static List<ExchangeOrder> orders(JsonNode answer, boolean spot) {
        List<ExchangeOrder> orders = new ArrayList<>();
        for (JsonNode o : array(answer, "Binance's open orders")) {
            orders.add(spot ? spotOrder(o) : futuresOrder(o));
        }
        return orders;
    }

    /**
     * USDⓈ-M wallet assets ({@code GET /fapi/v3/balance}): what is available is free; the rest of the
     * wallet balance is held as margin. Available can exceed the wallet by unrealised profit, which no
     * order holds, so nothing is locked then.
     */
    static List<Balance> futuresBalances(JsonNode answer) {
        List<Balance> balances = new ArrayList<>();
        for (JsonNode b : array(answer, "Binance's USDⓈ-M balance")) {
            BigDecimal wallet = required(b, "balance");
            BigDecimal available = required(b, "availableBalance");
            if (wallet.signum() != 0 || available.signum() != 0) {
                balances.add(new Balance(text(b, "asset"), available, wallet.subtract(available).max(BigDecimal.ZERO)));
            }
        }
        return balances;
    }

    /** Open USDⓈ-M positions ({@code GET /fapi/v3/positionRisk}): {@code positionAmt} is signed, short negative. */
    static List<ExchangePosition> positions(JsonNode answer) {
        List<ExchangePosition> positions = new ArrayList<>();
        for (JsonNode p : array(answer, "Binance's position list")) {
            BigDecimal qty = required(p, "positionAmt");
            if (qty.signum() != 0) {
                positions.add(new ExchangePosition(text(p, "symbol"), qty, required(p, "entryPrice")));
            }
        }
        return positions;
    }

    /**
     * Binance's order statuses, spot and USDⓈ-M alike: {@code PENDING_NEW} is a spot order list's order
     * waiting for the one before it, {@code EXPIRED_IN_MATCH} one expired by self-trade prevention.
     */
    static OrderStatus status(String status) {
        return switch (status) {
            case "NEW", "PENDING_NEW" -> OrderStatus.NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            default -> throw new MalformedMessageException("unknown Binance order status '" + status + "'");
        };
    }

    static OrderSide side(String side) {
        return switch (side) {
            case "BUY" -> OrderSide.BUY;
            case "SELL" -> OrderSide.SELL;
            default -> throw new MalformedMessageException("unknown Binance order side '" + side + "'");
        };
    }

    /** Binance writes a zero price for orders that have none (market orders). */
    static BigDecimal limitPrice(BigDecimal price) {
        return price.signum() > 0 ? price : null;
    }

    /** An average price: exact where the division terminates, 34 significant digits where it does not. */
    static BigDecimal average(BigDecimal quote, BigDecimal qty) {
        return quote.divide(qty, MathContext.DECIMAL128).stripTrailingZeros();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new MalformedMessageException("Binance's answer has no " + field);
        }
        return value.asString();
    }

    static BigDecimal required(JsonNode node, String field) {
        if (!node.has(field)) {
            throw new MalformedMessageException("Binance's answer has no " + field);
        }
        return DecimalStrings.read(node, field);
    }

    private static JsonNode array(JsonNode answer, String what) {
        if (!answer.isArray()) {
            throw new MalformedMessageException(what + " is not an array");
        }
        return answer;
    }
}

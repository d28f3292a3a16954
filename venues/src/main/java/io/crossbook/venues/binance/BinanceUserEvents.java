package io.crossbook.venues.binance;

import static io.crossbook.venues.binance.BinanceAnswers.required;
import static io.crossbook.venues.binance.BinanceAnswers.side;
import static io.crossbook.venues.binance.BinanceAnswers.status;
import static io.crossbook.venues.binance.BinanceAnswers.text;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.PrivateStream;
import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order updates and fills from Binance's user data streams: spot {@code executionReport} and USDⓈ-M
 * {@code ORDER_TRADE_UPDATE}. A fill (execution type {@code TRADE}) is handed over before the order
 * state it leads to, with its trade id, so that the same fill read again over REST is known.
 */
final class BinanceUserEvents {
    private BinanceUserEvents() {
    }

    static JsonNode parse(String text) {
        try {
            return JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            throw new MalformedMessageException("a Binance user data message is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * A spot order's new state. On a cancel, {@code c} is the cancel request's own id and {@code C}
     * the order's; the average price is the quote amount over the quantity filled ({@code Z}/{@code z}).
     */
    static void executionReport(JsonNode e, PrivateStream.Listener listener) {
        String symbol = text(e, "s");
        String original = optionalText(e, "C");
        String clientOrderId = original.isEmpty() ? text(e, "c") : original;
        String orderId = text(e, "i");
        long time = e.path("T").asLong();
        if ("TRADE".equals(text(e, "x"))) {
            listener.trade(new ExchangeTrade(symbol, clientOrderId, orderId, text(e, "t"), required(e, "l"), required(e, "L"),
                    DecimalStrings.read(e, "n"), optionalText(e, "N"), time));
        }
        BigDecimal filled = required(e, "z");
        BigDecimal quote = DecimalStrings.read(e, "Z");
        BigDecimal average = filled.signum() > 0 && quote.signum() > 0 ? BinanceAnswers.average(quote, filled) : null;
        listener.order(new ExchangeOrder(symbol, clientOrderId, orderId, side(text(e, "S")), status(text(e, "X")),
                required(e, "q"), filled, average, BinanceAnswers.limitPrice(required(e, "p")), time));
    }

    /** A USDⓈ-M order's new state, under {@code o}; {@code ap} is zero while nothing is filled, the commission absent when there is none. */
    static void orderTradeUpdate(JsonNode event, PrivateStream.Listener listener) {
        JsonNode o = event.path("o");
        if (!o.isObject()) {
            throw new MalformedMessageException("Binance's ORDER_TRADE_UPDATE has no order");
        }
        String symbol = text(o, "s");
        String clientOrderId = text(o, "c");
        String orderId = text(o, "i");
        long time = o.path("T").asLong(event.path("T").asLong());
        if ("TRADE".equals(text(o, "x"))) {
            listener.trade(new ExchangeTrade(symbol, clientOrderId, orderId, text(o, "t"), required(o, "l"), required(o, "L"),
                    DecimalStrings.read(o, "n"), optionalText(o, "N"), time));
        }
        BigDecimal average = DecimalStrings.read(o, "ap");
        listener.order(new ExchangeOrder(symbol, clientOrderId, orderId, side(text(o, "S")), status(text(o, "X")),
                required(o, "q"), required(o, "z"), average.signum() > 0 ? average : null,
                BinanceAnswers.limitPrice(required(o, "p")), time));
    }

    /**
     * The stream ended while its socket stays open (spot {@code eventStreamTerminated}, USDⓈ-M
     * {@code listenKeyExpired}): thrown so that the connection drops the socket and subscribes again.
     */
    static ExchangeRejectedException ended(String event) {
        return new ExchangeRejectedException(Venue.BINANCE, 200, event, "Binance ended the user data stream; subscribing again");
    }

    /** A text field that may be absent, null or empty ({@code N} when no commission was charged), as "". */
    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asString();
    }
}

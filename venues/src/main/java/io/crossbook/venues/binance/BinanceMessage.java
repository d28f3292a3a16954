package io.crossbook.venues.binance;

import io.crossbook.core.model.Side;
import io.crossbook.venues.common.DepthUpdate;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.DecimalField;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One Binance market-data message read in a single streaming pass into reusable fields: a depth
 * diff, a REST depth snapshot, a bookTicker, a trade or aggTrade, bare or inside the combined
 * stream's {@code {"stream":..,"data":..}} wrapper. Depth levels go into the handler's
 * {@link DepthUpdate}.
 */
final class BinanceMessage {
    enum Type { DEPTH, SNAPSHOT, TICKER, TRADE, OTHER }

    static final long ABSENT = Long.MIN_VALUE;

    Type type;
    String event;
    String symbol;
    long firstId;
    long lastId;
    long prevLastId;
    long lastUpdateId;
    long eventTime;
    long transactionTime;
    long tradeId;
    boolean buyerIsMaker;
    final DecimalField bidPrice = new DecimalField("b");
    final DecimalField bidQty = new DecimalField("B");
    final DecimalField askPrice = new DecimalField("a");
    final DecimalField askQty = new DecimalField("A");
    final DecimalField price = new DecimalField("p");
    final DecimalField qty = new DecimalField("q");

    void read(JsonParser p, DepthUpdate update) {
        event = null;
        symbol = null;
        firstId = lastId = prevLastId = lastUpdateId = eventTime = transactionTime = tradeId = ABSENT;
        buyerIsMaker = false;
        bidPrice.clear();
        bidQty.clear();
        askPrice.clear();
        askQty.clear();
        price.clear();
        qty.clear();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedMessageException("not a JSON object");
        }
        readObject(p, update);
        type = classify();
    }

    private Type classify() {
        if (lastUpdateId != ABSENT) {
            return Type.SNAPSHOT;
        }
        if ("depthUpdate".equals(event)) {
            require(symbol != null && firstId != ABSENT && lastId != ABSENT && eventTime != ABSENT,
                    "depthUpdate without s, U, u or E");
            return Type.DEPTH;
        }
        if ("trade".equals(event) || "aggTrade".equals(event)) {
            require(symbol != null && price.present() && qty.present(), "trade without s, p or q");
            return Type.TRADE;
        }
        if ("bookTicker".equals(event) || event == null && bidPrice.present() && askPrice.present()) {
            require(symbol != null && lastId != ABSENT && bidQty.present() && askQty.present(),
                    "bookTicker without s, u, B or A");
            return Type.TICKER;
        }
        return Type.OTHER;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new MalformedMessageException(problem);
        }
    }

    private void readObject(JsonParser p, DepthUpdate update) {
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "data" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw new MalformedMessageException("data is not an object");
                    }
                    readObject(p, update);
                }
                case "e" -> event = p.getText();
                case "s", "symbol" -> symbol = p.getText();
                case "U" -> firstId = p.getLongValue();
                case "u" -> lastId = p.getLongValue();
                case "pu" -> prevLastId = p.getLongValue();
                case "E" -> eventTime = p.getLongValue();
                case "T" -> transactionTime = p.getLongValue();
                case "lastUpdateId" -> lastUpdateId = p.getLongValue();
                case "bids" -> update.readLevels(p, Side.BID);
                case "asks" -> update.readLevels(p, Side.ASK);
                case "b" -> {
                    if (t == JsonToken.START_ARRAY) {
                        update.readLevels(p, Side.BID);
                    } else {
                        bidPrice.read(p, false);
                    }
                }
                case "a" -> {
                    if (t == JsonToken.START_ARRAY) {
                        update.readLevels(p, Side.ASK);
                    } else if (t == JsonToken.VALUE_NUMBER_INT) {
                        tradeId = p.getLongValue(); // aggTrade's aggregate trade id
                    } else {
                        askPrice.read(p, false);
                    }
                }
                case "B" -> bidQty.read(p, false);
                case "A" -> askQty.read(p, false);
                case "p" -> price.read(p, false);
                case "q" -> qty.read(p, false);
                case "t" -> tradeId = p.getLongValue();
                case "m" -> buyerIsMaker = t == JsonToken.VALUE_TRUE;
                default -> p.skipChildren();
            }
        }
    }
}

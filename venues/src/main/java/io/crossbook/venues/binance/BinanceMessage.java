package io.crossbook.venues.binance;

import io.crossbook.core.model.Side;
import io.crossbook.venues.common.DecimalField;
import io.crossbook.venues.common.DepthUpdate;
import io.crossbook.venues.common.JsonCursor;
import io.crossbook.venues.common.MalformedMessageException;

/**
 * One Binance market-data message read in a single pass into reusable fields: a depth diff, a
 * REST depth snapshot, a bookTicker, a trade or aggTrade, bare or inside the combined stream's
 * {@code {"stream":..,"data":..}} wrapper. Depth levels go into the handler's {@link DepthUpdate}.
 */
final class BinanceMessage {
    enum Type { DEPTH, SNAPSHOT, TICKER, TRADE, OTHER }

    private enum Event { NONE, DEPTH_UPDATE, BOOK_TICKER, TRADE, OTHER }

    static final long ABSENT = Long.MIN_VALUE;

    Type type;
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
    private Event event;
    private String lastSymbol; // nearly every message names the same few symbols: reuse the String

    void read(JsonCursor c, DepthUpdate update) {
        event = Event.NONE;
        symbol = null;
        firstId = lastId = prevLastId = lastUpdateId = eventTime = transactionTime = tradeId = ABSENT;
        buyerIsMaker = false;
        bidPrice.clear();
        bidQty.clear();
        askPrice.clear();
        askQty.clear();
        price.clear();
        qty.clear();
        if (c.peek() != '{') {
            throw new MalformedMessageException("not a JSON object");
        }
        readObject(c, update);
        type = classify();
    }

    private Type classify() {
        if (lastUpdateId != ABSENT) {
            return Type.SNAPSHOT;
        }
        switch (event) {
            case DEPTH_UPDATE -> {
                require(symbol != null && firstId != ABSENT && lastId != ABSENT && eventTime != ABSENT,
                        "depthUpdate without s, U, u or E");
                return Type.DEPTH;
            }
            case TRADE -> {
                require(symbol != null && price.present() && qty.present(), "trade without s, p or q");
                return Type.TRADE;
            }
            case BOOK_TICKER, NONE -> {
                if (event == Event.NONE && !(bidPrice.present() && askPrice.present())) {
                    return Type.OTHER;
                }
                require(symbol != null && lastId != ABSENT && bidQty.present() && askQty.present(),
                        "bookTicker without s, u, B or A");
                return Type.TICKER;
            }
            default -> {
                return Type.OTHER;
            }
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new MalformedMessageException(problem);
        }
    }

    private void readObject(JsonCursor c, DepthUpdate update) {
        c.beginObject();
        while (c.nextProperty()) {
            if (c.nameIs("e")) {
                event = readEvent(c);
            } else if (c.nameIs("E")) {
                eventTime = c.readLong();
            } else if (c.nameIs("T")) {
                transactionTime = c.readLong();
            } else if (c.nameIs("s") || c.nameIs("symbol")) {
                symbol = c.readString(lastSymbol);
                lastSymbol = symbol;
            } else if (c.nameIs("U")) {
                firstId = c.readLong();
            } else if (c.nameIs("u")) {
                lastId = c.readLong();
            } else if (c.nameIs("pu")) {
                prevLastId = c.readLong();
            } else if (c.nameIs("b")) {
                if (c.peek() == '[') {
                    update.readLevels(c, Side.BID);
                } else {
                    bidPrice.read(c);
                }
            } else if (c.nameIs("a")) {
                char next = c.peek();
                if (next == '[') {
                    update.readLevels(c, Side.ASK);
                } else if (next == '"') {
                    askPrice.read(c);
                } else {
                    tradeId = c.readLong(); // aggTrade's aggregate trade id
                }
            } else if (c.nameIs("B")) {
                bidQty.read(c);
            } else if (c.nameIs("A")) {
                askQty.read(c);
            } else if (c.nameIs("p")) {
                price.read(c);
            } else if (c.nameIs("q")) {
                qty.read(c);
            } else if (c.nameIs("t")) {
                tradeId = c.readLong();
            } else if (c.nameIs("m")) {
                buyerIsMaker = c.readBoolean();
            } else if (c.nameIs("data")) {
                if (c.peek() != '{') {
                    throw new MalformedMessageException("data is not an object");
                }
                readObject(c, update);
            } else if (c.nameIs("lastUpdateId")) {
                lastUpdateId = c.readLong();
            } else if (c.nameIs("bids")) {
                update.readLevels(c, Side.BID);
            } else if (c.nameIs("asks")) {
                update.readLevels(c, Side.ASK);
            } else {
                c.skipValue();
            }
        }
    }

    private static Event readEvent(JsonCursor c) {
        if (c.stringIs("depthUpdate")) {
            return Event.DEPTH_UPDATE;
        }
        if (c.stringIs("bookTicker")) {
            return Event.BOOK_TICKER;
        }
        if (c.stringIs("trade") || c.stringIs("aggTrade")) {
            return Event.TRADE;
        }
        c.skipValue();
        return Event.OTHER;
    }
}

package io.crossbook.venues.bybit;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.clean.BookCleaner;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import io.crossbook.core.model.Ticker;
import io.crossbook.core.model.Trade;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.bybit.BybitTopics.Channel;
import io.crossbook.venues.common.DecimalField;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MessageKind;
import io.crossbook.venues.common.ResyncRequester;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Bybit v5 public market data of one market (spot or linear): the depth book, best bid/ask from
 * the level-1 book, and public trades.
 *
 * <p>The depth book follows Bybit's documented rules ("Orderbook", v5): a snapshot replaces the
 * local book whenever it comes; a delta applies only if its update id {@code u} is the previous
 * one plus one; a message with {@code u = 1} is data re-sent after a service restart and
 * overwrites the book like a snapshot, whatever its type. Any other break in the chain empties
 * the book and asks for a re-subscription, and deltas are ignored until its snapshot arrives.
 *
 * <p>A message is parsed whole before it changes anything, and the envelope's fields may come in
 * any order except one: {@code topic} must precede {@code data}, as in every message Bybit sends,
 * because the topic says how to read the data.
 */
public final class BybitFeedHandler extends FeedHandler<BybitSymbolFeed> {
    private final DecimalField levelPrice = new DecimalField("price");
    private final DecimalField levelQty = new DecimalField("quantity");
    private final DecimalField tradePrice = new DecimalField("trade price p");
    private final DecimalField tradeQty = new DecimalField("trade size v");
    private final Envelope envelope = new Envelope();
    /** A message's trades, published only once the whole message has parsed. */
    private final List<Trade> trades = new ArrayList<>();

    public BybitFeedHandler(Market market, Map<String, Instrument> instruments, CleaningRules rules,
                            MarketDataListener listener, ResyncRequester resync) {
        super(Venue.BYBIT, market, instruments, rules, listener, resync);
    }

    @Override
    protected BybitSymbolFeed newSymbol(String symbol, OrderBook book, BookCleaner cleaner) {
        return new BybitSymbolFeed(symbol, book, cleaner);
    }

    @Override
    protected void onRestart(BybitSymbolFeed s) {
        s.depthSynced = false;
    }

    @Override
    protected MessageKind handle(long receiveNanos, String text) {
        try (JsonParser p = parser(text)) {
            return handle(receiveNanos, p);
        }
    }

    private MessageKind handle(long receiveNanos, JsonParser p) {
        Envelope m = envelope;
        m.clear();
        trades.clear();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedMessageException("expected a JSON object");
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "topic" -> readTopic(p, m);
                case "type" -> m.type = readType(p);
                case "ts" -> m.ts = readTime(p);
                case "cts" -> m.cts = readTime(p);
                case "data" -> readData(p, m, receiveNanos);
                default -> p.skipChildren();
            }
        }
        if (m.channel == null) {
            return MessageKind.OTHER; // subscribe acks, pongs and errors carry no topic
        }
        return switch (m.channel) {
            case BOOK -> onBook(m.requireData(), receiveNanos);
            case BEST_QUOTE -> onBestQuote(m.requireData(), receiveNanos);
            case TRADES -> {
                m.requireData();
                yield publishTrades();
            }
            case OTHER -> MessageKind.OTHER;
        };
    }

    private void readTopic(JsonParser p, Envelope m) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedMessageException("topic is not a string");
        }
        if (m.channel != null) {
            throw new MalformedMessageException("more than one topic");
        }
        String topic = p.getString();
        m.channel = BybitTopics.channel(topic);
        if (m.channel != Channel.OTHER) {
            m.feed = symbol(BybitTopics.symbol(topic));
        }
    }

    private void readData(JsonParser p, Envelope m, long receiveNanos) {
        if (m.channel == Channel.BOOK || m.channel == Channel.BEST_QUOTE) {
            readBookData(p, m);
        } else if (m.channel == Channel.TRADES) {
            readTrades(p, m.feed, receiveNanos);
        } else {
            p.skipChildren(); // no topic yet, or one we do not use
            return;
        }
        m.dataRead = true;
    }

    private void readBookData(JsonParser p, Envelope m) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedMessageException("order book data is not an object");
        }
        boolean depth = m.channel == Channel.BOOK;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "b" -> {
                    if (depth) {
                        update.readLevels(p, Side.BID);
                    } else {
                        readBestLevel(p, m.bid, Side.BID);
                    }
                }
                case "a" -> {
                    if (depth) {
                        update.readLevels(p, Side.ASK);
                    } else {
                        readBestLevel(p, m.ask, Side.ASK);
                    }
                }
                case "u" -> m.updateId = readLong(p, "u");
                default -> p.skipChildren();
            }
        }
    }

    /** Keeps the first (best) level of a level-1 book side; an empty side stays absent. */
    private void readBestLevel(JsonParser p, Quote into, Side side) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedMessageException("expected an array of " + side + " levels");
        }
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            levelPrice.read(p, false);
            levelPrice.requirePositive();
            p.nextToken();
            levelQty.read(p, false);
            if (!into.present) {
                into.set(levelPrice.value(), levelPrice.scale(), levelQty.value(), levelQty.scale());
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedMessageException("expected a [price, qty] level in the " + side + " levels");
        }
    }

    private void readTrades(JsonParser p, BybitSymbolFeed s, long receiveNanos) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedMessageException("trade data is not an array");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long time = -1;
            Side aggressor = null;
            String id = null;
            tradePrice.clear();
            tradeQty.clear();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "T" -> time = readLong(p, "trade time T");
                    case "S" -> aggressor = readTakerSide(p);
                    case "p" -> tradePrice.read(p, false);
                    case "v" -> tradeQty.read(p, false);
                    case "i" -> id = readString(p, "trade id");
                    default -> p.skipChildren();
                }
            }
            if (time < 0 || aggressor == null || id == null || !tradePrice.present() || !tradeQty.present()) {
                throw new MalformedMessageException("a trade lacks one of T, S, p, v, i");
            }
            tradePrice.requirePositive();
            tradeQty.requirePositive();
            // The book's scales where they suffice, so that trade and book prices compare directly.
            int ps = Math.max(tradePrice.scale(), s.book.priceScale());
            int qs = Math.max(tradeQty.scale(), s.book.qtyScale());
            trades.add(new Trade(s.book.instrument(), id, tradePrice.at(ps), tradeQty.at(qs), ps, qs, aggressor, time,
                    receiveNanos));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedMessageException("trade data holds something other than trades");
        }
    }

    private MessageKind onBook(Envelope m, long receiveNanos) {
        BybitSymbolFeed s = m.feed;
        long exchangeTime = m.requireBookFields();
        long u = m.updateId;
        if (m.type == MessageType.SNAPSHOT || u == 1) {
            s.book.reset("replaced by a snapshot");
            s.depthSynced = true;
            s.depthUpdateId = u;
            apply(s, u, exchangeTime, receiveNanos);
        } else if (!s.depthSynced) {
            return MessageKind.BOOK; // before the first snapshot or after a gap: only a snapshot can help
        } else if (u != s.depthUpdateId + 1) {
            fail(s, AnomalyKind.SEQUENCE_GAP, "update id " + u + " after " + s.depthUpdateId, receiveNanos);
        } else {
            s.depthUpdateId = u;
            apply(s, u, exchangeTime, receiveNanos);
        }
        return MessageKind.BOOK;
    }

    private MessageKind onBestQuote(Envelope m, long receiveNanos) {
        BybitSymbolFeed s = m.feed;
        long exchangeTime = m.requireBookFields();
        long u = m.updateId;
        boolean restart = u == 1; // after a service restart the ids start again at 1
        if (m.type == MessageType.DELTA && !restart) {
            return MessageKind.TICKER; // Bybit sends the level-1 book as snapshots only: nothing to apply a delta to
        }
        if (u < s.bestQuoteUpdateId && !restart) {
            return MessageKind.TICKER; // older than the quote already published
        }
        s.bestQuoteUpdateId = u;
        Quote bid = m.bid;
        Quote ask = m.ask;
        if (bid.present && ask.present) { // with a side empty there is no best bid/ask to report
            int ps = Math.max(s.book.priceScale(), Math.max(bid.priceScale, ask.priceScale));
            int qs = Math.max(s.book.qtyScale(), Math.max(bid.qtyScale, ask.qtyScale));
            listener.onTicker(new Ticker(s.book.instrument(),
                    FixedPoint.rescale(bid.price, bid.priceScale, ps), FixedPoint.rescale(bid.qty, bid.qtyScale, qs),
                    FixedPoint.rescale(ask.price, ask.priceScale, ps), FixedPoint.rescale(ask.qty, ask.qtyScale, qs),
                    ps, qs, u, exchangeTime, receiveNanos));
        }
        return MessageKind.TICKER;
    }

    private MessageKind publishTrades() {
        for (int i = 0; i < trades.size(); i++) {
            listener.onTrade(trades.get(i));
        }
        return MessageKind.TRADE;
    }

    /** Read leniently: only order book messages need a type, and they check it once parsed. */
    private static MessageType readType(JsonParser p) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return MessageType.OTHER;
        }
        if (stringEquals(p, "snapshot")) {
            return MessageType.SNAPSHOT;
        }
        return stringEquals(p, "delta") ? MessageType.DELTA : MessageType.OTHER;
    }

    private static Side readTakerSide(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            if (stringEquals(p, "Buy")) {
                return Side.BID;
            }
            if (stringEquals(p, "Sell")) {
                return Side.ASK;
            }
        }
        throw new MalformedMessageException("taker side S is neither Buy nor Sell");
    }

    /** An epoch-millisecond time, or -1 if it is not one; order book messages check it once parsed. */
    private static long readTime(JsonParser p) {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            p.skipChildren();
            return -1;
        }
        return Math.max(-1, p.getLongValue());
    }

    private static long readLong(JsonParser p, String what) {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedMessageException(what + " is not an integer");
        }
        return p.getLongValue();
    }

    private static String readString(JsonParser p, String what) {
        if (p.currentToken() != JsonToken.VALUE_STRING || p.getStringLength() == 0) {
            throw new MalformedMessageException(what + " is not a non-empty string");
        }
        return p.getString();
    }

    /** Compares the current string token without materialising it. */
    private static boolean stringEquals(JsonParser p, String expected) {
        int len = p.getStringLength();
        if (len != expected.length()) {
            return false;
        }
        char[] chars = p.getStringCharacters();
        int off = p.getStringOffset();
        for (int i = 0; i < len; i++) {
            if (chars[off + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The envelope's {@code type}; OTHER also when it is absent. */
    private enum MessageType { SNAPSHOT, DELTA, OTHER }

    /** One side of a level-1 book message, as parsed, before it is published. */
    private static final class Quote {
        boolean present;
        long price;
        int priceScale;
        long qty;
        int qtyScale;

        void set(long price, int priceScale, long qty, int qtyScale) {
            this.present = true;
            this.price = price;
            this.priceScale = priceScale;
            this.qty = qty;
            this.qtyScale = qtyScale;
        }
    }

    /** The fields of one message, reused from message to message. */
    private static final class Envelope {
        Channel channel;
        BybitSymbolFeed feed;
        MessageType type;
        long ts;
        long cts;
        long updateId;
        boolean dataRead;
        final Quote bid = new Quote();
        final Quote ask = new Quote();

        void clear() {
            channel = null;
            feed = null;
            type = MessageType.OTHER;
            ts = -1;
            cts = -1;
            updateId = -1;
            dataRead = false;
            bid.present = false;
            ask.present = false;
        }

        /** A topic we use promises data; a message without it (or with it before the topic) is broken. */
        Envelope requireData() {
            if (!dataRead) {
                throw new MalformedMessageException("no data after the topic");
            }
            return this;
        }

        /**
         * Checks what every order book message must carry and returns its exchange time: the
         * matching engine's {@code cts} where given, else the message's {@code ts}.
         */
        long requireBookFields() {
            if (type != MessageType.SNAPSHOT && type != MessageType.DELTA) {
                throw new MalformedMessageException("order book message type is neither snapshot nor delta");
            }
            if (updateId < 1) {
                throw new MalformedMessageException("order book message without a positive update id u");
            }
            long time = cts >= 0 ? cts : ts;
            if (time < 0) {
                throw new MalformedMessageException("order book message without ts or cts");
            }
            return time;
        }
    }
}

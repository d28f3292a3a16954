package io.crossbook.venues.okx;

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
import io.crossbook.venues.common.DecimalField;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MessageKind;
import io.crossbook.venues.common.ResyncRequester;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * OKX v5 public market data: the {@code books} (400 levels), {@code tickers} and {@code trades}
 * channels of one market (SPOT, or SWAP for {@link Market#LINEAR} and {@link Market#INVERSE}).
 *
 * <p>A {@code books} snapshot replaces the book, whenever it comes. An update continues the book
 * only if its {@code prevSeqId} is the {@code seqId} of the last message; OKX documents two cases
 * that this rule already covers: a keep-alive update without levels whose {@code seqId} equals its
 * {@code prevSeqId}, and a sequence reset after maintenance, whose {@code seqId} is smaller than
 * its {@code prevSeqId}. Messages recorded before OKX added sequence ids are guarded by the
 * checksum alone. After every message the book's top 25 levels must match the message's checksum
 * ({@link OkxChecksum}); a zero checksum is not checked, because OKX has announced that the field
 * will always be 0 once checksums are retired, leaving the sequence ids to guard the book. A gap or
 * a checksum mismatch empties the book and asks for a re-subscription; updates are ignored until
 * the snapshot that follows it.
 */
public final class OkxFeedHandler extends FeedHandler<OkxBookFeed> {
    private final OkxChecksum checksum = new OkxChecksum();
    private final BookEntry entry = new BookEntry();
    private final DecimalField bidPrice = new DecimalField("bidPx");
    private final DecimalField bidQty = new DecimalField("bidSz");
    private final DecimalField askPrice = new DecimalField("askPx");
    private final DecimalField askQty = new DecimalField("askSz");
    private final DecimalField tradePrice = new DecimalField("px");
    private final DecimalField tradeQty = new DecimalField("sz");

    public OkxFeedHandler(Market market, Map<String, Instrument> instruments, CleaningRules rules,
                          MarketDataListener listener, ResyncRequester resync) {
        super(Venue.OKX, market, instruments, rules, listener, resync);
    }

    @Override
    protected OkxBookFeed newSymbol(String symbol, OrderBook book, BookCleaner cleaner) {
        return new OkxBookFeed(symbol, book, cleaner);
    }

    @Override
    protected void onRestart(OkxBookFeed s) {
        s.awaitingSnapshot = true;
        s.lastSeqId = OkxBookFeed.NO_SEQ_ID;
    }

    @Override
    protected MessageKind handle(long receiveNanos, String text) {
        try (JsonParser p = parser(text)) {
            return handle(receiveNanos, p);
        }
    }

    private MessageKind handle(long receiveNanos, JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedMessageException("not a JSON object");
        }
        boolean argRead = false;
        Channel channel = null;
        OkxBookFeed s = null;
        String action = null;
        boolean data = false;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            switch (name) {
                case "event" -> {
                    return MessageKind.OTHER; // subscription acks, errors and notices: no market data
                }
                case "arg" -> {
                    if (argRead) {
                        throw new MalformedMessageException("two args");
                    }
                    argRead = true;
                    Arg arg = readArg(p);
                    channel = Channel.of(arg.channel);
                    if (channel != null) {
                        s = symbol(arg.instId);
                    }
                }
                case "action" -> action = readString(p, "action");
                case "data" -> {
                    if (channel == null) {
                        p.skipChildren(); // a channel this handler does not follow, or no arg before it
                    } else {
                        data = true;
                        switch (channel) {
                            case BOOKS -> readBooks(s, action, p, receiveNanos);
                            case TICKERS -> readTickers(s, p, receiveNanos);
                            case TRADES -> readTrades(s, p, receiveNanos);
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (channel == null) {
            return MessageKind.OTHER;
        }
        if (!data) {
            throw new MalformedMessageException(channel.id + " message without data");
        }
        return channel.kind;
    }

    private static Arg readArg(JsonParser p) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedMessageException("arg is not an object");
        }
        String channel = null;
        String instId = null;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            switch (name) {
                case "channel" -> channel = readString(p, "arg.channel");
                case "instId" -> instId = readString(p, "arg.instId");
                default -> p.skipChildren();
            }
        }
        if (channel == null) {
            throw new MalformedMessageException("arg without channel");
        }
        if (instId == null && Channel.of(channel) != null) {
            throw new MalformedMessageException(channel + " arg without instId");
        }
        return new Arg(channel, instId);
    }

    private void readBooks(OkxBookFeed s, String action, JsonParser p, long receiveNanos) {
        boolean snapshot;
        if ("snapshot".equals(action)) {
            snapshot = true;
        } else if ("update".equals(action)) {
            snapshot = false;
        } else {
            throw new MalformedMessageException("books action is '" + action + "', expected snapshot or update first");
        }
        requireArray(p, "data");
        while (p.nextToken() == JsonToken.START_OBJECT) {
            update.begin();
            readBookEntry(p);
            onBookEntry(s, snapshot, receiveNanos);
        }
        requireEndOfArray(p, "data");
    }

    private void readBookEntry(JsonParser p) {
        entry.clear();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            switch (name) {
                case "asks" -> update.readLevels(p, Side.ASK);
                case "bids" -> update.readLevels(p, Side.BID);
                case "ts" -> entry.timeMillis = readMillis(p, "ts");
                case "checksum" -> entry.checksum = readChecksum(p);
                case "seqId" -> entry.seqId = readSequence(p, "seqId");
                case "prevSeqId" -> entry.prevSeqId = readSequence(p, "prevSeqId");
                default -> p.skipChildren();
            }
        }
        if (entry.timeMillis < 0) {
            throw new MalformedMessageException("books entry without ts");
        }
        if (entry.seqId == OkxBookFeed.NO_SEQ_ID && entry.checksum == 0) {
            throw new MalformedMessageException("books entry with neither seqId nor checksum: nothing verifies it");
        }
    }

    private void onBookEntry(OkxBookFeed s, boolean snapshot, long receiveNanos) {
        if (snapshot) {
            s.book.reset("snapshot being applied");
            s.awaitingSnapshot = false;
        } else if (s.awaitingSnapshot || !continuesSequence(s, receiveNanos)) {
            return;
        }
        s.lastSeqId = entry.seqId;
        apply(s, entry.seqId == OkxBookFeed.NO_SEQ_ID ? 0 : entry.seqId, entry.timeMillis, receiveNanos);
    }

    private boolean continuesSequence(OkxBookFeed s, long receiveNanos) {
        if (s.lastSeqId == OkxBookFeed.NO_SEQ_ID) {
            return true;
        }
        if (entry.prevSeqId == OkxBookFeed.NO_SEQ_ID) {
            throw new MalformedMessageException("update without prevSeqId in a stream with seqIds");
        }
        if (entry.prevSeqId != s.lastSeqId) {
            fail(s, AnomalyKind.SEQUENCE_GAP, "prevSeqId " + entry.prevSeqId + " does not follow seqId " + s.lastSeqId,
                    receiveNanos);
            return false;
        }
        return true;
    }

    /** OKX's CRC32 of the top 25 levels, where it still sends one (0 means none since June 2026). */
    @Override
    protected boolean verifyApplied(OkxBookFeed s, long receiveNanos) {
        if (entry.checksum == 0) {
            return true;
        }
        int local = checksum.of(s.book);
        if (local != entry.checksum) {
            fail(s, AnomalyKind.CHECKSUM_MISMATCH, "book checksum " + local + ", OKX sent " + entry.checksum
                    + " (ts " + entry.timeMillis + ")", receiveNanos);
            return false;
        }
        s.cleaner.stats().countChecksumVerified();
        return true;
    }

    private void readTickers(OkxBookFeed s, JsonParser p, long receiveNanos) {
        requireArray(p, "data");
        while (p.nextToken() == JsonToken.START_OBJECT) {
            bidPrice.clear();
            bidQty.clear();
            askPrice.clear();
            askQty.clear();
            long timeMillis = -1;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "bidPx" -> bidPrice.read(p, true);
                    case "bidSz" -> bidQty.read(p, true);
                    case "askPx" -> askPrice.read(p, true);
                    case "askSz" -> askQty.read(p, true);
                    case "ts" -> timeMillis = readMillis(p, "ts");
                    default -> p.skipChildren();
                }
            }
            bidPrice.require();
            bidQty.require();
            askPrice.require();
            askQty.require();
            requireTime(timeMillis, "ticker");
            int ps = Math.max(s.book.priceScale(), Math.max(bidPrice.scale(), askPrice.scale()));
            int qs = Math.max(s.book.qtyScale(), Math.max(bidQty.scale(), askQty.scale()));
            listener.onTicker(new Ticker(s.book.instrument(), bidPrice.at(ps), bidQty.at(qs), askPrice.at(ps),
                    askQty.at(qs), ps, qs, 0, timeMillis, receiveNanos));
        }
        requireEndOfArray(p, "data");
    }

    private void readTrades(OkxBookFeed s, JsonParser p, long receiveNanos) {
        requireArray(p, "data");
        while (p.nextToken() == JsonToken.START_OBJECT) {
            tradePrice.clear();
            tradeQty.clear();
            String tradeId = null;
            Side aggressor = null;
            long timeMillis = -1;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "tradeId" -> tradeId = readString(p, "tradeId");
                    case "px" -> tradePrice.read(p, false);
                    case "sz" -> tradeQty.read(p, false);
                    case "side" -> aggressor = readAggressor(p);
                    case "ts" -> timeMillis = readMillis(p, "ts");
                    default -> p.skipChildren();
                }
            }
            if (tradeId == null || aggressor == null) {
                throw new MalformedMessageException("trade without " + (tradeId == null ? "tradeId" : "side"));
            }
            tradePrice.requirePositive();
            tradeQty.requirePositive();
            requireTime(timeMillis, "trade");
            int ps = Math.max(s.book.priceScale(), tradePrice.scale());
            int qs = Math.max(s.book.qtyScale(), tradeQty.scale());
            listener.onTrade(new Trade(s.book.instrument(), tradeId, tradePrice.at(ps), tradeQty.at(qs), ps, qs,
                    aggressor, timeMillis, receiveNanos));
        }
        requireEndOfArray(p, "data");
    }

    /** OKX's {@code side} is the taker's: a buy lifts the ask. */
    private static Side readAggressor(JsonParser p) {
        String side = readString(p, "side");
        return switch (side) {
            case "buy" -> Side.BID;
            case "sell" -> Side.ASK;
            default -> throw new MalformedMessageException("trade side '" + side + "'");
        };
    }

    private static String readString(JsonParser p, String field) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedMessageException(field + " is not a string");
        }
        return p.getString();
    }

    /** Epoch milliseconds, which OKX sends as a string of digits. */
    private static long readMillis(JsonParser p, String field) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedMessageException(field + " is not a string of epoch milliseconds");
        }
        long millis = FixedPoint.parse(p.getStringCharacters(), p.getStringOffset(), p.getStringLength(), 0);
        if (millis == FixedPoint.INVALID || millis < 0) {
            throw new MalformedMessageException(field + " is not epoch milliseconds: '" + p.getString() + "'");
        }
        return millis;
    }

    private static long readSequence(JsonParser p, String field) {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedMessageException(field + " is not an integer");
        }
        long value = p.getLongValue();
        if (value < -1) {
            throw new MalformedMessageException(field + " " + value + " is below -1");
        }
        return value;
    }

    private static int readChecksum(JsonParser p) {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new MalformedMessageException("checksum is not a 32-bit integer");
        }
        return p.getIntValue();
    }

    private static void requireTime(long timeMillis, String what) {
        if (timeMillis < 0) {
            throw new MalformedMessageException(what + " without ts");
        }
    }

    private static void requireArray(JsonParser p, String field) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedMessageException(field + " is not an array");
        }
    }

    private static void requireEndOfArray(JsonParser p, String field) {
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedMessageException(field + " holds something other than objects");
        }
    }

    /** The channels this handler follows, and what their messages count as. */
    private enum Channel {
        BOOKS("books", MessageKind.BOOK),
        TICKERS("tickers", MessageKind.TICKER),
        TRADES("trades", MessageKind.TRADE);

        final String id;
        final MessageKind kind;

        Channel(String id, MessageKind kind) {
            this.id = id;
            this.kind = kind;
        }

        static Channel of(String id) {
            for (Channel c : values()) {
                if (c.id.equals(id)) {
                    return c;
                }
            }
            return null;
        }
    }

    private record Arg(String channel, String instId) {
    }

    /** The fields of one {@code books} data entry besides its levels, which {@link #update} holds. */
    private static final class BookEntry {
        long timeMillis;
        int checksum;
        long seqId;
        long prevSeqId;

        void clear() {
            timeMillis = -1;
            checksum = 0;
            seqId = OkxBookFeed.NO_SEQ_ID;
            prevSeqId = OkxBookFeed.NO_SEQ_ID;
        }
    }
}

package io.crossbook.venues.binance;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.clean.BookCleaner;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import io.crossbook.core.model.Ticker;
import io.crossbook.core.model.Trade;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.JsonCursor;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MessageKind;
import io.crossbook.venues.common.DecimalField;
import io.crossbook.venues.common.ResyncRequester;
import io.crossbook.venues.common.SymbolFeed;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * Binance spot, USDⓈ-M and COIN-M depth kept in sync by Binance's documented procedure: buffer
 * the diff stream, take a REST snapshot, drop diffs the snapshot already contains, start from the
 * diff that spans the snapshot's {@code lastUpdateId}, then require an unbroken chain —
 * {@code pu == previous u} on futures, {@code U == previous u + 1} on spot.
 *
 * <p>A REST snapshot reaches this handler as a message like any other (live from the REST
 * client, in replay from the recording); when it names no symbol it belongs to the oldest
 * symbol waiting for one, which is why snapshots are requested one symbol at a time.
 *
 * <p>The bookTicker stream doubles as a checksum: when its update id equals the last applied
 * diff's final id, the book's best levels must equal the ticker's, else the book is resynced.
 */
public final class BinanceFeedHandler extends FeedHandler<BinanceFeedHandler.BinanceSymbol> {
    /** Diffs kept while a snapshot is awaited; beyond this the oldest are dropped. */
    private static final int MAX_BUFFERED = 10_000;

    private final boolean futures;
    private final BinanceMessage msg = new BinanceMessage();
    private final JsonCursor cursor = new JsonCursor();
    private final ArrayDeque<BinanceSymbol> awaitingSnapshot = new ArrayDeque<>();

    public BinanceFeedHandler(Market market, Map<String, Instrument> instruments, CleaningRules rules,
                              MarketDataListener listener, ResyncRequester resync) {
        super(Venue.BINANCE, market, instruments, rules, listener, resync);
        this.futures = market != Market.SPOT;
    }

    static final class BinanceSymbol extends SymbolFeed {
        boolean synced;
        boolean snapshotRequested;
        boolean bridged;
        ArrayDeque<Buffered> buffer = new ArrayDeque<>();
        long tickerUpdateId = -1;
        long tickerBid;
        long tickerBidQty;
        long tickerAsk;
        long tickerAskQty;

        BinanceSymbol(String symbol, OrderBook book, BookCleaner cleaner) {
            super(symbol, book, cleaner);
        }
    }

    private record Buffered(long receiveNanos, String text) {
    }

    @Override
    protected BinanceSymbol newSymbol(String symbol, OrderBook book, BookCleaner cleaner) {
        return new BinanceSymbol(symbol, book, cleaner);
    }

    @Override
    protected void onRestart(BinanceSymbol s) {
        s.synced = false;
        s.bridged = false;
        s.buffer.clear();
        s.tickerUpdateId = -1;
        if (!s.snapshotRequested) {
            s.snapshotRequested = true;
            awaitingSnapshot.add(s);
        }
    }

    @Override
    protected void onDisconnected(BinanceSymbol s) {
        onRestart(s);
        // The snapshot is fetched once the new stream delivers its first diff, as on first connect.
        s.snapshotRequested = false;
        awaitingSnapshot.remove(s);
    }

    @Override
    protected MessageKind handle(long receiveNanos, String text) {
        try {
            cursor.reset(text);
            msg.read(cursor, update);
        } catch (RuntimeException e) {
            if (msg.symbol != null) {
                symbol(msg.symbol); // attribute the bad message to its book
            }
            throw e;
        }
        switch (msg.type) {
            case DEPTH -> {
                onDepth(symbol(msg.symbol), receiveNanos, text);
                return MessageKind.BOOK;
            }
            case SNAPSHOT -> {
                BinanceSymbol s = msg.symbol != null ? symbol(msg.symbol) : awaitingSnapshot.peek();
                if (s == null) {
                    return MessageKind.OTHER; // nobody asked for it: nothing to attach it to
                }
                if (msg.symbol == null) {
                    attribute(s);
                }
                onSnapshot(s, receiveNanos);
                return MessageKind.BOOK;
            }
            case TICKER -> {
                onTicker(symbol(msg.symbol), receiveNanos);
                return MessageKind.TICKER;
            }
            case TRADE -> {
                onTrade(symbol(msg.symbol), receiveNanos);
                return MessageKind.TRADE;
            }
            default -> {
                return MessageKind.OTHER;
            }
        }
    }

    private void onDepth(BinanceSymbol s, long receiveNanos, String text) {
        if (!s.synced) {
            if (!s.snapshotRequested) {
                s.snapshotRequested = true;
                awaitingSnapshot.add(s);
                resync.requestResync(s.symbol);
            }
            if (s.buffer.size() == MAX_BUFFERED) {
                s.buffer.poll();
            }
            s.buffer.add(new Buffered(receiveNanos, text));
            return;
        }
        long last = s.book.sequence();
        if (!s.bridged) {
            if (futures ? msg.lastId < last : msg.lastId <= last) {
                return; // already contained in the snapshot
            }
            if (msg.firstId > (futures ? last : last + 1)) {
                // The snapshot is older than the stream: Binance's procedure is to fetch another.
                restart(s);
                s.buffer.add(new Buffered(receiveNanos, text));
                return;
            }
            s.bridged = true;
        } else if (futures ? msg.prevLastId != last : msg.firstId != last + 1) {
            fail(s, AnomalyKind.SEQUENCE_GAP, futures
                    ? "pu " + msg.prevLastId + " after u " + last
                    : "U " + msg.firstId + " after u " + last, receiveNanos);
            s.buffer.add(new Buffered(receiveNanos, text));
            return;
        }
        apply(s, msg.lastId, msg.eventTime, receiveNanos);
        if (s.book.valid() && s.tickerUpdateId != -1 && msg.lastId >= s.tickerUpdateId) {
            if (msg.lastId == s.tickerUpdateId) {
                crossCheck(s, receiveNanos);
            }
            s.tickerUpdateId = -1;
        }
    }

    private void onSnapshot(BinanceSymbol s, long receiveNanos) {
        awaitingSnapshot.remove(s);
        s.snapshotRequested = false;
        s.book.reset("applying snapshot");
        // Diffs buffered before the snapshot carry earlier event times than the snapshot's own: keep
        // the stream's clock, so that bridging them is not mistaken for time running backwards.
        apply(s, msg.lastUpdateId, s.book.exchangeTimeMillis(), receiveNanos);
        if (!s.book.valid()) {
            return; // a crossed snapshot: already flagged and re-requested
        }
        s.synced = true;
        s.bridged = false;
        ArrayDeque<Buffered> buffered = s.buffer;
        s.buffer = new ArrayDeque<>();
        for (Buffered b : buffered) {
            if (!s.synced) {
                s.buffer.add(b);
                continue;
            }
            update.begin();
            cursor.reset(b.text());
            msg.read(cursor, update);
            onDepth(s, b.receiveNanos(), b.text());
        }
    }

    private void onTicker(BinanceSymbol s, long receiveNanos) {
        int ps = Math.max(msg.bidPrice.scale(), msg.askPrice.scale());
        int qs = Math.max(msg.bidQty.scale(), msg.askQty.scale());
        long time = msg.transactionTime != BinanceMessage.ABSENT ? msg.transactionTime
                : msg.eventTime != BinanceMessage.ABSENT ? msg.eventTime : 0;
        listener.onTicker(new Ticker(s.book.instrument(), msg.bidPrice.at(ps), msg.bidQty.at(qs),
                msg.askPrice.at(ps), msg.askQty.at(qs), ps, qs, msg.lastId, time, receiveNanos));
        if (!s.synced || !s.book.valid() || msg.lastId < s.book.sequence()) {
            return;
        }
        int bookPs = s.book.priceScale();
        int bookQs = s.book.qtyScale();
        if (ps > bookPs || qs > bookQs) {
            // More decimals than any level of the book: the book cannot hold this price.
            fail(s, AnomalyKind.CHECKSUM_MISMATCH, "bookTicker precision exceeds the book's", receiveNanos);
            return;
        }
        s.tickerUpdateId = msg.lastId;
        s.tickerBid = msg.bidPrice.at(bookPs);
        s.tickerBidQty = msg.bidQty.at(bookQs);
        s.tickerAsk = msg.askPrice.at(bookPs);
        s.tickerAskQty = msg.askQty.at(bookQs);
        if (msg.lastId == s.book.sequence()) {
            crossCheck(s, receiveNanos);
            s.tickerUpdateId = -1;
        }
    }

    /** The book at update id {@code u} must show the bookTicker's best levels for the same id. */
    private void crossCheck(BinanceSymbol s, long receiveNanos) {
        OrderBook b = s.book;
        boolean bidOk = b.depth(Side.BID) > 0 && b.price(Side.BID, 0) == s.tickerBid && b.qty(Side.BID, 0) == s.tickerBidQty;
        boolean askOk = b.depth(Side.ASK) > 0 && b.price(Side.ASK, 0) == s.tickerAsk && b.qty(Side.ASK, 0) == s.tickerAskQty;
        if (bidOk && askOk) {
            s.cleaner.stats().countChecksumVerified();
        } else {
            fail(s, AnomalyKind.CHECKSUM_MISMATCH, "bookTicker at u " + s.tickerUpdateId
                    + " disagrees with the book's best levels", receiveNanos);
        }
    }

    private void onTrade(BinanceSymbol s, long receiveNanos) {
        DecimalField p = msg.price;
        DecimalField q = msg.qty;
        long time = msg.transactionTime != BinanceMessage.ABSENT ? msg.transactionTime : msg.eventTime;
        listener.onTrade(new Trade(s.book.instrument(), Long.toString(msg.tradeId), p.value(), q.value(), p.scale(),
                q.scale(), msg.buyerIsMaker ? Side.ASK : Side.BID, time, receiveNanos));
    }
}

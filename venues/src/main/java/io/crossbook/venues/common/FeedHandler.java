package io.crossbook.venues.common;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.clean.BookCleaner;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Turns one venue-market's raw messages (WebSocket frames, and REST snapshots where the venue
 * needs them) into book updates, tickers and trades, keeping each book exactly in sync by the
 * exchange's rules. Live and replay feed the same handler; it cannot tell them apart.
 *
 * <p>Single-threaded: all calls come from the one thread that owns this handler's books.
 */
public abstract class FeedHandler<S extends SymbolFeed> {
    private static final Logger LOG = LoggerFactory.getLogger(FeedHandler.class);
    private static final long STALE_CHECK_INTERVAL_NANOS = 100_000_000L;
    // Each feed thread reuses its own parser buffers.
    private static final JsonFactory JSON = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

    protected final Venue venue;
    protected final Market market;
    protected final MarketDataListener listener;
    protected final ResyncRequester resync;
    protected final DepthUpdate update = new DepthUpdate();
    private final CleaningRules rules;
    private final Map<String, Instrument> instruments;
    private final Map<String, S> symbols = new LinkedHashMap<>();
    private S current;
    private long lastStaleCheck;
    private long malformedUnattributed;

    protected FeedHandler(Venue venue, Market market, Map<String, Instrument> instruments, CleaningRules rules,
                          MarketDataListener listener, ResyncRequester resync) {
        this.venue = venue;
        this.market = market;
        this.instruments = instruments;
        this.rules = rules;
        this.listener = listener;
        this.resync = resync;
    }

    public Venue venue() {
        return venue;
    }

    public Market market() {
        return market;
    }

    /**
     * Handles one raw message received at {@code receiveNanos} (epoch ns). Never throws for bad
     * input: a malformed message is flagged and its book resynchronised.
     */
    public final MessageKind onMessage(long receiveNanos, String text) {
        MessageKind kind;
        current = null;
        update.begin();
        try {
            kind = handle(receiveNanos, text);
        } catch (JacksonException e) {
            malformed(current, "not valid JSON: " + e.getOriginalMessage(), receiveNanos);
            kind = MessageKind.OTHER;
        } catch (MalformedMessageException | ArithmeticException e) {
            malformed(current, e.getMessage(), receiveNanos);
            kind = MessageKind.OTHER;
        }
        if (receiveNanos - lastStaleCheck >= STALE_CHECK_INTERVAL_NANOS) {
            checkStale(receiveNanos);
        }
        return kind;
    }

    /**
     * Parses and handles one message, with {@link #update} empty; {@link #parser(String)} gives a
     * Jackson streaming parser over it where the venue uses one. Throw {@link MalformedMessageException} for bad input: the base
     * flags it against the symbol named by {@link #symbol(String)}, if any, and resyncs its book.
     */
    protected abstract MessageKind handle(long receiveNanos, String text);

    /** Creates the venue's per-symbol state around a fresh book. */
    protected abstract S newSymbol(String symbol, OrderBook book, BookCleaner cleaner);

    /** Venue hook after a book was reset: enter the state that waits for a new snapshot. */
    protected abstract void onRestart(S s);

    /**
     * The state for the symbol this message is about, created on its first message. Call it once
     * per message: it counts the message and attributes any failure in it to this symbol.
     */
    protected final S symbol(String symbol) {
        return attribute(symbolState(symbol));
    }

    /** Attributes this message to a symbol found otherwise (e.g. a snapshot that names none). */
    protected final S attribute(S s) {
        current = s;
        s.cleaner.stats().countMessage();
        return s;
    }

    private S symbolState(String symbol) {
        S s = symbols.get(symbol);
        if (s == null) {
            Instrument inst = instruments.get(symbol);
            OrderBook book = new OrderBook(new InstrumentId(venue, market, symbol),
                    inst == null ? 0 : inst.priceScale(), inst == null ? 0 : inst.qtyScale());
            s = newSymbol(symbol, book, new BookCleaner(book, rules, listener::onAnomaly));
            symbols.put(symbol, s);
        }
        return s;
    }

    /** The state for a symbol if it has been seen. */
    protected final S existing(String symbol) {
        return symbols.get(symbol);
    }

    /** A Jackson streaming parser over one message. */
    protected static JsonParser parser(String text) {
        return JSON.createParser(ObjectReadContext.empty(), text);
    }

    /** Symbols this handler has seen, in order of their first message. */
    public final List<String> symbols() {
        return List.copyOf(symbols.keySet());
    }

    /** The exchange's metadata for a symbol, or null when it was not given (a replay without it). */
    public final Instrument instrument(String symbol) {
        return instruments.get(symbol);
    }

    public final OrderBook book(String symbol) {
        S s = symbols.get(symbol);
        return s == null ? null : s.book;
    }

    public final List<FeedStats> stats() {
        List<FeedStats> out = new ArrayList<>(symbols.size());
        for (S s : symbols.values()) {
            out.add(s.cleaner.stats());
        }
        return out;
    }

    /** Malformed messages that could not be attributed to a symbol. */
    public final long malformedUnattributed() {
        return malformedUnattributed;
    }

    /**
     * The book can no longer be trusted: flag why, empty it and ask for a fresh snapshot. Nothing
     * is applied to it until that snapshot arrives.
     */
    protected final void fail(S s, AnomalyKind kind, String detail, long receiveNanos) {
        s.cleaner.reject(kind, detail, receiveNanos);
        restart(s);
    }

    /**
     * Empties the book and asks for a fresh snapshot without flagging an anomaly: for routine
     * restarts that the exchange's own procedure prescribes.
     */
    protected final void restart(S s) {
        s.book.reset(s.book.valid() ? "resynchronising" : s.book.invalidReason());
        listener.onBookInvalid(s.book);
        s.cleaner.resetReference();
        s.cleaner.stats().countResync();
        onRestart(s);
        resync.requestResync(s.symbol);
    }

    /**
     * The connection dropped: every book is emptied and invalid until the reconnected stream
     * brings it back. No anomaly is flagged; the disconnect is the connection's to report.
     */
    public final void disconnected(String reason) {
        for (S s : symbols.values()) {
            s.book.reset("disconnected: " + reason);
            listener.onBookInvalid(s.book);
            s.cleaner.resetReference();
            onDisconnected(s);
        }
        listener.onDisconnect(venue, market, reason, EpochNanos.now());
    }

    /** Venue hook after a disconnect; the reconnection's subscriptions bring fresh snapshots. */
    protected void onDisconnected(S s) {
        onRestart(s);
    }

    /** A malformed message: flagged; the symbol's book, if known, is resynchronised. */
    protected final void malformed(S s, String detail, long receiveNanos) {
        if (s == null) {
            // No book to resync; say so in the log, sparingly if it repeats.
            if (++malformedUnattributed <= 10 || malformedUnattributed % 1000 == 0) {
                LOG.warn("{}:{}: malformed message #{} not attributable to a symbol: {}", venue.id(), market.id(),
                        malformedUnattributed, detail);
            }
        } else {
            fail(s, AnomalyKind.INVALID_MESSAGE, detail, receiveNanos);
        }
    }

    /**
     * Applies {@link #update} to the book and runs QingXi's checks. A crossed book is invalidated
     * and resynchronised; otherwise listeners see the valid book.
     */
    protected final void apply(S s, long sequence, long exchangeTimeMillis, long receiveNanos) {
        update.applyTo(s.book);
        if (!verifyApplied(s, receiveNanos)) {
            return;
        }
        s.book.stamp(sequence, exchangeTimeMillis, receiveNanos);
        if (!s.book.valid()) {
            s.book.markValid();
        }
        if (s.cleaner.afterApply(exchangeTimeMillis, receiveNanos)) {
            listener.onBook(s.book);
        } else {
            restart(s);
        }
    }

    /**
     * Venue hook right after the levels are applied and before anything sees the book: compare an
     * exchange checksum here and return false after {@link #fail} if it does not match.
     */
    protected boolean verifyApplied(S s, long receiveNanos) {
        return true;
    }

    /** Flags books with no update for longer than the configured time. */
    public final void checkStale(long nowNanos) {
        lastStaleCheck = nowNanos;
        for (S s : symbols.values()) {
            s.cleaner.checkStale(nowNanos);
        }
    }
}

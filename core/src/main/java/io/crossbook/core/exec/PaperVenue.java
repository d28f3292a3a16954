package io.crossbook.core.exec;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.engine.EngineClock;
import io.crossbook.core.engine.Scheduler;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Paper trading against the engine's real books, into a {@link PaperAccount}.
 *
 * <p>Fills are honest: an order reaches the matching {@code latency} after it is sent and takes
 * liquidity level by level from the book as the {@link MarketView} shows it then, one
 * {@link OrderEvent.Filled} per level at that level's price, never beyond the limit price and never
 * more than the book shows. The market data stays read-only: a fill does not remove what it took
 * from the displayed book, so consecutive orders each see the current book in full, while within
 * one order the walk takes each level once. Resting orders (GTC, post-only) fill at their own limit
 * price, as a maker's would, for as much as a later book shows at or through that price; they pay
 * the taker rate, the only one known here, which errs on the safe side. Resting orders reserve no
 * balance: funding is checked again at every fill. A cancel travels with the same latency as an order.
 *
 * <p>Runs on the engine thread; every event is delivered through the {@link Scheduler}, never inside
 * {@link #submit} or {@link #cancel}.
 */
public final class PaperVenue implements ExecutionVenue {
    private static final String VALIDATION_ERROR = "VALIDATION_ERROR";
    private static final String DEPTH_EXHAUSTED = "book depth exhausted";
    private static final String LIMIT_REACHED = "limit reached";
    private static final String INSUFFICIENT_FUNDS = "insufficient funds";

    /** An order still open at the paper venue, as the API shows it; {@code ts} is when it was sent, epoch ms. */
    public record OpenOrder(String clientOrderId, InstrumentId instrument, OrderSide side, BigDecimal qty,
                            BigDecimal filledQty, BigDecimal limitPrice, long ts) {
    }

    private record Refusal(String code, String message) {
    }

    /** A quantity to fill at one price. */
    private record Piece(BigDecimal price, BigDecimal qty) {
    }

    /** What walking a book side offers an order: the pieces, what is left, and why the walk stopped (null: complete). */
    private record Walk(List<Piece> pieces, BigDecimal remaining, String stop) {
    }

    /** An order the venue still works on; mutable, owned by the venue. */
    private static final class WorkingOrder {
        final OrderRequest request;
        final OrderListener listener;
        final BigDecimal limitPrice;
        final String exchangeOrderId;
        final long ts;
        BigDecimal filledQty = BigDecimal.ZERO;
        boolean resting;

        WorkingOrder(OrderRequest request, OrderListener listener, BigDecimal limitPrice, String exchangeOrderId,
                     long ts) {
            this.request = request;
            this.listener = listener;
            this.limitPrice = limitPrice;
            this.exchangeOrderId = exchangeOrderId;
            this.ts = ts;
        }

        BigDecimal remaining() {
            return request.qty().subtract(filledQty);
        }
    }

    private final Venue venue;
    private final PaperAccount account;
    private final MarketView market;
    private final Scheduler scheduler;
    private final EngineClock clock;
    private final TakerFees fees;
    private final long latencyNanos;
    /** Every client order id ever submitted, so that none is a second order. */
    private final Set<String> usedIds = new HashSet<>();
    private final Map<String, WorkingOrder> working = new LinkedHashMap<>();
    private long accepted;

    public PaperVenue(Venue venue, PaperAccount account, MarketView market, Scheduler scheduler, EngineClock clock,
                      TakerFees fees, Duration latency) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.account = Objects.requireNonNull(account, "account");
        this.market = Objects.requireNonNull(market, "market");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fees = Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        if (account.venue() != venue) {
            throw new IllegalArgumentException("account is for " + account.venue().id() + ", not " + venue.id());
        }
        this.latencyNanos = latency.toNanos();
    }

    @Override
    public Venue venue() {
        return venue;
    }

    @Override
    public void submit(OrderRequest order, OrderListener listener) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(listener, "listener");
        String id = order.clientOrderId();
        if (!usedIds.add(id)) {
            reject(listener, id, new Refusal(VALIDATION_ERROR, "duplicate client order id"));
            return;
        }
        BigDecimal limit = order.limitPrice() == null ? null
                : roundToTick(order.limitPrice(), order.instrument().tickSize(), order.side());
        Refusal refusal = refusal(order, limit);
        if (refusal != null) {
            reject(listener, id, refusal);
            return;
        }
        WorkingOrder w = new WorkingOrder(order, listener, limit, "paper-" + ++accepted, clock.nowMillis());
        working.put(id, w);
        long now = clock.nowNanos();
        // The fill is scheduled from the acceptance so that Accepted always comes first.
        scheduler.at(now, () -> {
            listener.on(new OrderEvent.Accepted(id, w.exchangeOrderId, clock.nowMillis()));
            scheduler.at(now + latencyNanos, () -> arrive(w));
        });
    }

    @Override
    public void cancel(String clientOrderId) {
        WorkingOrder w = working.get(clientOrderId);
        if (w == null) {
            return;
        }
        scheduler.at(clock.nowNanos() + latencyNanos, () -> {
            if (working.get(clientOrderId) == w) {
                close(w, "cancelled");
            }
        });
    }

    /** Fills resting orders that {@code book} crosses; the engine calls it after each book update. */
    public void onBook(BookSnapshot book) {
        if (!book.valid() || book.instrument().venue() != venue) {
            return;
        }
        for (WorkingOrder w : List.copyOf(working.values())) {
            if (!w.resting || !w.request.instrument().id().equals(book.instrument())) {
                continue;
            }
            Walk walk = walk(book, w.request.side(), w.limitPrice, w.remaining());
            BigDecimal crossing = w.remaining().subtract(walk.remaining());
            if (crossing.signum() == 0) {
                continue;
            }
            boolean funded = fill(w, List.of(new Piece(w.limitPrice, crossing)));
            if (w.remaining().signum() == 0) {
                close(w, "filled");
            } else if (!funded) {
                close(w, remainderCancelled(w, INSUFFICIENT_FUNDS));
            }
        }
    }

    /** The orders still open, oldest first. */
    public List<OpenOrder> openOrders() {
        List<OpenOrder> open = new ArrayList<>(working.size());
        for (WorkingOrder w : working.values()) {
            OrderRequest r = w.request;
            open.add(new OpenOrder(r.clientOrderId(), r.instrument().id(), r.side(), r.qty(), w.filledQty,
                    w.limitPrice, w.ts));
        }
        return open;
    }

    private Refusal refusal(OrderRequest order, BigDecimal limit) {
        Instrument instrument = order.instrument();
        InstrumentId id = instrument.id();
        if (instrument.venue() != venue) {
            return new Refusal(VALIDATION_ERROR, "instrument " + id + " is not on " + venue.id());
        }
        if (instrument.market() == Market.INVERSE) {
            return new Refusal(VALIDATION_ERROR, "paper trading does not support inverse contracts: " + id);
        }
        if (order.type() == OrderType.MARKET && order.timeInForce() == TimeInForce.POST_ONLY) {
            return new Refusal(VALIDATION_ERROR, "timeInForce post_only needs a limit order");
        }
        if (!instrument.isWholeLots(order.qty())) {
            return new Refusal(VALIDATION_ERROR, "qty " + plain(order.qty()) + " is not a whole number of lots of "
                    + plain(instrument.lotSize()) + " for " + id);
        }
        if (limit != null && limit.signum() <= 0) {
            return new Refusal(VALIDATION_ERROR, "limitPrice " + plain(order.limitPrice()) + " is below the tick "
                    + plain(instrument.tickSize()) + " for " + id);
        }
        if (order.qty().compareTo(instrument.minQty()) < 0) {
            return new Refusal(VALIDATION_ERROR, "qty " + plain(order.qty()) + " is below the minimum "
                    + plain(instrument.minQty()) + " for " + id);
        }
        BookSnapshot book = validBook(id);
        BigDecimal reference = book == null ? null : referencePrice(book, order.side());
        if (reference == null) {
            return new Refusal("EXCHANGE_UNAVAILABLE", "no valid book for " + id);
        }
        BigDecimal baseQty = instrument.toBaseQty(order.qty());
        BigDecimal notional = baseQty.multiply(reference);
        if (notional.compareTo(instrument.minNotional()) < 0) {
            return new Refusal(VALIDATION_ERROR, "notional " + plain(notional) + " (" + plain(baseQty) + " at "
                    + plain(reference) + ") is below the minimum " + plain(instrument.minNotional()) + " for " + id);
        }
        if (order.timeInForce() == TimeInForce.POST_ONLY && crosses(book, order.side(), limit)) {
            return new Refusal(VALIDATION_ERROR, "post-only " + order.side().id() + " at " + plain(limit)
                    + " would cross the book at " + plain(reference));
        }
        return fundingRefusal(order, limit, book, reference);
    }

    /**
     * Prices the whole order through the current book on a copy of the account: what the book shows
     * up to the limit, the rest at the limit (or, for a market order, at the last price seen).
     */
    private Refusal fundingRefusal(OrderRequest order, BigDecimal limit, BookSnapshot book, BigDecimal reference) {
        Instrument instrument = order.instrument();
        PaperAccount scratch = account.copy();
        Walk walk = walk(book, order.side(), limit, order.qty());
        BigDecimal lastPrice = reference;
        for (Piece piece : walk.pieces()) {
            book(scratch, instrument, order.side(), piece);
            lastPrice = piece.price();
        }
        if (walk.remaining().signum() > 0) {
            book(scratch, instrument, order.side(), new Piece(limit != null ? limit : lastPrice, walk.remaining()));
        }
        String asset = account.fundingAsset(instrument, order.side());
        BigDecimal left = scratch.free(asset);
        if (left.signum() >= 0) {
            return null;
        }
        BigDecimal free = account.free(asset);
        return new Refusal("INSUFFICIENT_FUNDS", order.side().id() + " " + plain(order.qty()) + " " + instrument.id()
                + " needs " + plain(free.subtract(left)) + " " + asset + ", " + plain(free) + " " + asset + " free");
    }

    private void book(PaperAccount scratch, Instrument instrument, OrderSide side, Piece piece) {
        BigDecimal baseQty = instrument.toBaseQty(piece.qty());
        scratch.applyAllowingOverdraft(instrument, side, baseQty, piece.price(),
                fee(baseQty, piece.price(), fees.rate(instrument.id())));
    }

    /** The order reaches the matching: it takes what the book shows now, then closes or rests. */
    private void arrive(WorkingOrder w) {
        if (working.get(w.request.clientOrderId()) != w) {
            return; // cancelled in flight
        }
        OrderRequest order = w.request;
        BookSnapshot book = validBook(order.instrument().id());
        if (order.timeInForce() == TimeInForce.POST_ONLY) {
            if (book != null && crosses(book, order.side(), w.limitPrice)) {
                close(w, "post-only order would cross the book: cancelled");
            } else {
                w.resting = true;
            }
            return;
        }
        boolean rests = order.type() == OrderType.LIMIT && order.timeInForce() == TimeInForce.GTC;
        if (book == null) {
            if (rests) {
                w.resting = true;
            } else {
                close(w, remainderCancelled(w, "no valid book for " + order.instrument().id()));
            }
            return;
        }
        Walk walk = walk(book, order.side(), w.limitPrice, w.remaining());
        String stop = fill(w, walk.pieces()) ? walk.stop() : INSUFFICIENT_FUNDS;
        if (stop == null) {
            close(w, "filled");
        } else if (!rests || stop.equals(INSUFFICIENT_FUNDS)) {
            close(w, remainderCancelled(w, stop));
        } else {
            w.resting = true;
        }
    }

    /** Fills the pieces in order as far as the account can pay; false when it ran out of funds. */
    private boolean fill(WorkingOrder w, List<Piece> pieces) {
        Instrument instrument = w.request.instrument();
        OrderSide side = w.request.side();
        BigDecimal rate = fees.rate(instrument.id());
        for (Piece piece : pieces) {
            BigDecimal qty = affordableQty(instrument, side, piece, rate);
            if (qty.signum() > 0) {
                BigDecimal baseQty = instrument.toBaseQty(qty);
                BigDecimal fee = fee(baseQty, piece.price(), rate);
                account.apply(instrument, side, baseQty, piece.price(), fee);
                w.filledQty = w.filledQty.add(qty);
                w.listener.on(new OrderEvent.Filled(w.request.clientOrderId(), w.exchangeOrderId, qty, piece.price(),
                        fee, instrument.quote(), clock.nowMillis()));
            }
            if (qty.compareTo(piece.qty()) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The most of a piece the account can pay for, in whole lots when not all of it. The affordable
     * quantities at one price form an interval from zero (the free balance falls, or first rises
     * while a position is reduced, then falls), so a binary search over the lots finds its end.
     */
    private BigDecimal affordableQty(Instrument instrument, OrderSide side, Piece piece, BigDecimal rate) {
        if (canPay(instrument, side, piece.price(), piece.qty(), rate)) {
            return piece.qty();
        }
        BigDecimal lot = instrument.lotSize();
        long affordable = 0;
        long unaffordable = piece.qty().divideToIntegralValue(lot).longValueExact() + 1;
        while (unaffordable - affordable > 1) {
            long mid = affordable + (unaffordable - affordable) / 2;
            if (canPay(instrument, side, piece.price(), lot.multiply(BigDecimal.valueOf(mid)), rate)) {
                affordable = mid;
            } else {
                unaffordable = mid;
            }
        }
        return lot.multiply(BigDecimal.valueOf(affordable));
    }

    private boolean canPay(Instrument instrument, OrderSide side, BigDecimal price, BigDecimal qty, BigDecimal rate) {
        BigDecimal baseQty = instrument.toBaseQty(qty);
        return account.canApply(instrument, side, baseQty, price, fee(baseQty, price, rate));
    }

    private static BigDecimal fee(BigDecimal baseQty, BigDecimal price, BigDecimal rate) {
        return baseQty.multiply(price).multiply(rate);
    }

    /** Walks the side an order takes from, best first, for {@code qty}, never beyond {@code limit} (null: none). */
    private static Walk walk(BookSnapshot book, OrderSide side, BigDecimal limit, BigDecimal qty) {
        boolean buy = side == OrderSide.BUY;
        long[] prices = buy ? book.askPrices() : book.bidPrices();
        long[] qtys = buy ? book.askQtys() : book.bidQtys();
        List<Piece> pieces = new ArrayList<>();
        BigDecimal remaining = qty;
        for (int i = 0; i < prices.length && remaining.signum() > 0; i++) {
            BigDecimal price = FixedPoint.toBigDecimal(prices[i], book.priceScale());
            if (limit != null && price.compareTo(limit) * (buy ? 1 : -1) > 0) {
                return new Walk(pieces, remaining, LIMIT_REACHED);
            }
            BigDecimal take = remaining.min(FixedPoint.toBigDecimal(qtys[i], book.qtyScale()));
            if (take.signum() > 0) {
                pieces.add(new Piece(price, take));
                remaining = remaining.subtract(take);
            }
        }
        return new Walk(pieces, remaining, remaining.signum() > 0 ? DEPTH_EXHAUSTED : null);
    }

    private static boolean crosses(BookSnapshot book, OrderSide side, BigDecimal limit) {
        BigDecimal opposite = side == OrderSide.BUY ? book.bestAsk() : book.bestBid();
        return opposite != null && opposite.compareTo(limit) * (side == OrderSide.BUY ? 1 : -1) <= 0;
    }

    /** The price an order's size is valued at: the best it would take, else the best on its own side. */
    private static BigDecimal referencePrice(BookSnapshot book, OrderSide side) {
        BigDecimal opposite = side == OrderSide.BUY ? book.bestAsk() : book.bestBid();
        return opposite != null ? opposite : side == OrderSide.BUY ? book.bestBid() : book.bestAsk();
    }

    /** Rounds a limit to the tick, never more aggressively than asked: a buy down, a sell up. */
    private static BigDecimal roundToTick(BigDecimal price, BigDecimal tick, OrderSide side) {
        RoundingMode mode = side == OrderSide.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return price.divide(tick, 0, mode).multiply(tick);
    }

    private BookSnapshot validBook(InstrumentId instrument) {
        BookSnapshot book = market.book(instrument);
        return book != null && book.valid() ? book : null;
    }

    private static String remainderCancelled(WorkingOrder w, String why) {
        return "remaining " + plain(w.remaining()) + " cancelled: " + why;
    }

    private void close(WorkingOrder w, String reason) {
        working.remove(w.request.clientOrderId());
        w.listener.on(new OrderEvent.Closed(w.request.clientOrderId(), w.exchangeOrderId, w.filledQty, reason,
                clock.nowMillis()));
    }

    private void reject(OrderListener listener, String clientOrderId, Refusal refusal) {
        scheduler.at(clock.nowNanos(), () -> listener.on(
                new OrderEvent.Rejected(clientOrderId, refusal.code(), refusal.message(), clock.nowMillis())));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

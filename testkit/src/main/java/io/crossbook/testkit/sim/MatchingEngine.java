package io.crossbook.testkit.sim;

import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.testkit.sim.OrderEvent.Execution;
import io.crossbook.testkit.sim.OrderRejectedException.Reason;
import io.crossbook.testkit.sim.SimOrder.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The simulated exchange's matching: orders keyed by account and client order id, matched against
 * the replayed books. Market and IOC orders walk the opposite levels at once (taker fee) and expire
 * what they cannot fill; GTC and post-only orders rest and fill at their own price (maker fee) when
 * a replayed update crosses them; a post-only order that would take is refused. Spot fills move the
 * spot wallet (the fee in the asset received, as on Binance); perpetual fills move the position and
 * pay fee and realised profit in the margin asset. Everything runs under the simulator's lock.
 */
final class MatchingEngine implements SimExchange {
    private final Clock clock;
    private final Map<Market, Fees> fees;
    private final Faults faults;
    private final Consumer<OrderEvent> events;
    private final Map<String, SimAccount> accounts = new LinkedHashMap<>();
    private final Map<BookKey, ReplayBook> books = new LinkedHashMap<>();
    private final Map<BookKey, String> recordedSnapshots = new LinkedHashMap<>();
    private final List<LiveOrder> orders = new ArrayList<>();
    private final List<SimFill> fills = new ArrayList<>();
    private final Map<String, Integer> accepted = new LinkedHashMap<>();
    private long nextOrderId = 8_000_000_001L;
    private long nextTradeId = 900_000_001L;

    record BookKey(Market market, String symbol) {
    }

    /** An order as the engine owns it; {@link #snapshot()} hands out copies. */
    private final class LiveOrder {
        final long orderId = nextOrderId++;
        final SimAccount account;
        final OrderSpec spec;
        final long createTime = clock.millis();
        Status status = Status.NEW;
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal cumQuote = BigDecimal.ZERO;
        long updateTime = createTime;

        LiveOrder(SimAccount account, OrderSpec spec) {
            this.account = account;
            this.spec = spec;
        }

        BigDecimal remaining() {
            return spec.qty().subtract(executed);
        }

        boolean rests() {
            return status.isOpen() && !spec.immediate();
        }

        SimOrder snapshot() {
            return new SimOrder(orderId, spec.clientOrderId(), account.apiKey(), spec.market(), spec.symbol(), spec.side(),
                    spec.type(), spec.timeInForce(), spec.qty(), spec.price(), status, executed, cumQuote, createTime, updateTime);
        }
    }

    MatchingEngine(Clock clock, Map<Market, Fees> fees, Faults faults, Consumer<OrderEvent> events) {
        this.clock = clock;
        this.fees = Map.copyOf(fees);
        this.faults = faults;
        this.events = events;
    }

    void addAccount(SimAccount account) {
        if (accounts.putIfAbsent(account.apiKey(), account) != null) {
            throw new IllegalArgumentException("two accounts with API key " + account.apiKey());
        }
    }

    void addBook(Instrument instrument, String recordedSnapshot) {
        BookKey key = new BookKey(instrument.market(), instrument.symbol());
        if (books.putIfAbsent(key, new ReplayBook(instrument)) != null) {
            throw new IllegalArgumentException("two recordings of " + key);
        }
        if (recordedSnapshot != null) {
            recordedSnapshots.put(key, recordedSnapshot);
        }
    }

    /** Empties every book, to be built again from the start of its recording (resting orders stay). */
    void resetBooks() {
        books.replaceAll((key, book) -> new ReplayBook(book.instrument()));
    }

    /** Applies a replayed event to its book and fills the resting orders it crosses. */
    void apply(BookKey key, MarketEvent event) {
        ReplayBook book = books.get(key);
        book.apply(event);
        if (!(event instanceof MarketEvent.Other) && book.ready()) {
            fillResting(book);
        }
    }

    /** True once every book has had its snapshot. */
    boolean booksReady() {
        return books.values().stream().allMatch(ReplayBook::ready);
    }

    int acceptedOrders(String clientOrderId) {
        return accepted.getOrDefault(clientOrderId, 0);
    }

    Set<String> duplicates() {
        return accepted.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    List<SimOrder> allOrders() {
        return orders.stream().map(LiveOrder::snapshot).toList();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Fees fees(Market market) {
        return fees.get(market);
    }

    @Override
    public SimAccount account(String apiKey) {
        return apiKey == null ? null : accounts.get(apiKey);
    }

    @Override
    public Instrument instrument(Market market, String symbol) {
        ReplayBook book = books.get(new BookKey(market, symbol));
        return book == null ? null : book.instrument();
    }

    @Override
    public List<Instrument> instruments(Market market) {
        return books.values().stream().map(ReplayBook::instrument).filter(i -> i.market() == market).toList();
    }

    @Override
    public BookView book(Market market, String symbol, int depth) {
        return requireBook(market, symbol).view(depth);
    }

    @Override
    public String recordedSnapshot(Market market, String symbol) {
        return recordedSnapshots.get(new BookKey(market, symbol));
    }

    @Override
    public BigDecimal markPrice(Market market, String symbol) {
        BookView top = book(market, symbol, 1);
        if (top.bestBid() == null || top.bestAsk() == null) {
            return null;
        }
        return top.bestBid().add(top.bestAsk()).divide(BigDecimal.TWO, MathContext.DECIMAL128).stripTrailingZeros();
    }

    @Override
    public Placed place(SimAccount account, OrderSpec spec) {
        ReplayBook book = requireBook(spec.market(), spec.symbol());
        Instrument instrument = book.instrument();
        if (!instrument.isWholeLots(spec.qty())) {
            throw new OrderRejectedException(Reason.INVALID_QUANTITY, spec.qty().toPlainString() + " is not a whole number of lots of "
                    + instrument.lotSize().toPlainString());
        }
        if (spec.price() != null && (spec.price().signum() <= 0 || spec.price().remainder(instrument.tickSize()).signum() != 0)) {
            throw new OrderRejectedException(Reason.INVALID_PRICE, spec.price().toPlainString() + " is not a whole number of ticks of "
                    + instrument.tickSize().toPlainString());
        }
        if (orders.stream().anyMatch(o -> o.account == account && o.status.isOpen() && o.spec.clientOrderId().equals(spec.clientOrderId()))) {
            throw new OrderRejectedException(Reason.DUPLICATE_CLIENT_ORDER_ID, spec.clientOrderId() + " is an open order's id");
        }
        if (spec.timeInForce() == TimeInForce.POST_ONLY && spec.type() == OrderType.LIMIT && marketable(book, spec.side(), spec.price())) {
            throw new OrderRejectedException(Reason.POST_ONLY_WOULD_TAKE, "would take at " + book.opposite(spec.side()).firstKey().toPlainString());
        }
        BigDecimal fillable = spec.qty();
        if (spec.immediate()) {
            BigDecimal fraction = faults.takePartialFill();
            if (fraction != null) {
                fillable = spec.qty().multiply(fraction).divide(instrument.lotSize(), 0, RoundingMode.DOWN).multiply(instrument.lotSize());
            }
        }
        checkFunds(account, instrument, book, spec, fillable);

        LiveOrder order = new LiveOrder(account, spec);
        orders.add(order);
        accepted.merge(spec.clientOrderId(), 1, Integer::sum);
        SimOrder acknowledged = order.snapshot();
        emit(order, Execution.NEW, null, null);
        List<SimFill> taken = take(order, book, fillable);
        if (order.remaining().signum() > 0) {
            if (spec.immediate()) {
                order.status = Status.EXPIRED;
                order.updateTime = clock.millis();
                emit(order, Execution.EXPIRED, null, null);
            } else if (instrument.market() == Market.SPOT) {
                lock(order, BigDecimal.ONE);
            }
        }
        return new Placed(acknowledged, order.snapshot(), taken);
    }

    @Override
    public SimOrder cancel(SimAccount account, Market market, String symbol, String clientOrderId, Long orderId, String cancelTag) {
        requireBook(market, symbol);
        LiveOrder order = find(account, market, symbol, clientOrderId, orderId, true);
        if (order == null) {
            throw new OrderRejectedException(Reason.UNKNOWN_ORDER, "no open order " + (clientOrderId != null ? clientOrderId : orderId));
        }
        if (market == Market.SPOT) {
            lock(order, BigDecimal.ONE.negate());
        }
        order.status = Status.CANCELED;
        order.updateTime = clock.millis();
        emit(order, Execution.CANCELED, null, cancelTag);
        return order.snapshot();
    }

    @Override
    public SimOrder order(SimAccount account, Market market, String symbol, String clientOrderId, Long orderId) {
        requireBook(market, symbol);
        LiveOrder order = find(account, market, symbol, clientOrderId, orderId, false);
        return order == null ? null : order.snapshot();
    }

    @Override
    public List<SimOrder> openOrders(SimAccount account, Market market, String symbol) {
        return orders.stream().filter(o -> o.account == account && o.spec.market() == market && o.status.isOpen()
                && (symbol == null || o.spec.symbol().equals(symbol))).map(LiveOrder::snapshot).toList();
    }

    @Override
    public List<SimFill> fills(SimAccount account, Market market, String symbol, Long orderId) {
        return fills.stream().filter(f -> f.apiKey().equals(account.apiKey()) && f.market() == market && f.symbol().equals(symbol)
                && (orderId == null || f.orderId() == orderId)).toList();
    }

    @Override
    public BigDecimal availableMargin(SimAccount account, String asset) {
        BigDecimal leverage = BigDecimal.valueOf(account.leverage());
        BigDecimal used = BigDecimal.ZERO;
        for (SimAccount.Position p : account.positions()) {
            Instrument instrument = instrument(Market.LINEAR, p.symbol());
            if (instrument != null && instrument.quote().equals(asset)) {
                used = used.add(p.qty().abs().multiply(p.entryPrice()).multiply(instrument.contractSize()));
            }
        }
        for (LiveOrder o : orders) {
            if (o.account == account && o.rests() && o.spec.market() == Market.LINEAR) {
                Instrument instrument = instrument(Market.LINEAR, o.spec.symbol());
                if (instrument.quote().equals(asset)) {
                    used = used.add(o.remaining().multiply(o.spec.price()).multiply(instrument.contractSize()));
                }
            }
        }
        return account.futuresBalance(asset).subtract(used.divide(leverage, MathContext.DECIMAL128)).stripTrailingZeros();
    }

    private ReplayBook requireBook(Market market, String symbol) {
        ReplayBook book = books.get(new BookKey(market, Objects.requireNonNull(symbol, "symbol")));
        if (book == null) {
            throw new OrderRejectedException(Reason.UNKNOWN_SYMBOL, market.id() + " " + symbol);
        }
        return book;
    }

    private LiveOrder find(SimAccount account, Market market, String symbol, String clientOrderId, Long orderId, boolean openOnly) {
        for (int i = orders.size() - 1; i >= 0; i--) {
            LiveOrder o = orders.get(i);
            boolean same = clientOrderId != null ? o.spec.clientOrderId().equals(clientOrderId) : orderId != null && o.orderId == orderId;
            if (same && o.account == account && o.spec.market() == market && o.spec.symbol().equals(symbol)
                    && (!openOnly || o.status.isOpen())) {
                return o;
            }
        }
        return null;
    }

    private static boolean marketable(ReplayBook book, OrderSide side, BigDecimal limit) {
        NavigableMap<BigDecimal, BigDecimal> levels = book.opposite(side);
        return !levels.isEmpty() && crosses(side, levels.firstKey(), limit);
    }

    /** True when an order of {@code side} at {@code limit} (null: any price) may trade at {@code price}. */
    private static boolean crosses(OrderSide side, BigDecimal price, BigDecimal limit) {
        return limit == null || (side == OrderSide.BUY ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0);
    }

    /** What taking up to {@code qty} at once would cost in quote: the levels walked as matching would. */
    private static BigDecimal walkCost(ReplayBook book, OrderSide side, BigDecimal qty, BigDecimal limit) {
        BigDecimal left = qty;
        BigDecimal cost = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> level : book.opposite(side).entrySet()) {
            if (left.signum() == 0 || !crosses(side, level.getKey(), limit)) {
                break;
            }
            BigDecimal q = left.min(level.getValue());
            cost = cost.add(q.multiply(level.getKey()));
            left = left.subtract(q);
        }
        return cost;
    }

    private void checkFunds(SimAccount account, Instrument instrument, ReplayBook book, OrderSpec spec, BigDecimal fillable) {
        if (instrument.market() == Market.SPOT) {
            if (spec.side() == OrderSide.BUY) {
                BigDecimal needed = spec.type() == OrderType.MARKET ? walkCost(book, OrderSide.BUY, fillable, null)
                        : spec.qty().multiply(spec.price());
                BigDecimal free = account.spotBalance(instrument.quote()).free();
                if (needed.compareTo(free) > 0) {
                    throw new OrderRejectedException(Reason.INSUFFICIENT_BALANCE, "needs " + needed.toPlainString() + " "
                            + instrument.quote() + ", has " + free.toPlainString());
                }
            } else {
                BigDecimal free = account.spotBalance(instrument.base()).free();
                if (spec.qty().compareTo(free) > 0) {
                    throw new OrderRejectedException(Reason.INSUFFICIENT_BALANCE, "needs " + spec.qty().toPlainString() + " "
                            + instrument.base() + ", has " + free.toPlainString());
                }
            }
            return;
        }
        BigDecimal held = account.position(instrument.symbol()).qty();
        BigDecimal closable = spec.side() == OrderSide.BUY ? held.negate().max(BigDecimal.ZERO) : held.max(BigDecimal.ZERO);
        BigDecimal opening = spec.qty().subtract(closable).max(BigDecimal.ZERO);
        if (opening.signum() == 0) {
            return;
        }
        BigDecimal notional = spec.type() == OrderType.MARKET ? walkCost(book, spec.side(), opening, null) : opening.multiply(spec.price());
        BigDecimal margin = notional.multiply(instrument.contractSize()).divide(BigDecimal.valueOf(account.leverage()), MathContext.DECIMAL128);
        BigDecimal available = availableMargin(account, instrument.quote());
        if (margin.compareTo(available) > 0) {
            throw new OrderRejectedException(Reason.INSUFFICIENT_MARGIN, "needs " + margin.stripTrailingZeros().toPlainString() + " "
                    + instrument.quote() + " of margin, has " + available.toPlainString());
        }
    }

    /** Takes liquidity at once, up to {@code fillable} and the order's price: the taker part of an order. */
    private List<SimFill> take(LiveOrder order, ReplayBook book, BigDecimal fillable) {
        List<SimFill> taken = new ArrayList<>();
        NavigableMap<BigDecimal, BigDecimal> levels = book.opposite(order.spec.side());
        while (order.executed.compareTo(fillable) < 0 && !levels.isEmpty()
                && crosses(order.spec.side(), levels.firstKey(), order.spec.price())) {
            BigDecimal price = levels.firstKey();
            BigDecimal qty = levels.firstEntry().getValue().min(fillable.subtract(order.executed));
            book.take(order.spec.side(), price, qty);
            taken.add(fill(order, book.instrument(), price, qty, false));
        }
        return taken;
    }

    /**
     * Fills the resting orders on {@code book} that the replayed levels now cross, best price first and
     * then oldest first: each at its own price, as much as the crossing levels hold.
     */
    private void fillResting(ReplayBook book) {
        Instrument instrument = book.instrument();
        List<LiveOrder> resting = orders.stream()
                .filter(o -> o.rests() && o.spec.market() == instrument.market() && o.spec.symbol().equals(instrument.symbol()))
                .sorted(Comparator.comparing((LiveOrder o) -> o.spec.side() == OrderSide.BUY ? o.spec.price().negate() : o.spec.price())
                        .thenComparingLong(o -> o.orderId))
                .toList();
        for (LiveOrder order : resting) {
            NavigableMap<BigDecimal, BigDecimal> levels = book.opposite(order.spec.side());
            BigDecimal crossing = BigDecimal.ZERO;
            while (crossing.compareTo(order.remaining()) < 0 && !levels.isEmpty()
                    && crosses(order.spec.side(), levels.firstKey(), order.spec.price())) {
                BigDecimal price = levels.firstKey();
                BigDecimal qty = levels.firstEntry().getValue().min(order.remaining().subtract(crossing));
                book.take(order.spec.side(), price, qty);
                crossing = crossing.add(qty);
            }
            if (crossing.signum() > 0) {
                fill(order, instrument, order.spec.price(), crossing, true);
            }
        }
    }

    private SimFill fill(LiveOrder order, Instrument instrument, BigDecimal price, BigDecimal qty, boolean maker) {
        Fees rates = fees.get(instrument.market());
        BigDecimal rate = maker ? rates.maker() : rates.taker();
        BigDecimal quote = price.multiply(qty).multiply(instrument.contractSize());
        SimAccount account = order.account;
        OrderSide side = order.spec.side();
        BigDecimal fee;
        String feeAsset;
        BigDecimal realized = BigDecimal.ZERO;
        if (instrument.market() == Market.SPOT) {
            if (side == OrderSide.BUY) {
                fee = qty.multiply(rate);
                feeAsset = instrument.base();
                account.change(instrument.quote(), maker ? BigDecimal.ZERO : quote.negate(), maker ? quote.negate() : BigDecimal.ZERO);
                account.change(instrument.base(), qty.subtract(fee), BigDecimal.ZERO);
            } else {
                fee = quote.multiply(rate);
                feeAsset = instrument.quote();
                account.change(instrument.base(), maker ? BigDecimal.ZERO : qty.negate(), maker ? qty.negate() : BigDecimal.ZERO);
                account.change(instrument.quote(), quote.subtract(fee), BigDecimal.ZERO);
            }
        } else {
            fee = quote.multiply(rate);
            feeAsset = instrument.quote();
            realized = account.fillPosition(instrument.symbol(), side, qty, price, instrument.contractSize());
            account.changeFutures(feeAsset, realized.subtract(fee));
        }
        order.executed = order.executed.add(qty);
        order.cumQuote = order.cumQuote.add(quote);
        order.status = order.remaining().signum() == 0 ? Status.FILLED : Status.PARTIALLY_FILLED;
        order.updateTime = clock.millis();
        SimFill fill = new SimFill(nextTradeId++, order.orderId, order.spec.clientOrderId(), account.apiKey(), instrument.market(),
                instrument.symbol(), side, price, qty, quote, fee, feeAsset, maker, order.updateTime, realized);
        fills.add(fill);
        emit(order, Execution.TRADE, fill, null);
        return fill;
    }

    /** Locks ({@code sign} 1) or releases (−1) what a resting spot order's remainder holds. */
    private void lock(LiveOrder order, BigDecimal sign) {
        OrderSpec spec = order.spec;
        Instrument instrument = instrument(spec.market(), spec.symbol());
        BigDecimal amount = spec.side() == OrderSide.BUY ? order.remaining().multiply(spec.price()) : order.remaining();
        String asset = spec.side() == OrderSide.BUY ? instrument.quote() : instrument.base();
        BigDecimal moved = amount.multiply(sign);
        order.account.change(asset, moved.negate(), moved);
    }

    private void emit(LiveOrder order, Execution execution, SimFill fill, String cancelTag) {
        events.accept(new OrderEvent(order.snapshot(), execution, fill, cancelTag));
    }
}

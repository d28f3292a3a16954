package io.crossbook.core.risk;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.book.Vwap;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.engine.EngineClock;
import io.crossbook.core.engine.Scheduler;
import io.crossbook.core.exec.AccountView;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.ExecutionVenue;
import io.crossbook.core.exec.MarketView;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderListener;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.TakerFees;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The platform's risk engine: every order to every venue passes {@link #gate} (so arbitrage legs,
 * unwinds and plan slices alike), and every pair execution passes {@link #checkExecution} before
 * its first order goes. It owns the trading state (the kill switch), the limits, the count of open
 * orders, the day's realised P&L, and the {@link Pauses} of pairs and venues.
 *
 * <p>Each rule refuses exactly past its limit and allows exactly at it. Rules on exposure (positions,
 * daily loss, the {@link TradingState#REDUCING} state) only refuse orders that would not reduce the
 * venue's exposure to the asset, so a breach can always be worked down. A refusal names its rule
 * and the numbers, and raises an {@code engine_alert} (at most one a minute per rule and pair or
 * instrument, so an automatic strategy refused on every book update does not flood the feed).
 *
 * <p>Engine thread only, except {@link #state()}.
 */
public final class RiskEngine {
    /** Quote assets valued one to one in USD. Anything else cannot be valued against the limits. */
    public static final Set<String> USD_ASSETS = Set.of("USDT", "USDC", "USD", "FDUSD", "BUSD", "TUSD", "DAI");
    static final long REFUSAL_ALERT_EVERY_MS = 60_000;
    /** Order rejections that count against the venue's breaker: the exchange failed, not the order. */
    private static final Set<String> VENUE_ERRORS = Set.of("UPSTREAM_ERROR", "EXCHANGE_UNAVAILABLE", "RATE_LIMITED");
    private static final long DAY_MS = 86_400_000L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** An exposure of one venue's account to one asset, valued at the mid of a book where there is one. */
    public record Exposure(String venue, String asset, BigDecimal qty, BigDecimal valueUsd) {
    }

    /** What the risk engine reports; see {@link #status}. */
    public record Status(TradingState state, String reason, long stateSince, RiskLimits limits, int openOrders,
                         BigDecimal dailyPnl, List<Exposure> exposures, List<Pause> pauses) {
    }

    private record OpenOrder(ExecutionVenue venue, OrderRequest order) {
    }

    private final EngineClock clock;
    private final Scheduler scheduler;
    private final MarketView market;
    private final Map<Venue, ? extends AccountView> accounts;
    private final TakerFees fees;
    private final Consumer<EngineAlert> alerts;
    private final Pauses pauses;
    private final Map<String, OpenOrder> open = new LinkedHashMap<>();
    private final Map<String, Long> lastRefusalAlert = new HashMap<>();
    private RiskLimits limits;
    /** {@code maxVenueDeviationPercent} as a double, for the cheap first look at every re-pricing. */
    private double deviationBound;
    private volatile TradingState state;
    private String stateReason;
    private long stateSince;
    private long day = Long.MIN_VALUE;
    private BigDecimal dailyPnl = BigDecimal.ZERO;

    /**
     * @param accounts each venue's account; an order on a venue without one is refused
     * @param state    the persisted trading state at start: a restart after the kill switch stays halted
     */
    public RiskEngine(EngineClock clock, Scheduler scheduler, MarketView market,
                      Map<Venue, ? extends AccountView> accounts, TakerFees fees, RiskLimits limits,
                      TradingState state, String stateReason, Consumer<EngineAlert> alerts) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.market = Objects.requireNonNull(market, "market");
        this.accounts = Map.copyOf(accounts);
        this.fees = Objects.requireNonNull(fees, "fees");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.deviationBound = limits.maxVenueDeviationPercent().doubleValue();
        this.state = Objects.requireNonNull(state, "state");
        this.stateReason = stateReason;
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.pauses = new Pauses(clock, scheduler, () -> this.limits, alerts);
    }

    /** Tells the engine which pairs trade which books, for the anomaly pause. */
    public void attach(PairIndex index) {
        pauses.attach(index);
    }

    /** The trading state; any thread. */
    public TradingState state() {
        return state;
    }

    public RiskLimits limits() {
        return limits;
    }

    public void setLimits(RiskLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.deviationBound = limits.maxVenueDeviationPercent().doubleValue();
    }

    /** Wraps a venue so that every order passes the pre-trade checks and every order is counted while open. */
    public ExecutionVenue gate(ExecutionVenue venue) {
        return new ExecutionVenue() {
            @Override
            public Venue venue() {
                return venue.venue();
            }

            @Override
            public void submit(OrderRequest order, OrderListener listener) {
                RiskRefusal refusal = checkOrder(order, 0);
                if (refusal != null) {
                    refused(refusal, null, order.instrument().id());
                    OrderEvent rejected = new OrderEvent.Rejected(order.clientOrderId(), "RISK_REJECTED",
                            refusal.rule() + ": " + refusal.message(), clock.nowMillis());
                    scheduler.at(clock.nowNanos(), () -> listener.on(rejected));
                    return;
                }
                String id = order.clientOrderId();
                // a resend under the id of an order still open is not a second order: its refusal as a
                // duplicate must not drop the first one, which stays counted (and cancelled by the kill
                // switch) until the order with this id closes
                boolean tracked = open.putIfAbsent(id, new OpenOrder(venue, order)) == null;
                venue.submit(order, event -> {
                    if (event instanceof OrderEvent.Rejected r) {
                        if (tracked) {
                            open.remove(id);
                        }
                        if (VENUE_ERRORS.contains(r.code())) {
                            pauses.onVenueError(venue.venue(), r.code(), r.message());
                        }
                    } else if (event instanceof OrderEvent.Closed) {
                        open.remove(id);
                    }
                    listener.on(event);
                });
            }

            @Override
            public void cancel(String clientOrderId) {
                venue.cancel(clientOrderId);
            }
        };
    }

    // ---- trading state ----

    /** The kill switch: halts everything and cancels every open order on every venue; returns how many. */
    public int halt(String reason) {
        setState(TradingState.HALTED, reason);
        int cancelled = open.size();
        List.copyOf(open.entrySet()).forEach(e -> e.getValue().venue().cancel(e.getKey()));
        alerts.accept(new EngineAlert(EngineAlert.CRITICAL, "KILL_SWITCH", "state", "trading HALTED: " + reason
                + "; cancel sent for " + cancelled + " open orders", null, null, clock.nowMillis()));
        return cancelled;
    }

    public void setState(TradingState next, String reason) {
        TradingState before = state;
        state = Objects.requireNonNull(next, "state");
        stateReason = reason;
        stateSince = clock.nowMillis();
        if (before != next && next != TradingState.HALTED) {
            alerts.accept(new EngineAlert(next == TradingState.ACTIVE ? EngineAlert.INFO : EngineAlert.WARNING,
                    "TRADING_STATE", "state", "trading " + before + " -> " + next + (reason == null ? "" : ": " + reason),
                    null, null, stateSince));
        }
    }

    // ---- what the engine hears ----

    /** A finished execution of two matched legs: counts toward the day's P&L and, with a pair, the pair's breaker. */
    public void onExecution(String pairId, ExecutionResult result) {
        dailyPnl = dailyPnl().add(result.pnl());
        if (pairId != null) {
            pauses.onExecution(pairId, result.outcome());
        }
    }

    /** The realised P&L of today's executions before this start, from the history. */
    public void seedDailyPnl(BigDecimal pnlToday) {
        dailyPnl();
        dailyPnl = dailyPnl.add(pnlToday);
    }

    public void onAnomaly(InstrumentId instrument, AnomalyKind kind, String detail) {
        pauses.onAnomaly(instrument, kind, detail);
    }

    public void onBook(BookSnapshot book) {
        pauses.onBook(book.instrument());
    }

    /**
     * A pair was re-priced: its legs' mids are checked against each other. This runs on every
     * update of a leg, so the common case (well inside the bound, no pause) is decided in double
     * arithmetic without allocating; only near the bound, or while paused, is it decided exactly.
     */
    public void onPairBooks(String pairId, BookSnapshot leg1, BookSnapshot leg2) {
        if (leg1.bidPrices().length == 0 || leg1.askPrices().length == 0 || leg2.bidPrices().length == 0
                || leg2.askPrices().length == 0) {
            return;
        }
        // twice each mid; the deviation |m1 - m2| / ((m1 + m2) / 2) * 100 is the same for doubled mids
        double m1 = (leg1.bidPrices()[0] + leg1.askPrices()[0]) / Math.pow(10, leg1.priceScale());
        double m2 = (leg2.bidPrices()[0] + leg2.askPrices()[0]) / Math.pow(10, leg2.priceScale());
        boolean clearlyInside = Math.abs(m1 - m2) * 200 < deviationBound * (m1 + m2) * (1 - 1e-9);
        if (!clearlyInside || pauses.deviationPaused(pairId)) {
            pauses.onMids(pairId, leg1.mid(), leg2.mid());
        }
    }

    /** A market-data connection of the venue dropped. */
    public void onDisconnect(Venue venue, String reason) {
        pauses.onVenueError(venue, "DISCONNECTED", reason);
    }

    public boolean resumePair(String pairId) {
        return pauses.resumePair(pairId);
    }

    public boolean resumeVenue(Venue venue) {
        return pauses.resumeVenue(venue);
    }

    // ---- checks ----

    /**
     * Checks a pair execution before any of its orders go: the trading state, the pair's pauses,
     * its net spread at send time (at least the pair's {@code threshold} when automatic,
     * {@code minSpreadPercent} when by hand), then every order as {@link #gate} will. {@code legs}
     * are its first orders, a buy and a sell, each with the expected price (the book's VWAP now):
     * the net spread is worked out from them exactly, after each venue's taker fee. Raises the
     * alert and returns the refusal, or null.
     */
    public RiskRefusal checkExecution(String pairId, boolean automatic, BigDecimal threshold,
                                      List<OrderRequest> legs) {
        RiskRefusal refusal = executionRefusal(pairId, automatic, threshold, legs);
        if (refusal != null) {
            refused(refusal, pairId, null);
        }
        return refusal;
    }

    private RiskRefusal executionRefusal(String pairId, boolean automatic, BigDecimal threshold,
                                         List<OrderRequest> orders) {
        if (state == TradingState.HALTED) {
            return halted();
        }
        RiskRefusal paused = pauses.pairPaused(pairId);
        if (paused != null) {
            return paused;
        }
        BigDecimal required = automatic ? threshold : limits.minSpreadPercent();
        BigDecimal spread = netSpreadPercent(orders);
        if (spread.compareTo(required) < 0) {
            return new RiskRefusal("spread", "net spread at send time " + pct(spread) + " is below "
                    + (automatic ? "the pair's threshold " : "minSpreadPercent ") + pct(required));
        }
        for (int i = 0; i < orders.size(); i++) {
            RiskRefusal r = checkOrder(orders.get(i), i);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /**
     * Checks the first orders of a plan's slice together, before any is sent, as {@link #gate}
     * will check each: a slice is refused whole rather than halfway. Raises the alert and returns
     * the refusal, or null.
     */
    public RiskRefusal checkOrders(List<OrderRequest> orders) {
        for (int i = 0; i < orders.size(); i++) {
            RiskRefusal r = checkOrder(orders.get(i), i);
            if (r != null) {
                refused(r, null, orders.get(i).instrument().id());
                return r;
            }
        }
        return null;
    }

    /** {@code (sell × (1 - fee) - buy × (1 + fee)) / mid × 100} of a buy and a sell at their expected prices. */
    private BigDecimal netSpreadPercent(List<OrderRequest> legs) {
        OrderRequest buy = legs.stream().filter(o -> o.side() == OrderSide.BUY).findFirst().orElseThrow();
        OrderRequest sell = legs.stream().filter(o -> o.side() == OrderSide.SELL).findFirst().orElseThrow();
        BigDecimal b = Objects.requireNonNull(buy.expectedPrice(), "expectedPrice");
        BigDecimal s = Objects.requireNonNull(sell.expectedPrice(), "expectedPrice");
        BigDecimal net = s.multiply(BigDecimal.ONE.subtract(fees.rate(sell.instrument().id())))
                .subtract(b.multiply(BigDecimal.ONE.add(fees.rate(buy.instrument().id()))));
        BigDecimal mid = b.add(s).divide(BigDecimal.TWO);
        return net.multiply(HUNDRED).divide(mid, MathContext.DECIMAL64);
    }

    /** The pre-trade checks of one order, with {@code pending} more orders about to be sent before it. */
    RiskRefusal checkOrder(OrderRequest order, int pending) {
        if (state == TradingState.HALTED) {
            return halted();
        }
        Instrument instrument = order.instrument();
        InstrumentId id = instrument.id();
        RiskRefusal venuePaused = pauses.venuePaused(instrument.venue());
        if (venuePaused != null) {
            return venuePaused;
        }
        if (!USD_ASSETS.contains(instrument.quote())) {
            return new RiskRefusal("valuation", id + " is quoted in " + instrument.quote()
                    + ": the limits are in USD and only USD stablecoins are valued");
        }
        BigDecimal baseQty;
        try {
            baseQty = instrument.toBaseQty(order.qty());
        } catch (UnsupportedOperationException e) {
            return new RiskRefusal("valuation", e.getMessage());
        }
        BookSnapshot book = market.book(id);
        if (book == null) {
            return new RiskRefusal("liquidity", id + " has no valid book to check the order against");
        }
        Liquidity liquidity = liquidity(book, order);
        if (liquidity.refusal != null) {
            return liquidity.refusal;
        }
        BigDecimal price = liquidity.vwap;
        BigDecimal expected = order.expectedPrice() != null ? order.expectedPrice() : liquidity.best;
        BigDecimal adverse = (order.side() == OrderSide.BUY ? price.subtract(expected) : expected.subtract(price))
                .multiply(HUNDRED).divide(expected, MathContext.DECIMAL64);
        if (adverse.compareTo(limits.maxSlippagePercent()) > 0) {
            return new RiskRefusal("slippage", "the book's VWAP " + plain(price) + " for " + plain(baseQty) + " is "
                    + pct(adverse) + " worse than the expected " + plain(expected) + " (maxSlippagePercent "
                    + pct(limits.maxSlippagePercent()) + ")");
        }
        BigDecimal notional = liquidity.notional;
        if (notional.compareTo(limits.maxOrderNotional()) > 0) {
            return new RiskRefusal("order_notional", "order notional " + usd(notional) + " exceeds maxOrderNotional "
                    + usd(limits.maxOrderNotional()));
        }
        if (open.size() + pending + 1 > limits.maxOpenOrders()) {
            return new RiskRefusal("open_orders", (open.size() + pending) + " orders open, maxOpenOrders "
                    + limits.maxOpenOrders());
        }
        AccountView account = accounts.get(instrument.venue());
        if (account == null) {
            return new RiskRefusal("balance", "no account balances known for " + instrument.venue().id());
        }
        RiskRefusal exposure = exposureRefusal(order, baseQty, price, account);
        if (exposure != null) {
            return exposure;
        }
        BigDecimal fee = notional.multiply(fees.rate(id));
        String shortfall = account.shortfall(instrument, order.side(), baseQty, price, fee);
        return shortfall == null ? null : new RiskRefusal("balance", instrument.venue().id() + " account: the order "
                + shortfall);
    }

    private RiskRefusal exposureRefusal(OrderRequest order, BigDecimal baseQty, BigDecimal price, AccountView account) {
        Instrument instrument = order.instrument();
        String asset = instrument.base();
        String venue = instrument.venue().id();
        BigDecimal signed = order.side() == OrderSide.BUY ? baseQty : baseQty.negate();
        BigDecimal before = account.exposure(asset);
        BigDecimal after = before.add(signed);
        if (after.abs().compareTo(before.abs()) < 0) {
            return null; // reduces the venue's exposure: always allowed
        }
        String change = asset + " on " + venue + " from " + plain(before) + " to " + plain(after);
        if (state == TradingState.REDUCING) {
            return new RiskRefusal("state", "trading is REDUCING (" + stateReason + "): only orders that reduce an "
                    + "exposure may go, this one takes " + change);
        }
        BigDecimal venueValue = after.abs().multiply(price);
        if (venueValue.compareTo(limits.maxPositionPerVenue()) > 0) {
            return new RiskRefusal("position_venue", "the order takes " + change + ", " + usd(venueValue)
                    + " above maxPositionPerVenue " + usd(limits.maxPositionPerVenue()));
        }
        BigDecimal assetBefore = BigDecimal.ZERO;
        for (AccountView a : accounts.values()) {
            assetBefore = assetBefore.add(a.exposure(asset));
        }
        BigDecimal assetAfter = assetBefore.add(signed);
        BigDecimal assetValue = assetAfter.abs().multiply(price);
        if (assetAfter.abs().compareTo(assetBefore.abs()) >= 0 && assetValue.compareTo(limits.maxPositionPerAsset()) > 0) {
            return new RiskRefusal("position_asset", "the order takes " + asset + " across all venues from "
                    + plain(assetBefore) + " to " + plain(assetAfter) + ", " + usd(assetValue)
                    + " above maxPositionPerAsset " + usd(limits.maxPositionPerAsset()));
        }
        BigDecimal loss = dailyPnl().negate();
        if (loss.compareTo(limits.maxDailyLoss()) > 0) {
            return new RiskRefusal("daily_loss", "today's realised loss " + usd(loss) + " exceeds maxDailyLoss "
                    + usd(limits.maxDailyLoss()) + ": only orders that reduce an exposure may go");
        }
        return null;
    }

    /**
     * What the book offers an order: its VWAP (rounded, a price to value exposures at), the top of
     * the book, and the exact notional of the walk (the sum of level price × quantity, which the
     * VWAP times the quantity only approximates when the VWAP does not terminate).
     */
    private record Liquidity(BigDecimal vwap, BigDecimal best, BigDecimal notional, RiskRefusal refusal) {
    }

    /** The side the order takes must hold {@code minBookLiquidity} and the order's whole quantity. */
    private Liquidity liquidity(BookSnapshot book, OrderRequest order) {
        Instrument instrument = order.instrument();
        long[] prices = order.side() == OrderSide.BUY ? book.askPrices() : book.bidPrices();
        if (prices.length == 0) {
            return new Liquidity(null, null, null, new RiskRefusal("liquidity", instrument.id() + " has no "
                    + (order.side() == OrderSide.BUY ? "asks" : "bids")));
        }
        long qty;
        try {
            qty = FixedPoint.fromBigDecimal(order.qty(), book.qtyScale());
        } catch (ArithmeticException e) {
            return new Liquidity(null, null, null, new RiskRefusal("liquidity", "qty " + plain(order.qty())
                    + " is finer than the book's quantities"));
        }
        Vwap whole = book.vwap(order.side().takes(), Long.MAX_VALUE);
        BigDecimal sideNotional = FixedPoint.toBigDecimal(whole.notional(), book.priceScale() + book.qtyScale())
                .multiply(instrument.contractSize());
        int levels = prices.length;
        if (sideNotional.compareTo(limits.minBookLiquidity()) < 0) {
            return new Liquidity(null, null, null, new RiskRefusal("liquidity", instrument.id() + " holds "
                    + usd(sideNotional) + " on the side the order takes (" + levels
                    + " levels), below minBookLiquidity " + usd(limits.minBookLiquidity())));
        }
        Vwap vwap = book.vwap(order.side().takes(), qty);
        if (!vwap.complete()) {
            return new Liquidity(null, null, null, new RiskRefusal("liquidity", instrument.id() + " holds only "
                    + plain(vwap.filled()) + " of the order's " + plain(order.qty()) + " within " + levels + " levels"));
        }
        return new Liquidity(vwap.averagePrice(book.priceScale() + 4),
                FixedPoint.toBigDecimal(prices[0], book.priceScale()),
                FixedPoint.toBigDecimal(vwap.notional(), book.priceScale() + book.qtyScale())
                        .multiply(instrument.contractSize()), null);
    }

    private RiskRefusal halted() {
        return new RiskRefusal("state", "trading is HALTED" + (stateReason == null ? "" : " (" + stateReason + ")")
                + ": the kill switch refuses every order");
    }

    private void refused(RiskRefusal refusal, String pairId, InstrumentId instrument) {
        long now = clock.nowMillis();
        String key = refusal.rule() + "|" + (pairId != null ? pairId : instrument);
        Long last = lastRefusalAlert.get(key);
        if (last != null && now - last < REFUSAL_ALERT_EVERY_MS) {
            return;
        }
        lastRefusalAlert.put(key, now);
        String venue = instrument == null ? null : instrument.venue().id();
        alerts.accept(new EngineAlert(EngineAlert.WARNING, "RISK_REJECTED", refusal.rule(),
                (pairId != null ? "pair " + pairId + ": " : instrument + ": ") + refusal.message(), pairId, venue, now));
    }

    /** Today's (UTC) realised P&L, starting over at midnight. */
    private BigDecimal dailyPnl() {
        long today = Math.floorDiv(clock.nowMillis(), DAY_MS);
        if (today != day) {
            day = today;
            dailyPnl = BigDecimal.ZERO;
        }
        return dailyPnl;
    }

    // ---- the view ----

    /** The state, limits, open orders, today's P&L, every exposure and every pause, now. */
    public Status status(Iterable<BookSnapshot> books) {
        List<BookSnapshot> spotFirst = new ArrayList<>();
        books.forEach(spotFirst::add);
        spotFirst.sort(Comparator.comparing(b -> b.instrument().market() != Market.SPOT));
        List<Exposure> exposures = new ArrayList<>();
        accounts.forEach((venue, account) -> account.exposures().forEach((asset, qty) -> {
            if (!USD_ASSETS.contains(asset) && qty.signum() != 0) {
                BigDecimal mark = mark(spotFirst, venue, asset);
                exposures.add(new Exposure(venue.id(), asset, qty,
                        mark == null ? null : qty.multiply(mark).setScale(2, RoundingMode.HALF_EVEN)));
            }
        }));
        return new Status(state, stateReason, stateSince, limits, open.size(), dailyPnl(), exposures, pauses.active());
    }

    /** A mid for the asset in USD: a book of it against a USD stablecoin on the venue (spot before perpetual), else on any venue. */
    private static BigDecimal mark(List<BookSnapshot> spotFirst, Venue venue, String asset) {
        BigDecimal other = null;
        for (BookSnapshot b : spotFirst) {
            BigDecimal mid = b.mid();
            if (mid == null || mid.signum() <= 0 || !matches(b.instrument().symbol(), asset)) {
                continue;
            }
            if (b.instrument().venue() == venue) {
                return mid;
            }
            other = other == null ? mid : other;
        }
        return other;
    }

    private static boolean matches(String symbol, String asset) {
        String s = symbol.replace("-", "").replace("_", "");
        for (String usd : USD_ASSETS) {
            if (s.equals(asset + usd) || s.equals(asset + usd + "SWAP")) {
                return true;
            }
        }
        return false;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String pct(BigDecimal v) {
        return v.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
    }

    private static String usd(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " USD";
    }
}

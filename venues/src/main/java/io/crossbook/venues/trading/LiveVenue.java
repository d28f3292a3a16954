package io.crossbook.venues.trading;

import io.crossbook.core.exec.ExecutionVenue;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderListener;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.Backoff;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.ExchangeUnavailableException;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.RateLimitedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exchange account as an {@link ExecutionVenue}: the engine's orders go to the exchange through
 * {@link TradingApi}, and what the exchange reports (the place answer, the private stream, REST
 * lookups) comes back as the order's {@link OrderEvent}s on the engine thread.
 *
 * <p>Nothing is sent twice. An order is placed once, with its client order id. When the answer is
 * lost (a timeout, a 5xx: the exchange may have taken it) the order is looked up by that id until
 * the exchange either shows it, or says it has no such order after the request's receive window has
 * passed, when the exchange can no longer accept it: only then is the order reported rejected, and
 * only then may a strategy send anything in its place (under a new client id).
 *
 * <p>Fills are counted by trade id, so one seen on the stream and again over REST counts once; an
 * order is reported closed only when the fills add up to what the exchange says it filled. Whenever
 * the private stream (re)connects, and on every {@link #poll()} while it is down, every open order
 * is read again over REST.
 *
 * <p>Engine-thread state is touched only on the engine thread ({@code engine}); network calls run on
 * virtual threads.
 */
public final class LiveVenue implements ExecutionVenue, PrivateStream.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(LiveVenue.class);

    /**
     * @param recvWindow   how long after it was signed the exchange may still accept a request
     * @param lookupBase   the first delay between lookups of an order whose answer was lost; it backs off to {@code lookupMax}
     */
    public record Settings(Duration recvWindow, Duration lookupBase, Duration lookupMax) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(30));
    }

    /** An order this venue works on; owned by the engine thread. */
    private static final class Tracked {
        final OrderRequest request;
        final OrderListener listener;
        final Set<String> tradeIds = new HashSet<>();
        String exchangeOrderId;
        boolean accepted;
        boolean closed;
        BigDecimal filled = BigDecimal.ZERO;
        /** The latest closed state the exchange reported, waiting for its fills to be counted. */
        ExchangeOrder closing;
        boolean fetchingTrades;

        Tracked(OrderRequest request, OrderListener listener) {
            this.request = request;
            this.listener = listener;
        }
    }

    private final TradingApi api;
    private final Executor engine;
    private final Clock clock;
    private final Settings settings;
    private final Consumer<String> alerts;
    private final Map<String, Tracked> orders = new HashMap<>();
    private volatile boolean streamConnected;

    /**
     * @param engine runs a task on the engine thread
     * @param alerts told, on the engine thread, what an operator must know (an order in an unknown state)
     */
    public LiveVenue(TradingApi api, Executor engine, Clock clock, Settings settings, Consumer<String> alerts) {
        this.api = api;
        this.engine = engine;
        this.clock = clock;
        this.settings = settings;
        this.alerts = alerts;
    }

    @Override
    public Venue venue() {
        return api.venue();
    }

    @Override
    public void submit(OrderRequest order, OrderListener listener) {
        if (orders.containsKey(order.clientOrderId())) {
            throw new IllegalArgumentException("client order id " + order.clientOrderId() + " was already sent to " + venue().id());
        }
        Tracked t = new Tracked(order, listener);
        orders.put(order.clientOrderId(), t);
        long sentAt = clock.millis();
        Thread.ofVirtual().name("place-" + order.clientOrderId()).start(() -> place(t, sentAt));
    }

    private void place(Tracked t, long sentAt) {
        OrderRequest order = t.request;
        try {
            ExchangeOrder ack = api.place(order);
            engine.execute(() -> onOrder(ack));
        } catch (ExchangeRejectedException e) {
            reject(t, e.insufficientFunds() ? "INSUFFICIENT_FUNDS" : "UPSTREAM_ERROR", e.getMessage());
        } catch (RateLimitedException e) {
            reject(t, "RATE_LIMITED", e.getMessage());
        } catch (ExchangeUnavailableException e) {
            if (!e.outcomeUnknown()) {
                reject(t, "EXCHANGE_UNAVAILABLE", e.getMessage());
                return;
            }
            LOG.warn("{}: {} may or may not have been placed ({}); looking it up by its client order id",
                    venue().id(), order.clientOrderId(), e.getMessage());
            lookUp(t, sentAt, e.getMessage());
        } catch (MalformedMessageException e) {
            // The exchange answered in a shape we cannot read: it may have taken the order.
            lookUp(t, sentAt, e.getMessage());
        }
    }

    /** After a lost answer: asks for the order until the exchange shows it or can no longer take it. */
    private void lookUp(Tracked t, long sentAt, String why) {
        Backoff backoff = new Backoff(settings.lookupBase(), settings.lookupMax());
        boolean alerted = false;
        while (true) {
            sleep(backoff.next());
            try {
                ExchangeOrder found = api.query(t.request.instrument(), t.request.clientOrderId());
                if (found != null) {
                    engine.execute(() -> onOrder(found));
                    return;
                }
                if (clock.millis() - sentAt > settings.recvWindow().toMillis()) {
                    reject(t, "EXCHANGE_UNAVAILABLE", why + "; the exchange has no order " + t.request.clientOrderId()
                            + " and can no longer accept it (its receive window has passed): it was not placed");
                    return;
                }
            } catch (RuntimeException e) {
                if (!alerted && backoff.attempts() > 5) {
                    alerted = true;
                    String message = venue().id() + ": order " + t.request.clientOrderId() + " is in an unknown state ("
                            + why + "), and looking it up keeps failing: " + e.getMessage();
                    engine.execute(() -> alerts.accept(message));
                }
            }
        }
    }

    private void reject(Tracked t, String code, String message) {
        engine.execute(() -> {
            if (!t.closed && !t.accepted) {
                t.closed = true;
                t.listener.on(new OrderEvent.Rejected(t.request.clientOrderId(), code, message, clock.millis()));
            }
        });
    }

    @Override
    public void cancel(String clientOrderId) {
        Tracked t = orders.get(clientOrderId);
        if (t == null || t.closed) {
            return;
        }
        Thread.ofVirtual().name("cancel-" + clientOrderId).start(() -> {
            Backoff backoff = new Backoff(settings.lookupBase(), settings.lookupMax());
            for (int attempt = 1; ; attempt++) {
                try {
                    api.cancel(t.request.instrument(), clientOrderId);
                    refresh(t);
                    return;
                } catch (RuntimeException e) {
                    if (attempt >= 5) {
                        LOG.warn("{}: cancelling {} failed {} times, last: {}", venue().id(), clientOrderId, attempt, e.getMessage());
                        engine.execute(() -> alerts.accept(venue().id() + ": order " + clientOrderId
                                + " could not be cancelled: " + e.getMessage()));
                        return;
                    }
                    sleep(backoff.next());
                }
            }
        });
    }

    /** Reads one order's state and fills over REST (on the calling, non-engine thread). */
    private void refresh(Tracked t) {
        ExchangeOrder state = api.query(t.request.instrument(), t.request.clientOrderId());
        if (state == null) {
            return; // still being looked up after a lost answer, or never placed: lookUp settles it
        }
        List<ExchangeTrade> trades = state.filledQty().signum() > 0
                ? api.trades(t.request.instrument(), state.clientOrderId(), state.exchangeOrderId()) : List.of();
        engine.execute(() -> {
            onOrder(state);
            for (ExchangeTrade trade : trades) {
                onTradeFor(t, trade);
            }
        });
    }

    // ---- what the exchange reports, on the engine thread ----

    private void onOrder(ExchangeOrder o) {
        Tracked t = orders.get(o.clientOrderId());
        if (t == null || t.closed) {
            return;
        }
        if (!t.accepted) {
            if (o.status() == OrderStatus.REJECTED && o.filledQty().signum() == 0) {
                t.closed = true;
                t.listener.on(new OrderEvent.Rejected(o.clientOrderId(), "UPSTREAM_ERROR",
                        venue().id() + " rejected the order after taking it", o.updateTime()));
                return;
            }
            t.accepted = true;
            t.exchangeOrderId = o.exchangeOrderId();
            t.listener.on(new OrderEvent.Accepted(o.clientOrderId(), o.exchangeOrderId(), o.updateTime()));
        }
        if (o.status().isClosed()) {
            t.closing = o;
            closeIfComplete(t);
        }
    }

    /** One fill of the order {@code t} (REST answers need not name the client order id). */
    private void onTradeFor(Tracked t, ExchangeTrade trade) {
        if (t.closed || !t.tradeIds.add(trade.tradeId())) {
            return;
        }
        if (!t.accepted) {
            t.accepted = true;
            t.exchangeOrderId = trade.exchangeOrderId();
            t.listener.on(new OrderEvent.Accepted(t.request.clientOrderId(), trade.exchangeOrderId(), trade.ts()));
        }
        t.filled = t.filled.add(trade.qty());
        t.listener.on(new OrderEvent.Filled(t.request.clientOrderId(), t.exchangeOrderId, trade.qty(), trade.price(),
                trade.fee(), trade.feeAsset(), trade.ts()));
        closeIfComplete(t);
    }

    /** A fill from the private stream, which names the client order id. */
    private void onTrade(ExchangeTrade trade) {
        Tracked t = trade.clientOrderId() == null ? null : orders.get(trade.clientOrderId());
        if (t != null) {
            onTradeFor(t, trade);
        }
    }

    /** Closes the order once it is closed at the exchange and its fills are all counted; fetches missing fills. */
    private void closeIfComplete(Tracked t) {
        ExchangeOrder closing = t.closing;
        if (closing == null || t.closed) {
            return;
        }
        int cmp = t.filled.compareTo(closing.filledQty());
        if (cmp >= 0) {
            t.closed = true;
            t.listener.on(new OrderEvent.Closed(t.request.clientOrderId(), t.exchangeOrderId, t.filled,
                    closing.status().name().toLowerCase(Locale.ROOT), closing.updateTime()));
            return;
        }
        if (!t.fetchingTrades) {
            t.fetchingTrades = true;
            Thread.ofVirtual().name("trades-" + t.request.clientOrderId()).start(() -> fetchTrades(t, closing));
        }
    }

    private void fetchTrades(Tracked t, ExchangeOrder closing) {
        Backoff backoff = new Backoff(settings.lookupBase(), settings.lookupMax());
        while (true) {
            try {
                List<ExchangeTrade> trades = api.trades(t.request.instrument(), closing.clientOrderId(), closing.exchangeOrderId());
                engine.execute(() -> {
                    t.fetchingTrades = false;
                    for (ExchangeTrade trade : trades) {
                        onTradeFor(t, trade);
                    }
                    if (!t.closed && t.filled.compareTo(closing.filledQty()) < 0) {
                        closeIfComplete(t); // the exchange has not listed them all yet: ask again
                    }
                });
                return;
            } catch (RuntimeException e) {
                LOG.warn("{}: reading the fills of {} failed: {}", venue().id(), closing.clientOrderId(), e.getMessage());
            }
            sleep(backoff.next());
        }
    }

    // ---- the private stream, on its own thread ----

    @Override
    public void connected() {
        streamConnected = true;
        reconcile();
    }

    @Override
    public void disconnected(String reason) {
        streamConnected = false;
        LOG.warn("{}: private stream down ({}); open orders are read over REST until it is back", venue().id(), reason);
    }

    @Override
    public void order(ExchangeOrder order) {
        engine.execute(() -> onOrder(order));
    }

    @Override
    public void trade(ExchangeTrade trade) {
        engine.execute(() -> onTrade(trade));
    }

    /** Reads every open, accepted order again over REST when the private stream is down (the owner calls it periodically). */
    public void poll() {
        if (!streamConnected) {
            reconcile();
        }
    }

    /** Reads every open, accepted order again over REST (from any thread). */
    public void reconcile() {
        engine.execute(() -> {
            List<Tracked> open = new ArrayList<>();
            for (Tracked t : orders.values()) {
                if (!t.closed && t.accepted) {
                    open.add(t);
                }
            }
            if (open.isEmpty()) {
                return;
            }
            Thread.ofVirtual().name("reconcile-" + venue().id()).start(() -> {
                for (Tracked t : open) {
                    try {
                        refresh(t);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: reading {} failed: {}", venue().id(), t.request.clientOrderId(), e.getMessage());
                    }
                }
            });
        });
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

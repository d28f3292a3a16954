package io.crossbook.server.live;

import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.AccountView;
import io.crossbook.core.exec.ExecutionVenue;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.marketdata.MarketDataService;
import io.crossbook.server.settings.ExchangeClients;
import io.crossbook.server.settings.ExchangeCredentials;
import io.crossbook.server.settings.TradingMode;
import io.crossbook.server.settings.TradingProperties;
import io.crossbook.store.trading.OrderRepository;
import io.crossbook.store.trading.StoredOrder;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.trading.ExchangeClock;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangePosition;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.LiveVenue;
import io.crossbook.venues.trading.PrivateStream;
import io.crossbook.venues.trading.TradingApi;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Live mode's exchange accounts: for every exchange with API keys, its {@link TradingApi}, the
 * {@link LiveVenue} the engine trades through, the private stream that feeds it, and the
 * {@link LiveAccount} the risk engine reads. In paper mode it holds nothing.
 *
 * <p>At start-up ({@link #reconcile}) the exchange's open orders and positions are compared with
 * the journal: every difference is an alert, shown and kept; orders the journal does not know are
 * cancelled only when the policy says so ({@code crossbook.trading.unknown-orders=cancel}).
 */
@Component
public class LiveTrading implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTrading.class);
    static final String RECONCILE = "RECONCILE_MISMATCH";
    /** The only profile under which trading may point at hosts other than the exchanges' own (a simulator). */
    public static final String SIMULATOR_PROFILE = "simulator";

    private final TradingProperties trading;
    private final ExchangeCredentials credentials;
    private final ExchangeClients clients;
    private final MarketDataService marketData;
    private final OrderRepository orders;
    private final Clock clock;
    private final Map<Venue, TradingApi> apis = new EnumMap<>(Venue.class);
    private final Map<Venue, ExchangeClock> clocks = new EnumMap<>(Venue.class);
    private final Map<Venue, LiveVenue> venues = new EnumMap<>(Venue.class);
    private final Map<Venue, LiveAccount> accounts = new EnumMap<>(Venue.class);
    private final List<PrivateStream> streams = new ArrayList<>();
    private Consumer<EngineAlert> alerts = a -> { };

    public LiveTrading(TradingProperties trading, ExchangeCredentials credentials, ExchangeClients clients,
                       MarketDataService marketData, OrderRepository orders, ObjectProvider<Clock> clock,
                       Environment environment) {
        List<java.net.URI> foreign = trading.foreignEndpoints();
        if (!foreign.isEmpty() && !environment.matchesProfiles(SIMULATOR_PROFILE)) {
            throw new IllegalStateException("crossbook.trading endpoints " + foreign + " are not the exchanges' own hosts:"
                    + " only the '" + SIMULATOR_PROFILE + "' profile (test equipment) may point trading elsewhere");
        }
        this.trading = trading;
        this.credentials = credentials;
        this.clients = clients;
        this.marketData = marketData;
        this.orders = orders;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Opens every keyed exchange account, its venue posting events with {@code engine} and alerts
     * with {@code alerts} (on the engine thread). Nothing in paper mode.
     */
    public synchronized Map<Venue, ExecutionVenue> open(Executor engine, Consumer<EngineAlert> alerts) {
        this.alerts = alerts;
        if (trading.mode() != TradingMode.LIVE) {
            return Map.of();
        }
        for (Venue v : Venue.values()) {
            Optional<ApiCredentials> keys = credentials.find(v);
            if (keys.isEmpty()) {
                LOG.warn("live mode: {} has no API keys, so nothing can trade there", v.id());
                continue;
            }
            ExchangeClock exchangeClock = new ExchangeClock(clock);
            TradingApi api = clients.tradingApi(v, keys.get(), exchangeClock, id -> marketData.instrument(id).orElse(null));
            LiveVenue venue = new LiveVenue(api, engine, clock, new LiveVenue.Settings(trading.recvWindow(),
                    LiveVenue.Settings.DEFAULT.lookupBase(), LiveVenue.Settings.DEFAULT.lookupMax()),
                    message -> alerts.accept(alert(EngineAlert.CRITICAL, "ORDER_STATE_UNKNOWN", message, v)));
            apis.put(v, api);
            clocks.put(v, exchangeClock);
            venues.put(v, venue);
            accounts.put(v, new LiveAccount(symbol -> marketData.instrument(new InstrumentId(v, Market.LINEAR, symbol)).orElse(null),
                    trading.perpMarginRate()));
            streams.add(api.openPrivateStream(venue));
        }
        return Map.copyOf(venues);
    }

    /** What an exchange says of one order: its state and its fills. */
    public record OrderAtExchange(ExchangeOrder order, List<ExchangeTrade> trades) {
    }

    /**
     * Asks the exchange for an order by its client order id, with its fills: what became of one a
     * previous process sent and journalled without the answer. Empty when the exchange has no such
     * order.
     *
     * @throws RuntimeException when the exchange cannot be asked: no keys, instrument unknown, unreachable
     */
    public Optional<OrderAtExchange> lookUp(InstrumentId id, String clientOrderId) {
        TradingApi api = apis.get(id.venue());
        if (api == null) {
            throw new IllegalStateException(id.venue().id() + " has no API keys");
        }
        Instrument instrument = marketData.instrument(id)
                .orElseThrow(() -> new IllegalStateException(id + " is not known yet"));
        ExchangeOrder order = api.query(instrument, clientOrderId);
        if (order == null) {
            return Optional.empty();
        }
        List<ExchangeTrade> trades = order.filledQty().signum() > 0
                ? api.trades(instrument, clientOrderId, order.exchangeOrderId()) : List.of();
        return Optional.of(new OrderAtExchange(order, trades));
    }

    /** How long after it was signed an exchange may still carry out a request: an order not there after that never will be. */
    public Duration recvWindow() {
        return trading.recvWindow();
    }

    /** The accounts the risk engine reads, one per venue opened. */
    public Map<Venue, AccountView> accounts() {
        return Map.copyOf(accounts);
    }

    /**
     * The signing clocks synchronised with the exchanges' time, balances and positions for the risk
     * engine, and REST reads of open orders while a private stream is down.
     */
    @Scheduled(fixedDelayString = "${crossbook.trading.refresh-every:5s}")
    public void refresh() {
        apis.forEach((v, api) -> {
            try {
                long offset = clocks.get(v).sync(api::serverTime);
                LOG.debug("live mode: {} clock offset {} ms", v.id(), offset);
            } catch (RuntimeException e) {
                LOG.warn("live mode: the {} server time could not be read; signing keeps the last offset: {}", v.id(), e.getMessage());
            }
            try {
                accounts.get(v).update(api.balances(), api.positions());
            } catch (RuntimeException e) {
                LOG.warn("live mode: reading the {} account failed: {}", v.id(), e.getMessage());
            }
            venues.get(v).poll();
        });
    }

    /**
     * Compares each exchange's open orders and perpetual positions with the journal, raising an alert
     * for every difference; returns the differences found.
     */
    public List<String> reconcile() {
        List<String> differences = new ArrayList<>();
        Map<String, StoredOrder> journalOpen = new HashMap<>();
        for (StoredOrder o : orders.open()) {
            journalOpen.put(o.exchange() + "/" + o.clientOrderId(), o);
        }
        apis.forEach((v, api) -> {
            try {
                Set<String> atExchange = new HashSet<>();
                for (Market m : List.of(Market.SPOT, Market.LINEAR)) {
                    for (ExchangeOrder o : api.openOrders(m)) {
                        atExchange.add(v.id() + "/" + o.clientOrderId());
                        if (!journalOpen.containsKey(v.id() + "/" + o.clientOrderId())) {
                            boolean cancel = trading.unknownOrders() == TradingProperties.UnknownOrders.CANCEL;
                            differences.add(v.id() + ": open order " + o.clientOrderId() + " (" + o.symbol() + " "
                                    + o.side().id() + " " + o.qty().toPlainString() + ") is not in the journal"
                                    + (cancel ? "; cancelling it (crossbook.trading.unknown-orders=cancel)" : "; left as it is"));
                            if (cancel) {
                                marketData.instrument(new InstrumentId(v, m, o.symbol()))
                                        .ifPresent(i -> api.cancel(i, o.clientOrderId()));
                            }
                        }
                    }
                }
                for (StoredOrder o : journalOpen.values()) {
                    if (o.exchange().equals(v.id()) && !atExchange.contains(v.id() + "/" + o.clientOrderId())) {
                        differences.add(v.id() + ": the journal has order " + o.clientOrderId() + " open ("
                                + o.state() + "), the exchange does not");
                    }
                }
                Map<String, BigDecimal> expected = orders.netFilled(v.id(), Market.LINEAR.id());
                Map<String, BigDecimal> held = new HashMap<>();
                for (ExchangePosition p : api.positions()) {
                    held.put(p.symbol(), p.qty());
                }
                Set<String> symbols = new HashSet<>(expected.keySet());
                symbols.addAll(held.keySet());
                for (String s : symbols) {
                    BigDecimal want = expected.getOrDefault(s, BigDecimal.ZERO);
                    BigDecimal have = held.getOrDefault(s, BigDecimal.ZERO);
                    if (want.compareTo(have) != 0) {
                        differences.add(v.id() + ": position " + s + " is " + have.toPlainString()
                                + " at the exchange, the journal's fills make it " + want.toPlainString());
                    }
                }
            } catch (RuntimeException e) {
                differences.add(v.id() + ": could not be reconciled: " + e.getMessage());
            }
        });
        for (String d : differences) {
            LOG.warn("live reconciliation: {}", d);
            alerts.accept(alert(EngineAlert.WARNING, RECONCILE, d, null));
        }
        return differences;
    }

    private EngineAlert alert(String severity, String code, String message, Venue venue) {
        return new EngineAlert(severity, code, null, message, null, venue == null ? null : venue.id(), clock.millis());
    }

    @Override
    public void destroy() {
        streams.forEach(PrivateStream::close);
    }
}

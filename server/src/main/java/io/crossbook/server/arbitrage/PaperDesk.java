package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.ArbitrageDesk;
import io.crossbook.core.arb.FeeSchedule;
import io.crossbook.core.arb.OpportunityTracker;
import io.crossbook.core.arb.SpreadCalculator;
import io.crossbook.core.arb.TriangularDetector;
import io.crossbook.core.engine.Engine;
import io.crossbook.core.exec.AccountView;
import io.crossbook.core.exec.ExecutionVenue;
import io.crossbook.core.exec.MarketView;
import io.crossbook.core.exec.PaperAccount;
import io.crossbook.core.exec.PaperVenue;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskEngine;
import io.crossbook.core.risk.RiskLimits;
import io.crossbook.core.risk.TradingState;
import io.crossbook.core.twap.TwapDesk;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The arbitrage desk, the TWAP desk, the risk engine and, in paper mode, a paper venue and account
 * per exchange (in live mode, the exchanges' own), built the same way for the server and for a
 * replay so both trade alike. The desks only ever see the venues through the risk engine's gates;
 * the TWAP desk prices from the arbitrage desk's books, which keeps those of the plans' legs too.
 */
public record PaperDesk(ArbitrageDesk desk, TwapDesk twap, RiskEngine risk, Map<Venue, PaperVenue> venues,
                        Map<Venue, PaperAccount> accounts) {

    /** The risk engine's starting point: limits, and the persisted trading state (a halted platform restarts halted). */
    public record RiskStart(RiskLimits limits, TradingState state, String reason) {
        public static final RiskStart DEFAULT = new RiskStart(RiskLimits.DEFAULTS, TradingState.ACTIVE, null);
    }

    /** Paper trading: a paper venue and account per exchange, with these starting balances per exchange and asset. */
    public static PaperDesk create(Engine engine, ArbitrageProperties properties, FeeSchedule fees,
                                   Map<Venue, Map<String, BigDecimal>> balances, Duration latency,
                                   BigDecimal perpMarginRate, RiskStart riskStart, ArbitrageDesk.Events events,
                                   int twapMaxFailedSlices, TwapDesk.Events twapEvents) {
        return create(engine, properties, fees, balances, latency, perpMarginRate, riskStart, events, twapMaxFailedSlices,
                twapEvents, Map.of(), Map.of());
    }

    /**
     * @param balances     paper balances per exchange and asset, or null for live mode
     * @param live         live mode: the exchanges' own order entry, by venue
     * @param liveAccounts live mode: what the risk engine reads of the exchanges' accounts
     */
    public static PaperDesk create(Engine engine, ArbitrageProperties properties, FeeSchedule fees,
                                   Map<Venue, Map<String, BigDecimal>> balances, Duration latency,
                                   BigDecimal perpMarginRate, RiskStart riskStart, ArbitrageDesk.Events events,
                                   int twapMaxFailedSlices, TwapDesk.Events twapEvents,
                                   Map<Venue, ? extends ExecutionVenue> live, Map<Venue, ? extends AccountView> liveAccounts) {
        ArbitrageDesk[] desk = new ArbitrageDesk[1];
        MarketView books = id -> desk[0].book(id); // the venues price from the desk's books, made just below
        Map<Venue, PaperVenue> venues = new EnumMap<>(Venue.class);
        Map<Venue, PaperAccount> accounts = new EnumMap<>(Venue.class);
        if (balances != null) {
            for (Venue v : Venue.values()) {
                PaperAccount account = new PaperAccount(v, balances.getOrDefault(v, Map.of()), perpMarginRate);
                accounts.put(v, account);
                venues.put(v, new PaperVenue(v, account, books, engine, engine, fees::taker, latency));
            }
        }
        Map<Venue, AccountView> riskAccounts = new EnumMap<>(Venue.class);
        riskAccounts.putAll(accounts);
        riskAccounts.putAll(liveAccounts);
        RiskEngine risk = new RiskEngine(engine, engine, books, riskAccounts, fees::taker, riskStart.limits(),
                riskStart.state(), riskStart.reason(), events::alert);
        Map<Venue, ExecutionVenue> gated = new EnumMap<>(Venue.class);
        venues.forEach((v, venue) -> gated.put(v, risk.gate(venue)));
        live.forEach((v, venue) -> gated.put(v, risk.gate(venue)));
        desk[0] = new ArbitrageDesk(engine, new SpreadCalculator(fees), new OpportunityTracker(properties.materialChange()),
                new TriangularDetector(fees), gated, risk,
                new ArbitrageDesk.Settings(properties.cooldown(), properties.policy(), properties.triangular().startQty()),
                events);
        TwapDesk twap = new TwapDesk(engine, engine, desk[0], gated, risk, fees::taker, desk[0]::alsoWatch,
                new TwapDesk.Settings(properties.policy(), twapMaxFailedSlices), twapEvents);
        return new PaperDesk(desk[0], twap, risk, Map.copyOf(venues), Map.copyOf(accounts));
    }
}

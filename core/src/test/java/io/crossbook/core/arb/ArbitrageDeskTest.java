package io.crossbook.core.arb;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.engine.Engine;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.ExecutionPolicy;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.ExecutionVenue;
import io.crossbook.core.exec.PaperAccount;
import io.crossbook.core.exec.PaperVenue;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskEngine;
import io.crossbook.core.risk.RiskLimits;
import io.crossbook.core.risk.TradingState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The desk on a driven engine with paper venues: pricing on every update, automatic and manual execution, caps. */
class ArbitrageDeskTest {
    static final long MS = 1_000_000L;
    static final Instrument SPOT = new Instrument(Venue.BINANCE, Market.SPOT, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("0.00001"), BigDecimal.TEN, BigDecimal.ONE);
    static final Instrument PERP = new Instrument(Venue.BYBIT, Market.LINEAR, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"), BigDecimal.ONE);

    final List<Object> events = new ArrayList<>();
    final Engine engine = new Engine("test", () -> 0, e -> {
        throw e;
    });
    final Map<Venue, PaperAccount> accounts = new EnumMap<>(Venue.class);
    final ArbitrageDesk desk;
    final RiskEngine risk;

    ArbitrageDeskTest() {
        FeeSchedule fees = FeeSchedule.defaults();
        ArbitrageDesk[] holder = new ArbitrageDesk[1];
        Map<Venue, ExecutionVenue> venues = new EnumMap<>(Venue.class);
        for (Venue v : List.of(Venue.BINANCE, Venue.BYBIT)) {
            PaperAccount account = new PaperAccount(v, Map.of("USDT", new BigDecimal("10000"), "BTC", new BigDecimal("0.1")),
                    BigDecimal.ONE);
            accounts.put(v, account);
        }
        risk = new RiskEngine(engine, engine, id -> holder[0].book(id), accounts, fees::taker, RiskLimits.DEFAULTS,
                TradingState.ACTIVE, null, events::add);
        accounts.forEach((v, account) -> venues.put(v, risk.gate(new PaperVenue(v, account, id -> holder[0].book(id),
                engine, engine, fees::taker, Duration.ofMillis(50)))));
        desk = new ArbitrageDesk(engine, new SpreadCalculator(fees), new OpportunityTracker(0.02),
                new TriangularDetector(fees), venues, risk,
                new ArbitrageDesk.Settings(Duration.ofSeconds(5),
                        new ExecutionPolicy(new BigDecimal("0.001"), Duration.ofSeconds(2), Duration.ofSeconds(5), 2),
                        new BigDecimal("100")),
                new ArbitrageDesk.Events() {
                    @Override
                    public void opportunity(Opportunity o) {
                        events.add(o);
                    }

                    @Override
                    public void executionFinished(ArbitrageDesk.PairExecution e) {
                        events.add(e);
                    }

                    @Override
                    public void alert(EngineAlert a) {
                        events.add(a);
                    }
                });
        holder[0] = desk;
    }

    static PairConfig pair(String threshold, String totalAmount, boolean enabled) {
        return new PairConfig("spot_perp", SPOT, PERP, new BigDecimal(threshold), new BigDecimal("0.01"),
                new BigDecimal(totalAmount), Direction.AUTO, enabled);
    }

    /** One level a side: bid and ask at the instrument's 2-decimal scale, 1 BTC each. */
    static BookSnapshot book(Instrument i, String bid, String ask, long atNanos) {
        return new BookSnapshot(i.id(), 2, 3, new long[] {new BigDecimal(bid).movePointRight(2).longValueExact()},
                new long[] {1000}, new long[] {new BigDecimal(ask).movePointRight(2).longValueExact()}, new long[] {1000},
                true, 1, atNanos / MS, atNanos);
    }

    void update(Instrument i, String bid, String ask, long atNanos) {
        engine.runAt(atNanos, () -> desk.onBook(book(i, bid, ask, atNanos)));
    }

    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void pricesThePairOnEveryUpdateOfEitherLegAndExecutesWhenTheNetSpreadClears() {
        engine.runAt(0, () -> desk.putPair(pair("0.1", "100000", true), BigDecimal.ZERO));
        update(SPOT, "59990", "60000", 10 * MS);
        assertThat(desk.quote("spot_perp").direction()).isNull();

        update(PERP, "60200", "60210", 20 * MS);
        SpreadQuote q = desk.quote("spot_perp");
        assertThat(q.direction()).isEqualTo(Direction.FORWARD);
        // (60200 × (1 − 0.00055) − 60000 × (1 + 0.001)) / 60100 × 100
        double net = (60200 * (1 - 0.00055) - 60000 * 1.001) / 60100 * 100;
        assertThat(q.netSpreadPercent()).isCloseTo(net, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(events(Opportunity.class)).singleElement().extracting(Opportunity::direction).isEqualTo(Direction.FORWARD);

        engine.advanceTo(100 * MS); // both legs fill 50 ms after they were sent
        ArbitrageDesk.PairExecution e = events(ArbitrageDesk.PairExecution.class).getFirst();
        ExecutionResult r = e.result();
        assertThat(e.automatic()).isTrue();
        assertThat(r.outcome()).isEqualTo(ExecutionResult.Outcome.FILLED);
        // bought 0.01 at 60000 (fee 0.6), sold 0.01 at 60200 (fee 0.3311)
        assertThat(r.fees()).isEqualByComparingTo("0.9311");
        assertThat(r.pnl()).isEqualByComparingTo("1.0689");
        assertThat(accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.11");
        assertThat(accounts.get(Venue.BINANCE).free("USDT")).isEqualByComparingTo("9399.4");
        assertThat(accounts.get(Venue.BYBIT).positions()).containsEntry(PERP.id(), new BigDecimal("-0.01"));
    }

    @Test
    void waitsForTheCooldownAndStopsAtTotalAmount() {
        engine.runAt(0, () -> desk.putPair(pair("0.1", "1300", true), BigDecimal.ZERO));
        update(SPOT, "59990", "60000", 10 * MS);
        update(PERP, "60200", "60210", 20 * MS);
        engine.advanceTo(100 * MS);
        update(PERP, "60201", "60210", 2_000 * MS); // within the 5 s cooldown
        engine.advanceTo(3_000 * MS);
        assertThat(events(ArbitrageDesk.PairExecution.class)).hasSize(1);

        update(PERP, "60202", "60210", 6_000 * MS); // cooldown over: 600 + 600 ≤ 1300
        engine.advanceTo(7_000 * MS);
        assertThat(events(ArbitrageDesk.PairExecution.class)).hasSize(2);

        update(PERP, "60203", "60210", 12_000 * MS); // a third would make 1800 > 1300
        update(PERP, "60204", "60210", 13_000 * MS);
        engine.advanceTo(20_000 * MS);
        assertThat(events(ArbitrageDesk.PairExecution.class)).hasSize(2);
        assertThat(events(EngineAlert.class)).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("RISK_REJECTED");
            assertThat(a.message()).contains("totalAmount 1300 would be exceeded");
        });
    }

    @Test
    void aDisabledPairIsPricedButOnlyTradesWhenAskedWhateverTheSpread() {
        engine.runAt(0, () -> desk.putPair(pair("5", "100000", false), BigDecimal.ZERO));
        update(SPOT, "59990", "60000", 10 * MS);
        update(PERP, "60200", "60210", 20 * MS);
        engine.advanceTo(1_000 * MS);
        assertThat(events(ArbitrageDesk.PairExecution.class)).isEmpty();

        CompletableFuture<ArbitrageDesk.PairExecution>[] done = new CompletableFuture[1];
        engine.runAt(1_000 * MS, () -> done[0] = desk.execute("spot_perp"));
        assertThat(done[0]).isNotDone();
        engine.advanceTo(1_100 * MS);
        assertThat(done[0]).isCompleted();
        assertThat(done[0].join().automatic()).isFalse();
        assertThat(done[0].join().result().outcome()).isEqualTo(ExecutionResult.Outcome.FILLED);
    }

    @Test
    void anInvalidBookTakesThePriceAwayAndAManualExecutionIsRefused() {
        engine.runAt(0, () -> desk.putPair(pair("0.1", "100000", false), BigDecimal.ZERO));
        update(SPOT, "59990", "60000", 10 * MS);
        update(PERP, "60200", "60210", 20 * MS);
        engine.runAt(30 * MS, () -> desk.onBookInvalid(PERP.id()));
        assertThat(desk.quote("spot_perp").direction()).isNull();

        CompletableFuture<ArbitrageDesk.PairExecution>[] done = new CompletableFuture[1];
        engine.runAt(40 * MS, () -> done[0] = desk.execute("spot_perp"));
        assertThat(done[0]).isCompletedExceptionally();
        assertThat(done[0].exceptionNow()).isInstanceOf(ArbitrageDesk.ExecutionRefused.class)
                .hasMessageContaining("has no price");
        assertThat(((ArbitrageDesk.ExecutionRefused) done[0].exceptionNow()).code()).isEqualTo("EXCHANGE_UNAVAILABLE");
    }

    @Test
    void removingAPairStopsWatchingItsBooks() {
        engine.runAt(0, () -> desk.putPair(pair("0.1", "100000", false), BigDecimal.ZERO));
        assertThat(desk.watches(SPOT.id())).isTrue();
        engine.runAt(1, () -> assertThat(desk.removePair("spot_perp")).isTrue());
        assertThat(desk.watches(SPOT.id())).isFalse();
        assertThat(desk.quote("spot_perp")).isNull();
        CompletableFuture<ArbitrageDesk.PairExecution>[] done = new CompletableFuture[1];
        engine.runAt(2, () -> done[0] = desk.execute("spot_perp"));
        assertThat(((ArbitrageDesk.ExecutionRefused) done[0].exceptionNow()).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aBookNoOneWatchesIsForgottenSoALaterPairNeverPricesFromIt() {
        engine.runAt(0, () -> desk.putPair(pair("0.1", "100000", false), BigDecimal.ZERO));
        update(SPOT, "59990", "60000", 10 * MS);
        update(PERP, "60200", "60210", 20 * MS);
        engine.runAt(30 * MS, () -> desk.removePair("spot_perp"));

        engine.runAt(40 * MS, () -> desk.putPair(pair("0.1", "100000", false), BigDecimal.ZERO));
        assertThat(desk.quote("spot_perp").direction()).isNull();
        assertThat(desk.book(SPOT.id())).isNull();
    }
}

package io.crossbook.core.risk;

import static io.crossbook.core.exec.ExecutionResult.Outcome.FAILED;
import static io.crossbook.core.exec.ExecutionResult.Outcome.FILLED;
import static io.crossbook.core.exec.ExecutionResult.Outcome.HEDGED_PARTIAL;
import static io.crossbook.core.exec.ExecutionResult.Outcome.IMBALANCED;
import static io.crossbook.core.exec.ExecutionResult.Outcome.UNWOUND;
import static io.crossbook.core.model.OrderSide.BUY;
import static io.crossbook.core.risk.RiskFixture.BINANCE_SPOT;
import static io.crossbook.core.risk.RiskFixture.BYBIT_PERP;
import static io.crossbook.core.risk.RiskFixture.OKX_SPOT;
import static io.crossbook.core.risk.RiskFixture.assertAllowed;
import static io.crossbook.core.risk.RiskFixture.assertRefused;
import static io.crossbook.core.risk.RiskFixture.assertRefusedBy;
import static io.crossbook.core.risk.RiskFixture.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.ExecutionVenue;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderListener;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The circuit breakers and pauses, on the engine clock: pair breakers (consecutive failures, error
 * rate), venue breakers (errors, rate limits, doubling pauses), the anomaly pause and the deviation
 * pause. Pairs p1 (Binance spot / Bybit perp), p2 (Binance spot / OKX spot) and p3 (Bybit perp /
 * OKX spot); a pair is checked as a manual execution at the books' tops, which every other rule allows.
 */
class RiskEngineBreakersTest {
    final RiskFixture f = new RiskFixture();

    static void assertPairPaused(RiskRefusal refusal, String pauseRule) {
        assertThat(refusal).isNotNull();
        assertThat(refusal.rule()).isEqualTo("pair_paused");
        assertThat(refusal.message()).contains("is paused (" + pauseRule);
    }

    @Nested
    class PairBreaker {
        @Test
        void failuresInARowBelowTheLimitThenASuccessStartOver() {
            f.setLimits("pairMaxConsecutiveFailures", 3, "pairMaxErrorRate", "1");
            f.executed("p1", FAILED, UNWOUND, FILLED, FAILED, IMBALANCED);
            assertThat(f.check("p1")).isNull();
            assertThat(f.alerts("PAIR_PAUSED")).isEmpty();
        }

        @Test
        void aPartialHedgeIsNotAFailure() {
            f.setLimits("pairMaxConsecutiveFailures", 3, "pairMaxErrorRate", "1");
            f.executed("p1", FAILED, FAILED, HEDGED_PARTIAL, FAILED, FAILED);
            assertThat(f.check("p1")).isNull();
        }

        @Test
        void nFailuresInARowPauseThePairForPairPauseMs() {
            f.setLimits("pairMaxConsecutiveFailures", 3, "pairMaxErrorRate", "1", "pairPauseMs", 60_000);
            f.executed("p1", FAILED, UNWOUND);
            long trip = f.now() + 1_000;
            f.at(trip);
            f.executed("p1", IMBALANCED);
            assertThat(f.alerts("PAIR_PAUSED")).singleElement().satisfies(a -> {
                assertThat(a.severity()).isEqualTo(EngineAlert.WARNING);
                assertThat(a.rule()).isEqualTo("consecutive_failures");
                assertThat(a.pairId()).isEqualTo("p1");
                assertThat(a.message()).isEqualTo(
                        "pair p1 paused: 3 failed executions in a row (limit 3); resumes in 60 s");
                assertThat(a.ts()).isEqualTo(trip);
            });

            RiskRefusal refusal = f.check("p1");
            assertPairPaused(refusal, "consecutive_failures");
            assertThat(refusal.message()).isEqualTo(
                    "pair p1 is paused (consecutive_failures): 3 failed executions in a row (limit 3)");
            assertThat(f.alerts("RISK_REJECTED")).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo("pair_paused");
                assertThat(a.pairId()).isEqualTo("p1");
            });
            // only that pair
            assertThat(f.check("p2")).isNull();
            // orders through a gate are not a pair's execution
            assertAllowed(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")));

            f.at(trip + 59_999);
            assertPairPaused(f.check("p1"), "consecutive_failures");
            assertThat(f.alerts("PAIR_RESUMED")).isEmpty();
            f.at(trip + 60_000);
            assertThat(f.alerts("PAIR_RESUMED")).singleElement().satisfies(a -> {
                assertThat(a.severity()).isEqualTo(EngineAlert.INFO);
                assertThat(a.pairId()).isEqualTo("p1");
                assertThat(a.ts()).isEqualTo(trip + 60_000);
            });
            assertThat(f.check("p1")).isNull();
        }

        @Test
        void afterAPauseTheFailuresCountFromZero() {
            f.setLimits("pairMaxConsecutiveFailures", 3, "pairMaxErrorRate", "1", "pairPauseMs", 60_000);
            f.executed("p1", FAILED, FAILED, FAILED);
            f.later(60_000);
            f.executed("p1", FAILED, FAILED);
            assertThat(f.check("p1")).isNull();
            f.executed("p1", FAILED);
            assertPairPaused(f.check("p1"), "consecutive_failures");
        }

        @Test
        void withPairPauseMsZeroThePairStaysPausedUntilResumedByHand() {
            f.setLimits("pairMaxConsecutiveFailures", 3, "pairMaxErrorRate", "1", "pairPauseMs", 0);
            long trip = f.now();
            f.executed("p1", FAILED, FAILED, FAILED);
            assertThat(f.alerts("PAIR_PAUSED")).singleElement().extracting(EngineAlert::message).asString()
                    .endsWith("; resume it by hand");
            assertThat(f.status().pauses()).containsExactly(new Pause("pair", "p1", "consecutive_failures",
                    "3 failed executions in a row (limit 3)", trip, Pause.BY_HAND));

            f.later(86_400_000);
            assertPairPaused(f.check("p1"), "consecutive_failures");
            assertThat(f.call(() -> f.risk.resumePair("p1"))).isTrue();
            assertThat(f.check("p1")).isNull();
            assertThat(f.status().pauses()).isEmpty();
            assertThat(f.call(() -> f.risk.resumePair("p1"))).as("nothing left to resume").isFalse();
        }

        @Test
        void anErrorRateExactlyAtTheLimitDoesNotTripAndAboveItDoes() {
            f.setLimits("pairMaxConsecutiveFailures", 100, "pairMaxErrorRate", "0.5", "pairErrorRateMinSamples", 4);
            // 2 failed of 4 = 0.5
            f.executed("p1", FAILED, FILLED, UNWOUND, FILLED);
            assertThat(f.check("p1")).isNull();
            // 3 of 5 = 0.6
            f.executed("p1", FAILED);
            RiskRefusal refusal = f.check("p1");
            assertPairPaused(refusal, "error_rate");
            assertThat(refusal.message()).endsWith(
                    "3 of the last 5 executions failed within 900 s, above the error rate 0.5");
            assertThat(f.alerts("PAIR_PAUSED")).singleElement().extracting(EngineAlert::rule).isEqualTo("error_rate");
        }

        @Test
        void belowTheMinimumSamplesTheErrorRateNeverTrips() {
            f.setLimits("pairMaxConsecutiveFailures", 100, "pairMaxErrorRate", "0.5", "pairErrorRateMinSamples", 4);
            // 3 of 3 failed, but 3 samples are fewer than 4
            f.executed("p1", FAILED, FAILED, FAILED);
            assertThat(f.check("p1")).isNull();
            // 4 of 4
            f.executed("p1", FAILED);
            assertPairPaused(f.check("p1"), "error_rate");
        }

        @Test
        void onlyExecutionsWithinTheWindowCountTowardTheErrorRate() {
            f.setLimits("pairMaxConsecutiveFailures", 100, "pairMaxErrorRate", "0.5", "pairErrorRateMinSamples", 4,
                    "pairErrorWindowMs", 60_000);
            long t = f.now();
            f.executed("p1", FAILED, FAILED, FILLED);
            // 60 s later the first three are out of the window: 1 failure of 1 sample
            f.at(t + 60_000);
            f.executed("p1", FAILED);
            assertThat(f.check("p1")).isNull();
            // 3 of 4 within the window
            f.executed("p1", FAILED, FILLED, FAILED);
            assertPairPaused(f.check("p1"), "error_rate");
        }
    }

    @Nested
    class VenueBreaker {
        {
            f.setLimits("venueMaxErrors", 3, "venueErrorWindowMs", 60_000, "venuePauseMs", 10_000,
                    "venueMaxPauseMs", 25_000);
        }

        void disconnect(Venue venue, int times) {
            for (int i = 0; i < times; i++) {
                f.run(() -> f.risk.onDisconnect(venue, "websocket closed"));
            }
        }

        @Test
        void theNthErrorPausesOrdersOnThatVenueForVenuePauseMs() {
            long t = f.now();
            disconnect(Venue.BINANCE, 1);
            f.at(t + 1_000);
            disconnect(Venue.BINANCE, 1);
            assertAllowed(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")));
            assertThat(f.alerts("VENUE_PAUSED")).isEmpty();

            f.at(t + 2_000);
            disconnect(Venue.BINANCE, 1);
            assertThat(f.alerts("VENUE_PAUSED")).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo("venue_errors");
                assertThat(a.venue()).isEqualTo("binance");
                assertThat(a.message()).startsWith("trading on binance paused for 10 s (trip 1): 3 errors within 60 s "
                        + "(limit 3), the last DISCONNECTED: websocket closed");
            });
            OrderRequest order = f.market(BINANCE_SPOT, BUY, "0.01");
            RiskFixture.Sent paused = f.submit(order);
            assertRefused(paused, "venue_paused");
            assertThat(paused.rejected().message()).startsWith("venue_paused: trading on binance is paused until "
                    + (t + 12_000) + " (venue_errors)");
            // the other venues trade on
            assertAllowed(f.submit(f.market(BYBIT_PERP, BUY, "0.01")));
            assertThat(f.check("p3")).isNull();
            assertThat(f.check("p1").rule()).isEqualTo("venue_paused");

            f.at(t + 11_999);
            assertRefusedBy(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")), "venue_paused");
            f.at(t + 12_000);
            assertThat(f.alerts("VENUE_RESUMED")).singleElement().satisfies(a -> {
                assertThat(a.venue()).isEqualTo("binance");
                assertThat(a.ts()).isEqualTo(t + 12_000);
            });
            assertAllowed(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")));
        }

        @Test
        void aTripSoonAfterTheLastPauseLastsTwiceAsLongUpToVenueMaxPauseMs() {
            long t = f.now();
            disconnect(Venue.OKX, 3); // 10 s, until t + 10 s
            f.at(t + 15_000);
            disconnect(Venue.OKX, 3); // 5 s after the last pause ended: 20 s
            f.at(t + 34_999);
            assertRefused(f.submit(f.market(OKX_SPOT, BUY, "0.01")), "venue_paused");
            f.at(t + 35_000);
            assertAllowed(f.trade(f.market(OKX_SPOT, BUY, "0.01")));

            f.at(t + 40_000);
            disconnect(Venue.OKX, 3); // 40 s, capped at 25 s
            f.at(t + 64_999);
            assertRefusedBy(f.submit(f.market(OKX_SPOT, BUY, "0.01")), "venue_paused");
            f.at(t + 65_000);
            assertAllowed(f.trade(f.market(OKX_SPOT, BUY, "0.01")));

            // venueMaxPauseMs after the last pause ended, it starts over at 10 s
            f.at(t + 90_000);
            disconnect(Venue.OKX, 3);
            f.at(t + 99_999);
            assertRefusedBy(f.submit(f.market(OKX_SPOT, BUY, "0.01")), "venue_paused");
            f.at(t + 100_000);
            assertAllowed(f.submit(f.market(OKX_SPOT, BUY, "0.01")));

            assertThat(f.alerts("VENUE_PAUSED")).extracting(EngineAlert::message)
                    .map(m -> m.substring(0, m.indexOf(')') + 1)).containsExactly(
                            "trading on okx paused for 10 s (trip 1)", "trading on okx paused for 20 s (trip 2)",
                            "trading on okx paused for 25 s (trip 3)", "trading on okx paused for 10 s (trip 1)");
        }

        @Test
        void errorsOlderThanTheWindowDoNotCount() {
            long t = f.now();
            disconnect(Venue.BINANCE, 1);
            f.at(t + 30_000);
            disconnect(Venue.BINANCE, 1);
            // the first is 60 s old now: out of the window
            f.at(t + 60_000);
            disconnect(Venue.BINANCE, 1);
            assertAllowed(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")));
            disconnect(Venue.BINANCE, 1);
            assertRefused(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")), "venue_paused");
        }

        @Test
        void aResumeByHandEndsTheVenuePause() {
            disconnect(Venue.BINANCE, 3);
            assertThat(f.call(() -> f.risk.resumeVenue(Venue.BINANCE))).isTrue();
            assertThat(f.alerts("VENUE_RESUMED")).hasSize(1);
            assertAllowed(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")));
        }

        /** A venue that refuses every order with {@code code}, as an exchange would. */
        final class Refusing implements ExecutionVenue {
            String code;

            @Override
            public Venue venue() {
                return Venue.BINANCE;
            }

            @Override
            public void submit(OrderRequest order, OrderListener listener) {
                String c = code;
                f.engine.at(f.engine.nowNanos(), () -> listener.on(new OrderEvent.Rejected(order.clientOrderId(), c,
                        c.equals("RATE_LIMITED") ? "HTTP 429: too many requests" : "HTTP 503", f.now())));
            }

            @Override
            public void cancel(String clientOrderId) {
            }
        }

        List<OrderEvent> send(ExecutionVenue gate, OrderRequest order) {
            List<OrderEvent> events = new ArrayList<>();
            f.run(() -> gate.submit(order, events::add));
            f.later(0);
            return events;
        }

        @Test
        void aRateLimitFromTheVenuePausesItAtOnce() {
            Refusing exchange = new Refusing();
            exchange.code = "RATE_LIMITED";
            ExecutionVenue gate = f.risk.gate(exchange);
            assertThat(send(gate, f.market(BINANCE_SPOT, BUY, "0.01"))).singleElement()
                    .isInstanceOfSatisfying(OrderEvent.Rejected.class,
                            r -> assertThat(r.code()).isEqualTo("RATE_LIMITED"));
            assertThat(f.alerts("VENUE_PAUSED")).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo("rate_limited");
                assertThat(a.message()).contains("the exchange asked to slow down: HTTP 429: too many requests");
            });
            assertRefused(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")), "venue_paused");
            assertThat(f.status().openOrders()).isZero();
        }

        @Test
        void exchangeErrorsCountButARefusalOfTheOrderItselfDoesNot() {
            Refusing exchange = new Refusing();
            ExecutionVenue gate = f.risk.gate(exchange);
            exchange.code = "INSUFFICIENT_FUNDS";
            for (int i = 0; i < 5; i++) {
                send(gate, f.market(BINANCE_SPOT, BUY, "0.01"));
            }
            exchange.code = "UPSTREAM_ERROR";
            send(gate, f.market(BINANCE_SPOT, BUY, "0.01"));
            exchange.code = "EXCHANGE_UNAVAILABLE";
            send(gate, f.market(BINANCE_SPOT, BUY, "0.01"));
            assertThat(f.alerts("VENUE_PAUSED")).isEmpty();
            disconnect(Venue.BINANCE, 1);
            assertThat(f.alerts("VENUE_PAUSED")).singleElement().extracting(EngineAlert::rule)
                    .isEqualTo("venue_errors");
        }
    }

    @Nested
    class AnomalyPause {
        {
            f.setLimits("anomalyResumeAfterMs", 30_000);
        }

        void anomaly(InstrumentId instrument, AnomalyKind kind) {
            f.run(() -> f.risk.onAnomaly(instrument, kind, "detail of " + kind));
        }

        void healthyBook(long atMs) {
            f.at(atMs);
            f.run(() -> f.risk.onBook(f.books.get(BINANCE_SPOT.id())));
        }

        Pause instrumentPause() {
            return f.status().pauses().stream().filter(p -> p.scope().equals("instrument")).findFirst().orElseThrow();
        }

        @Test
        void aPriceJumpPausesEveryPairTradingTheBookUntilItsBookHasBeenHealthyLongEnough() {
            long t = f.now();
            anomaly(BINANCE_SPOT.id(), AnomalyKind.PRICE_JUMP);
            assertThat(f.alerts("ANOMALY_PAUSE")).extracting(EngineAlert::pairId).containsExactly("p1", "p2");
            assertThat(f.alerts("ANOMALY_PAUSE")).first().satisfies(a -> {
                assertThat(a.rule()).isEqualTo("PRICE_JUMP");
                assertThat(a.venue()).isEqualTo("binance");
                assertThat(a.message()).isEqualTo("pair p1: PRICE_JUMP on binance:spot:BTCUSDT: detail of PRICE_JUMP; "
                        + "trading paused; resumes after 30 s of healthy data");
            });
            RiskRefusal refusal = f.check("p1");
            assertPairPaused(refusal, "PRICE_JUMP on binance:spot:BTCUSDT");
            assertPairPaused(f.check("p2"), "PRICE_JUMP");
            assertThat(f.check("p3")).as("p3 does not trade the book").isNull();
            assertThat(instrumentPause()).isEqualTo(new Pause("instrument", "binance:spot:BTCUSDT", "PRICE_JUMP",
                    "detail of PRICE_JUMP", t, 0));

            // healthy from the first update after it
            healthyBook(t + 1_000);
            assertThat(instrumentPause().resumesAt()).isEqualTo(t + 31_000);
            healthyBook(t + 30_999);
            assertPairPaused(f.check("p1"), "PRICE_JUMP");
            assertThat(f.alerts("ANOMALY_RESUMED")).isEmpty();

            healthyBook(t + 31_000);
            assertThat(f.alerts("ANOMALY_RESUMED")).extracting(EngineAlert::pairId).containsExactly("p1", "p2");
            assertThat(f.alerts("ANOMALY_RESUMED")).first().extracting(EngineAlert::message).isEqualTo(
                    "pair p1 resumed: PRICE_JUMP cleared: the book of binance:spot:BTCUSDT healthy for 30 s");
            assertThat(f.check("p1")).isNull();
            assertThat(f.check("p2")).isNull();
            assertThat(f.status().pauses()).isEmpty();
        }

        @Test
        void aNewAnomalyWhileHealingStartsTheHealthyPeriodOver() {
            long t = f.now();
            anomaly(BINANCE_SPOT.id(), AnomalyKind.PRICE_JUMP);
            healthyBook(t + 1_000);
            f.at(t + 20_000);
            anomaly(BINANCE_SPOT.id(), AnomalyKind.CROSSED_BOOK);
            assertThat(f.alerts("ANOMALY_PAUSE")).as("one pause, one alert per pair").hasSize(2);
            healthyBook(t + 31_000);
            assertPairPaused(f.check("p1"), "CROSSED_BOOK");
            healthyBook(t + 60_999);
            assertPairPaused(f.check("p1"), "CROSSED_BOOK");
            healthyBook(t + 61_000);
            assertThat(f.check("p1")).isNull();
        }

        @Test
        void aStaleFeedCountsItsHealthyPeriodFromTheFirstBookUpdateAfterIt() {
            long t = f.now();
            anomaly(BINANCE_SPOT.id(), AnomalyKind.STALE_FEED);
            // two minutes without a book: still paused
            f.at(t + 120_000);
            assertPairPaused(f.check("p1"), "STALE_FEED");
            healthyBook(t + 120_000);
            assertPairPaused(f.check("p1"), "STALE_FEED");
            healthyBook(t + 149_999);
            assertPairPaused(f.check("p1"), "STALE_FEED");
            healthyBook(t + 150_000);
            assertThat(f.check("p1")).isNull();
        }

        @Test
        void withAnomalyResumeAfterMsZeroOnlyAResumeByHandEndsIt() {
            f.setLimits("anomalyResumeAfterMs", 0);
            long t = f.now();
            anomaly(BINANCE_SPOT.id(), AnomalyKind.PRICE_JUMP);
            assertThat(f.alerts("ANOMALY_PAUSE").getFirst().message()).endsWith("; resume it by hand");
            for (int s = 1; s <= 600; s++) {
                healthyBook(t + s * 1_000L);
            }
            assertPairPaused(f.check("p1"), "PRICE_JUMP");
            assertThat(instrumentPause().resumesAt()).isEqualTo(Pause.BY_HAND);

            assertThat(f.call(() -> f.risk.resumePair("p1"))).isTrue();
            assertThat(f.check("p1")).isNull();
            // the anomaly was on the shared book: the pair sharing it trades again too
            assertThat(f.check("p2")).isNull();
        }

        @ParameterizedTest
        @EnumSource(value = AnomalyKind.class, names = {"PRICE_JUMP", "STALE_FEED", "CROSSED_BOOK"})
        void marketAnomaliesPause(AnomalyKind kind) {
            anomaly(BYBIT_PERP.id(), kind);
            assertPairPaused(f.check("p1"), kind.name());
            assertPairPaused(f.check("p3"), kind.name());
            assertThat(f.check("p2")).isNull();
        }

        @ParameterizedTest
        @EnumSource(value = AnomalyKind.class, names = {"SEQUENCE_GAP", "CHECKSUM_MISMATCH", "INVALID_MESSAGE",
            "TIMESTAMP_REGRESSION"})
        void feedFaultsThatAlreadyMakeTheBookUnusableDoNotPause(AnomalyKind kind) {
            anomaly(BINANCE_SPOT.id(), kind);
            assertThat(f.alerts).isEmpty();
            assertThat(f.check("p1")).isNull();
            assertThat(f.status().pauses()).isEmpty();
        }
    }

    @Nested
    class Deviation {
        {
            f.setLimits("anomalyResumeAfterMs", 30_000);
        }

        void pairBooks(String spotBid, String spotAsk, String perpBid, String perpAsk) {
            BookSnapshot spot = f.show(book(BINANCE_SPOT).bid(spotBid, "1").ask(spotAsk, "1"));
            BookSnapshot perp = f.show(book(BYBIT_PERP).bid(perpBid, "1").ask(perpAsk, "1"));
            f.run(() -> f.risk.onPairBooks("p1", spot, perp));
        }

        /** Mids 1 % apart: |m1 − m2| / ((m1 + m2) / 2) = 0.01, maxVenueDeviationPercent 1 (the default). */
        @ParameterizedTest
        @CsvSource({
            "59699.99, 59700.01, 60299.9, 60300.1", // 600 / 60000
            "59610.44, 59610.46, 60209.5, 60209.6", // 599.1 / 59910
            "59630.34, 59630.36, 60229.6, 60229.7", // 599.3 / 59930
            "59660.19, 59660.21, 60259.7, 60259.9", // 599.6 / 59960
        })
        void legMidsExactlyAtTheBoundDoNotPauseOneTickFurtherDo(String spotBid, String spotAsk, String perpBid,
                                                                 String perpAsk) {
            pairBooks(spotBid, spotAsk, perpBid, perpAsk);
            assertThat(f.alerts("ANOMALY_PAUSE")).isEmpty();
            assertThat(f.check("p1")).isNull();

            // the perp's ask one tick higher moves its mid 0.05 further away
            pairBooks(spotBid, spotAsk, perpBid, new BigDecimal(perpAsk).add(new BigDecimal("0.1")).toPlainString());
            assertThat(f.alerts("ANOMALY_PAUSE")).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo("venue_deviation");
                assertThat(a.pairId()).isEqualTo("p1");
            });
            assertPairPaused(f.check("p1"), "venue_deviation");
            assertThat(f.status().pauses()).extracting(Pause::scope, Pause::id).containsExactly(
                    tuple("pair", "p1"));
        }

        @Test
        void aPairPausedOnDeviationResumesAfterItsLegsAgreeLongEnough() {
            long t = f.now();
            pairBooks("59699.99", "59700.01", "60400.0", "60400.2"); // 700.1 / 60050.05 = 1.166 %
            RiskRefusal refusal = f.check("p1");
            assertPairPaused(refusal, "venue_deviation");
            assertThat(refusal.message()).isEqualTo("pair p1 is paused (venue_deviation): leg mids 59700 and 60400.1 "
                    + "are 1.166% apart (limit 1%)");

            f.at(t + 1_000);
            pairBooks("59699.99", "59700.01", "60299.9", "60300.1"); // back to 1 %: healthy from now
            f.at(t + 30_999);
            pairBooks("59699.99", "59700.01", "60299.9", "60300.1");
            assertPairPaused(f.check("p1"), "venue_deviation");
            f.at(t + 31_000);
            pairBooks("59699.99", "59700.01", "60299.9", "60300.1");
            assertThat(f.alerts("ANOMALY_RESUMED")).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo("venue_deviation");
                assertThat(a.pairId()).isEqualTo("p1");
            });
            assertThat(f.check("p1")).isNull();
        }
    }
}

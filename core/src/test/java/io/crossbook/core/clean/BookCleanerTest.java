package io.crossbook.core.clean;

import static io.crossbook.core.model.Side.ASK;
import static io.crossbook.core.model.Side.BID;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Prices at scale 1; a 2 % jump bound over a 1 s window; stale after 10 s. */
class BookCleanerTest {
    static final InstrumentId BTCUSDT = new InstrumentId(Venue.BINANCE, Market.LINEAR, "BTCUSDT");
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000 * MS;
    static final long T0 = 1723161255030314667L;

    final OrderBook book = new OrderBook(BTCUSDT, 1, 3);
    final List<Anomaly> anomalies = new ArrayList<>();
    final BookCleaner cleaner = new BookCleaner(book,
            new CleaningRules(0.02, Duration.ofSeconds(1), Duration.ofSeconds(10)), anomalies::add);

    /** Replaces the top of the book, as an applied message would, and runs the checks. */
    boolean quote(long bid, long ask, long exchangeMillis, long receiveNanos) {
        book.reset("next message");
        book.set(BID, bid, 1_000);
        book.set(ASK, ask, 1_000);
        book.markValid();
        return cleaner.afterApply(exchangeMillis, receiveNanos);
    }

    /** A one-tick spread around a mid given as bid + ask, e.g. 2000 for 100.0. */
    boolean mid(long midSum, long receiveNanos) {
        return quote(midSum / 2 - 1 + midSum % 2, midSum / 2 + 1, receiveNanos / MS, receiveNanos);
    }

    List<AnomalyKind> kinds() {
        return anomalies.stream().map(Anomaly::kind).toList();
    }

    @Test
    void aCrossedBookIsRejected() {
        assertThat(quote(618003, 618003, 1, T0)).isFalse();

        assertThat(book.valid()).isFalse();
        assertThat(book.invalidReason()).startsWith("CROSSED_BOOK");
        assertThat(kinds()).containsExactly(AnomalyKind.CROSSED_BOOK);
        assertThat(anomalies.get(0).instrument()).isEqualTo(BTCUSDT);
        assertThat(anomalies.get(0).receiveNanos()).isEqualTo(T0);
        assertThat(anomalies.get(0).detail()).contains("618003");
        assertThat(cleaner.stats().anomalies()).isEqualTo(1);
        assertThat(cleaner.stats().applied()).isEqualTo(1);
    }

    @Test
    void anOrderlyBookPassesAndStaysValid() {
        assertThat(quote(618002, 618003, 1, T0)).isTrue();
        assertThat(quote(618001, 618003, 2, T0 + MS)).isTrue();
        assertThat(book.valid()).isTrue();
        assertThat(anomalies).isEmpty();
        assertThat(cleaner.stats().applied()).isEqualTo(2);
        assertThat(cleaner.stats().lastUpdateNanos()).isEqualTo(T0 + MS);
    }

    @Nested
    class PriceJumps {

        @Test
        void aMoveOfExactlyTheBoundIsNotAJump() {
            mid(2000, T0);
            mid(2040, T0 + 100 * MS); // +2.00 %
            mid(1960, T0 + 200 * MS); // -2.00 %
            assertThat(anomalies).isEmpty();
        }

        @Test
        void aMoveBeyondTheBoundIsFlaggedOnceAndTheDataKept() {
            mid(2000, T0);
            assertThat(mid(2041, T0 + 100 * MS)).isTrue(); // +2.05 %
            mid(2041, T0 + 200 * MS);
            mid(2042, T0 + 300 * MS);

            assertThat(kinds()).containsExactly(AnomalyKind.PRICE_JUMP);
            assertThat(anomalies.get(0).detail()).contains("100 ms");
            assertThat(book.valid()).as("a jump is the market's, not a broken book").isTrue();
        }

        @Test
        void aFallBeyondTheBoundIsFlaggedToo() {
            mid(2000, T0);
            mid(1959, T0 + 100 * MS);
            assertThat(kinds()).containsExactly(AnomalyKind.PRICE_JUMP);
        }

        @Test
        void withinTheWindowMovesAccumulateAgainstTheSameReference() {
            mid(2000, T0);
            mid(2030, T0 + 500 * MS);
            mid(2060, T0 + 900 * MS); // +3 % on the reference, +1.5 % on the previous mid
            assertThat(kinds()).containsExactly(AnomalyKind.PRICE_JUMP);
        }

        @Test
        void theReferenceIsResampledOncePerWindow() {
            mid(2000, T0);
            mid(2030, T0 + SECOND); // +1.5 %, and the new reference
            mid(2070, T0 + 1_500 * MS); // +1.97 % on 2030, +3.5 % on 2000
            assertThat(anomalies).isEmpty();

            mid(2112, T0 + 2_000 * MS); // a new window, checked against 2030 first: +4 %
            assertThat(kinds()).containsExactly(AnomalyKind.PRICE_JUMP);
        }

        @Test
        void resetReferenceStartsAFreshWindow() {
            mid(2000, T0);
            cleaner.resetReference();
            mid(2200, T0 + 100 * MS);
            mid(2210, T0 + 200 * MS);
            assertThat(anomalies).isEmpty();
        }

        @Test
        void aOneSidedBookHasNoMidToCheck() {
            mid(2000, T0);
            book.set(ASK, 1001, 0);
            book.set(BID, 999, 0);
            book.set(BID, 1500, 1);
            cleaner.afterApply((T0 + MS) / MS, T0 + MS);
            assertThat(anomalies).isEmpty();
        }
    }

    @Test
    void anEventTimeGoingBackwardsIsFlaggedAndTheBookKept() {
        quote(618002, 618003, 1723161256501L, T0);
        assertThat(quote(618002, 618003, 1723161256499L, T0 + MS)).isTrue();
        quote(618002, 618003, 1723161256500L, T0 + 2 * MS); // still before the latest seen
        quote(618002, 618003, 1723161256501L, T0 + 3 * MS); // equal is not backwards
        quote(618002, 618003, 1723161256502L, T0 + 4 * MS);

        assertThat(kinds()).containsExactly(AnomalyKind.TIMESTAMP_REGRESSION, AnomalyKind.TIMESTAMP_REGRESSION);
        assertThat(anomalies.get(0).detail()).contains("1723161256499").contains("1723161256501");
        assertThat(book.valid()).isTrue();
    }

    @Nested
    class Staleness {

        @Test
        void neverStaleBeforeTheFirstUpdate() {
            cleaner.checkStale(T0 + 1_000 * SECOND);
            assertThat(cleaner.stale()).isFalse();
            assertThat(anomalies).isEmpty();
        }

        @Test
        void flaggedOncePerStalePeriodAndClearedByTheNextUpdate() {
            mid(2000, T0);
            cleaner.checkStale(T0 + 10 * SECOND);
            assertThat(cleaner.stale()).as("exactly the limit").isFalse();

            cleaner.checkStale(T0 + 10 * SECOND + 1);
            cleaner.checkStale(T0 + 11 * SECOND);
            cleaner.checkStale(T0 + 60 * SECOND);
            assertThat(cleaner.stale()).isTrue();
            assertThat(kinds()).containsExactly(AnomalyKind.STALE_FEED);
            assertThat(anomalies.get(0).receiveNanos()).isEqualTo(T0 + 10 * SECOND + 1);
            assertThat(anomalies.get(0).detail()).contains("10000 ms");

            mid(2000, T0 + 61 * SECOND);
            assertThat(cleaner.stale()).isFalse();
            cleaner.checkStale(T0 + 65 * SECOND);
            assertThat(cleaner.stale()).isFalse();

            cleaner.checkStale(T0 + 72 * SECOND);
            assertThat(kinds()).containsExactly(AnomalyKind.STALE_FEED, AnomalyKind.STALE_FEED);
            assertThat(book.valid()).isTrue();
        }
    }

    @Test
    void feedStatsCountGapsAndChecksumFailuresFromRejectKinds() {
        FeedStats stats = cleaner.stats();
        stats.countMessage();
        stats.countMessage();
        book.markValid();

        cleaner.reject(AnomalyKind.SEQUENCE_GAP, "pu 5123107852948 after u 5123107852940", T0);
        assertThat(book.valid()).isFalse();
        assertThat(book.invalidReason()).isEqualTo("SEQUENCE_GAP: pu 5123107852948 after u 5123107852940");
        for (int i = 0; i < 2; i++) {
            cleaner.reject(AnomalyKind.CHECKSUM_MISMATCH, "crc", T0 + i);
        }
        for (int i = 0; i < 3; i++) {
            cleaner.reject(AnomalyKind.INVALID_MESSAGE, "12x.5", T0 + i);
        }
        stats.countResync();
        stats.countChecksumVerified();

        assertThat(stats.instrument()).isEqualTo(BTCUSDT);
        assertThat(stats.messages()).isEqualTo(2);
        assertThat(stats.gaps()).isEqualTo(1);
        assertThat(stats.checksumFailures()).isEqualTo(2);
        assertThat(stats.anomalies()).isEqualTo(6);
        assertThat(stats.resyncs()).isEqualTo(1);
        assertThat(stats.checksumsVerified()).isEqualTo(1);
        assertThat(stats.applied()).isZero();
        assertThat(anomalies).hasSize(6).allSatisfy(a -> assertThat(a.instrument()).isEqualTo(BTCUSDT));
    }

    @Test
    void flagLeavesTheBookAlone() {
        book.markValid();
        cleaner.flag(AnomalyKind.PRICE_JUMP, "mid moved", T0);
        assertThat(book.valid()).isTrue();
        assertThat(cleaner.stats().gaps() + cleaner.stats().checksumFailures()).isZero();
        assertThat(cleaner.stats().anomalies()).isEqualTo(1);
    }
}

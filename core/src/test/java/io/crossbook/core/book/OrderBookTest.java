package io.crossbook.core.book;

import static io.crossbook.core.model.Side.ASK;
import static io.crossbook.core.model.Side.BID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Prices at scale 1 and quantities at scale 3, as Binance quotes BTCUSDT futures (tick 0.1, lot 0.001). */
class OrderBookTest {
    static final InstrumentId BTCUSDT = new InstrumentId(Venue.BINANCE, Market.LINEAR, "BTCUSDT");

    final OrderBook book = new OrderBook(BTCUSDT, 1, 3);

    /** A side as {@code price, qty, price, qty, ...}, best first. */
    static long[] levels(OrderBook book, Side side) {
        BookSnapshot all = book.snapshot(Integer.MAX_VALUE);
        long[] prices = side == BID ? all.bidPrices() : all.askPrices();
        long[] qtys = side == BID ? all.bidQtys() : all.askQtys();
        long[] out = new long[prices.length * 2];
        for (int i = 0; i < prices.length; i++) {
            out[2 * i] = prices[i];
            out[2 * i + 1] = qtys[i];
        }
        return out;
    }

    static BigDecimal notional(Vwap v) {
        return BigDecimal.valueOf(v.notional(), v.priceScale() + v.qtyScale());
    }

    @Test
    void anEmptyBookHasNoPricesAndIsNotValidBeforeASnapshot() {
        assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.depth(BID)).isZero();
        assertThat(book.crossed()).isFalse();
        assertThat(book.valid()).isFalse();
        assertThat(book.invalidReason()).isEqualTo("no snapshot yet");
        assertThatThrownBy(() -> book.price(BID, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void keepsEachSideBestFirstWhateverTheOrderOfUpdates() {
        book.set(BID, 618000, 1_000);
        book.set(BID, 618002, 2_909);
        book.set(BID, 617990, 500);
        book.set(ASK, 618010, 4_366);
        book.set(ASK, 618003, 399);
        book.set(ASK, 618050, 10);

        assertThat(book.bestBid()).isEqualTo(618002);
        assertThat(book.bestAsk()).isEqualTo(618003);
        assertThat(levels(book, BID)).containsExactly(618002, 2_909, 618000, 1_000, 617990, 500);
        assertThat(levels(book, ASK)).containsExactly(618003, 399, 618010, 4_366, 618050, 10);
        assertThatThrownBy(() -> book.qty(ASK, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void setReplacesAQuantityAndZeroRemovesTheLevel() {
        book.set(BID, 618002, 2_909);
        book.set(BID, 618000, 1_000);
        book.set(BID, 618002, 145);
        assertThat(levels(book, BID)).containsExactly(618002, 145, 618000, 1_000);

        book.set(BID, 618002, 0);
        assertThat(levels(book, BID)).containsExactly(618000, 1_000);
        assertThat(book.bestBid()).isEqualTo(618000);
    }

    @Test
    void removingAnAbsentLevelChangesNothing() {
        book.set(ASK, 618003, 399);
        book.set(ASK, 618010, 4_366);
        book.set(ASK, 618005, 0);
        book.set(ASK, 1, 0);
        book.set(BID, 618000, 0);
        assertThat(levels(book, ASK)).containsExactly(618003, 399, 618010, 4_366);
        assertThat(book.depth(BID)).isZero();
    }

    @Test
    void crossedOnceTheBestBidReachesTheBestAsk() {
        book.set(BID, 618002, 1);
        assertThat(book.crossed()).as("one side only").isFalse();
        book.set(ASK, 618003, 1);
        assertThat(book.crossed()).isFalse();
        book.set(BID, 618003, 1);
        assertThat(book.crossed()).as("locked").isTrue();
        book.set(BID, 618003, 0);
        book.set(BID, 618010, 1);
        assertThat(book.crossed()).isTrue();
    }

    @Nested
    class WalkingTheBook {
        /** Asks 61800.3 x 0.400, 61800.5 x 1.000, 61801.0 x 2.000; bids 61800.2 x 0.500, 61799.0 x 1.500. */
        WalkingTheBook() {
            book.set(ASK, 618003, 400);
            book.set(ASK, 618005, 1_000);
            book.set(ASK, 618010, 2_000);
            book.set(BID, 618002, 500);
            book.set(BID, 617990, 1_500);
        }

        @Test
        void aBuyWalksTheAsksForAnExactNotional() {
            Vwap v = book.vwap(ASK, 1_000);
            // 0.4 x 61800.3 + 0.6 x 61800.5 = 24720.12 + 37080.30
            assertThat(v.notional()).isEqualTo(618_004_200L);
            assertThat(notional(v)).isEqualTo(new BigDecimal("61800.4200"));
            assertThat(v.complete()).isTrue();
            assertThat(v.filled()).isEqualTo(new BigDecimal("1.000"));
            assertThat(v.averagePrice(2)).isEqualTo(new BigDecimal("61800.42"));
        }

        @Test
        void aSellWalksTheBids() {
            Vwap v = book.vwap(BID, 1_000);
            // 0.5 x 61800.2 + 0.5 x 61799.0 = 30900.10 + 30899.50
            assertThat(notional(v)).isEqualTo(new BigDecimal("61799.6000"));
            assertThat(v.averagePrice(1)).isEqualTo(new BigDecimal("61799.6"));
        }

        @Test
        void aThinSideFillsPartially() {
            Vwap v = book.vwap(ASK, 5_000);
            assertThat(v.complete()).isFalse();
            assertThat(v.requestedQty()).isEqualTo(5_000);
            assertThat(v.filled()).isEqualTo(new BigDecimal("3.400"));
            // 24720.12 + 61800.50 + 123602.00
            assertThat(notional(v)).isEqualTo(new BigDecimal("210122.6200"));
            assertThat(v.averagePrice(4)).isEqualTo(new BigDecimal("61800.7706")); // 61800.770588...
        }

        @Test
        void theAveragePriceIsRoundedHalfEven() {
            Vwap v = book.vwap(ASK, 500); // 0.4 x 61800.3 + 0.1 x 61800.5 = 30900.17 over 0.5
            assertThat(v.averagePrice(2)).isEqualTo(new BigDecimal("61800.34"));
            assertThat(v.averagePrice(1)).isEqualTo(new BigDecimal("61800.3"));
            assertThat(book.vwap(ASK, 800).averagePrice(3)).isEqualTo(new BigDecimal("61800.400"));

            book.set(BID, 618002, 0);
            book.set(BID, 617999, 500); // 0.5 x 61799.9 + 0.5 x 61799.0: 61799.45
            assertThat(book.vwap(BID, 1_000).averagePrice(1)).isEqualTo(new BigDecimal("61799.4"));
            book.set(BID, 617999, 0);
            book.set(BID, 618001, 500); // 0.5 x 61800.1 + 0.5 x 61799.0: 61799.55
            assertThat(book.vwap(BID, 1_000).averagePrice(1)).isEqualTo(new BigDecimal("61799.6"));
        }

        @Test
        void anEmptySideFillsNothing() {
            book.set(BID, 618002, 0);
            book.set(BID, 617990, 0);
            Vwap v = book.vwap(BID, 1_000);
            assertThat(v.filledQty()).isZero();
            assertThat(v.complete()).isFalse();
            assertThatThrownBy(() -> v.averagePrice(2)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void rejectsANonPositiveQuantityAndAnOverflowingNotional() {
            assertThatThrownBy(() -> book.vwap(ASK, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> book.vwap(ASK, -1)).isInstanceOf(IllegalArgumentException.class);
            book.set(ASK, 618003, Long.MAX_VALUE / 1_000);
            assertThatThrownBy(() -> book.vwap(ASK, Long.MAX_VALUE / 1_000)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Test
    void widenScaleRescalesEveryLevelExactlyAndNeverNarrows() {
        book.set(BID, 618002, 2_909);
        book.set(BID, 617990, 1);
        book.set(ASK, 618003, 399);

        book.widenScale(2, 5);
        assertThat(book.priceScale()).isEqualTo(2);
        assertThat(book.qtyScale()).isEqualTo(5);
        assertThat(levels(book, BID)).containsExactly(6_180_020, 290_900, 6_179_900, 100);
        assertThat(levels(book, ASK)).containsExactly(6_180_030, 39_900);

        book.widenScale(1, 3);
        assertThat(book.priceScale()).isEqualTo(2);
        assertThat(book.qtyScale()).isEqualTo(5);
        assertThat(book.bestBid()).isEqualTo(6_180_020);

        book.widenScale(2, 6);
        assertThat(levels(book, ASK)).containsExactly(6_180_030, 399_000);

        assertThatThrownBy(() -> book.widenScale(19, 6)).isInstanceOf(ArithmeticException.class);
        assertThat(book.priceScale()).isEqualTo(2);
        assertThat(book.bestBid()).isEqualTo(6_180_020);
    }

    @Test
    void validityFollowsResetInvalidateAndMarkValid() {
        book.set(BID, 618002, 2_909);
        book.set(ASK, 618003, 399);
        book.markValid();
        assertThat(book.valid()).isTrue();
        assertThat(book.invalidReason()).isNull();

        book.invalidate("SEQUENCE_GAP: pu 5 after u 3");
        assertThat(book.valid()).isFalse();
        assertThat(book.invalidReason()).isEqualTo("SEQUENCE_GAP: pu 5 after u 3");
        assertThat(book.depth(BID)).as("invalidate keeps the levels").isEqualTo(1);

        book.markValid();
        book.reset("disconnected: timeout");
        assertThat(book.valid()).isFalse();
        assertThat(book.invalidReason()).isEqualTo("disconnected: timeout");
        assertThat(book.depth(BID) + book.depth(ASK)).isZero();
        assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);

        book.set(ASK, 618010, 5);
        assertThat(levels(book, ASK)).as("usable again after a reset").containsExactly(618010, 5);
    }

    @Test
    void aSnapshotCopiesTheTopLevelsAndIgnoresLaterChanges() {
        book.set(BID, 618002, 2_909);
        book.set(BID, 618000, 1_000);
        book.set(BID, 617990, 500);
        book.set(ASK, 618003, 399);
        book.markValid();
        book.stamp(5123107852948L, 1723161256501L, 1723161255319702566L);

        BookSnapshot s = book.snapshot(2);
        book.set(BID, 618002, 0);
        book.set(ASK, 618003, 1);
        book.reset("later");

        assertThat(s.instrument()).isEqualTo(BTCUSDT);
        assertThat(s.bidPrices()).containsExactly(618002, 618000);
        assertThat(s.bidQtys()).containsExactly(2_909, 1_000);
        assertThat(s.askPrices()).containsExactly(618003);
        assertThat(s.askQtys()).containsExactly(399);
        assertThat(s.bestBid()).isEqualTo(new BigDecimal("61800.2"));
        assertThat(s.bestAsk()).isEqualTo(new BigDecimal("61800.3"));
        assertThat(s.valid()).isTrue();
        assertThat(s.sequence()).isEqualTo(5123107852948L);
        assertThat(s.exchangeTimeMillis()).isEqualTo(1723161256501L);
        assertThat(s.receiveNanos()).isEqualTo(1723161255319702566L);

        BookSnapshot emptied = book.snapshot(2);
        assertThat(emptied.bestBid()).isNull();
        assertThat(emptied.valid()).isFalse();
    }

    @Test
    void snapshotsOfTheSameContentAreEqual() {
        book.set(BID, 618002, 2_909);
        book.set(ASK, 618003, 399);
        BookSnapshot a = book.snapshot(10);
        assertThat(book.snapshot(10)).isEqualTo(a).hasSameHashCodeAs(a);
        book.set(ASK, 618003, 400);
        assertThat(book.snapshot(10)).isNotEqualTo(a);
    }

    /**
     * Random updates against a sorted map per side. The sides are chunked (64 levels a chunk,
     * split when full, dropped and recycled when empty), so the run grows each side to thousands of
     * levels, churns it near the top and far from it, empties one side and fills it again.
     */
    @Nested
    class AgainstASortedMap {
        static final long MID = 600_000; // 60000.0
        final Random rnd = new Random(20240808);
        final Map<Side, NavigableMap<Long, Long>> reference = Map.of(
                BID, new TreeMap<>(Comparator.reverseOrder()), ASK, new TreeMap<>());
        int operations;

        @Test
        void agreesThroughGrowthChurnEmptyingAndRefilling() {
            run(60_000, 0.05, 0.6);
            assertThat(book.depth(BID)).isGreaterThan(4_000);
            assertThat(book.depth(ASK)).isGreaterThan(4_000);
            assertSameLevels();

            run(100_000, 0.30, 0.1);
            assertSameLevels();

            List<Long> bids = new ArrayList<>(reference.get(BID).keySet());
            Collections.shuffle(bids, rnd);
            for (long price : bids) {
                apply(BID, price, 0);
                apply(ASK, price(ASK, rnd.nextBoolean()), 1 + rnd.nextInt(100_000));
            }
            assertThat(book.depth(BID)).isZero();
            assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
            assertSameLevels();

            run(40_000, 0.30, 0.3);
            assertThat(book.depth(BID)).isGreaterThan(1_000);
            assertSameLevels();
            assertThat(operations).isGreaterThan(200_000);
        }

        /**
         * Updates in the order depth messages list them: runs of levels sorted by price, ascending
         * or descending, near the top or spread over the book, as the search from the last update's
         * position (forwards, backwards, across chunks) must find them.
         */
        @Test
        void agreesOnSortedRunsInEitherDirection() {
            run(20_000, 0.05, 0.6);
            for (int message = 0; message < 3_000; message++) {
                Side side = rnd.nextBoolean() ? BID : ASK;
                boolean far = rnd.nextInt(4) == 0;
                long[] prices = LongStream.generate(() -> price(side, far)).limit(1 + rnd.nextInt(far ? 600 : 40))
                        .distinct().sorted().toArray();
                boolean descending = rnd.nextBoolean();
                for (int k = 0; k < prices.length; k++) {
                    long price = prices[descending ? prices.length - 1 - k : k];
                    apply(side, price, rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(100_000));
                }
            }
            assertSameLevels();
            assertThat(book.depth(BID)).isGreaterThan(1_000);
            assertThat(book.depth(ASK)).isGreaterThan(1_000);
        }

        /**
         * The top region of each side is a ladder indexed by tick, whose step is learnt from the
         * prices and whose window follows the top: here the price wanders and jumps by more than
         * the window, and later arrives on a finer tick than the one learnt, twice.
         */
        @Test
        void agreesWhileThePriceWandersAndTheTickTurnsOutFiner() {
            long mid = MID;
            for (long tick : new long[] {10, 5, 1}) {
                for (int i = 0; i < 120_000; i++) {
                    if (i % 200 == 0) {
                        mid += (rnd.nextInt(7) == 0 ? 60 : 1) * (rnd.nextInt(2 * BookSide.SLOTS) - BookSide.SLOTS) * tick;
                        mid = Math.max(mid, 200_000);
                    }
                    Side side = rnd.nextBoolean() ? BID : ASK;
                    long distance = tick * (rnd.nextInt(5) == 0 ? rnd.nextInt(20_000) : rnd.nextInt(300));
                    long price = side == BID ? mid - distance : mid + distance;
                    if (rnd.nextInt(3) == 0) {
                        Long existing = reference.get(side).ceilingKey(price);
                        apply(side, existing == null ? price : existing, 0);
                    } else {
                        apply(side, price, 1 + rnd.nextInt(100_000));
                    }
                }
                assertSameLevels();
            }
            assertThat(book.depth(BID)).isGreaterThan(1_000);
            assertThat(book.depth(ASK)).isGreaterThan(1_000);
        }

        @Test
        void widenScaleKeepsEveryLevelWhereverItIsHeld() {
            run(30_000, 0.05, 0.6);
            book.widenScale(2, 4);
            for (Side side : Side.values()) {
                NavigableMap<Long, Long> scaled = new TreeMap<>(reference.get(side).comparator());
                reference.get(side).forEach((price, qty) -> scaled.put(price * 10, qty * 10));
                reference.get(side).clear();
                reference.get(side).putAll(scaled);
            }
            assertSameLevels();
            for (int i = 0; i < 20_000; i++) {
                Side side = rnd.nextBoolean() ? BID : ASK;
                apply(side, price(side, rnd.nextBoolean()) * 10 + (i % 7 == 0 ? 5 : 0), rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(100_000));
            }
            assertSameLevels();
        }

        void run(int updates, double removals, double far) {
            for (int i = 0; i < updates; i++) {
                Side side = rnd.nextBoolean() ? BID : ASK;
                long price = price(side, rnd.nextDouble() < far);
                if (rnd.nextDouble() < removals) {
                    // mostly a level that is there, sometimes one that is not
                    Long existing = rnd.nextInt(5) == 0 ? null : reference.get(side).ceilingKey(price);
                    apply(side, existing == null ? price : existing, 0);
                } else {
                    apply(side, price, 1 + rnd.nextInt(100_000));
                }
            }
        }

        /** Within 50 ticks of the mid, or anywhere in 10,000. */
        long price(Side side, boolean far) {
            long distance = 1 + rnd.nextInt(far ? 10_000 : 50);
            return side == BID ? MID - distance : MID + distance;
        }

        void apply(Side side, long price, long qty) {
            book.set(side, price, qty);
            NavigableMap<Long, Long> expected = reference.get(side);
            if (qty == 0) {
                expected.remove(price);
            } else {
                expected.put(price, qty);
            }
            operations++;
            assertThat(book.depth(side)).isEqualTo(expected.size());
            assertThat(side == BID ? book.bestBid() : book.bestAsk())
                    .isEqualTo(expected.isEmpty() ? OrderBook.NO_PRICE : expected.firstKey());
            if (operations % 10_000 == 0) {
                assertSameLevels();
            }
        }

        void assertSameLevels() {
            for (Side side : Side.values()) {
                long[] expected = reference.get(side).entrySet().stream()
                        .flatMapToLong(e -> LongStream.of(e.getKey(), e.getValue())).toArray();
                assertThat(levels(book, side)).as("%s after %d updates", side, operations).isEqualTo(expected);
                for (int k = 0; k < 200 && expected.length > 0; k++) {
                    int i = k < 100 ? k * expected.length / 200 : rnd.nextInt(expected.length / 2);
                    assertThat(new long[] {book.price(side, i), book.qty(side, i)}).as("level %d", i)
                            .containsExactly(expected[2 * i], expected[2 * i + 1]);
                }
                long wanted = 1 + rnd.nextInt(5_000_000);
                long remaining = wanted;
                long notional = 0;
                for (int i = 0; i < expected.length && remaining > 0; i += 2) {
                    long take = Math.min(remaining, expected[i + 1]);
                    notional += take * expected[i];
                    remaining -= take;
                }
                assertThat(book.vwap(side, wanted)).isEqualTo(new Vwap(wanted, wanted - remaining, notional,
                        book.priceScale(), book.qtyScale()));
            }
        }
    }
}

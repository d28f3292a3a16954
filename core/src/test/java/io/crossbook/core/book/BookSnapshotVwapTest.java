package io.crossbook.core.book;

import static io.crossbook.core.model.Side.ASK;
import static io.crossbook.core.model.Side.BID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Prices at scale 1 and quantities at scale 3, as Binance quotes BTCUSDT futures (tick 0.1, lot 0.001). */
class BookSnapshotVwapTest {
    static final InstrumentId BTCUSDT = new InstrumentId(Venue.BINANCE, Market.LINEAR, "BTCUSDT");

    /** Bids 61800.2 x 2.909, 61800.1 x 0.696; asks 61800.3 x 0.399, 61801.0 x 4.366. */
    final BookSnapshot snapshot = new BookSnapshot(BTCUSDT, 1, 3,
            new long[] {618002, 618001}, new long[] {2_909, 696},
            new long[] {618003, 618010}, new long[] {399, 4_366},
            true, 7, 1_723_161_256_501L, 1_723_161_255_319_702_566L);

    @Test
    void aBuyWalksTheAsksFromTheTopAndIsExact() {
        Vwap v = snapshot.vwap(ASK, 1_000);

        assertThat(v.complete()).isTrue();
        assertThat(v.filledQty()).isEqualTo(1_000);
        // 0.399 x 61800.3 + 0.601 x 61801.0 = 24658.3197 + 37142.401 = 61800.7207
        assertThat(BigDecimal.valueOf(v.notional(), 4)).isEqualByComparingTo("61800.7207");
        assertThat(v.averagePrice(4)).isEqualByComparingTo("61800.7207");
    }

    @Test
    void aSellWalksTheBids() {
        Vwap v = snapshot.vwap(BID, 3_000);

        // 2.909 x 61800.2 + 0.091 x 61800.1 = 179776.7818 + 5623.8091
        assertThat(v.complete()).isTrue();
        assertThat(BigDecimal.valueOf(v.notional(), 4)).isEqualByComparingTo("185400.5909");
    }

    @Test
    void isPartialWhenTheCopiedLevelsAreTooThin() {
        Vwap v = snapshot.vwap(ASK, 5_000);

        assertThat(v.complete()).isFalse();
        assertThat(v.requestedQty()).isEqualTo(5_000);
        assertThat(v.filled()).isEqualByComparingTo("4.765");
        assertThat(BigDecimal.valueOf(v.notional(), 4)).isEqualByComparingTo("294481.4857"); // 24658.3197 + 269823.166
    }

    @Test
    void anEmptySideFillsNothing() {
        BookSnapshot noAsks = new BookSnapshot(BTCUSDT, 1, 3, new long[] {618002}, new long[] {1},
                new long[0], new long[0], true, 1, 0, 0);

        Vwap v = noAsks.vwap(ASK, 1);

        assertThat(v.filledQty()).isZero();
        assertThat(v.notional()).isZero();
    }

    @Test
    void rejectsANonPositiveQuantity() {
        assertThatThrownBy(() -> snapshot.vwap(BID, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        BookSnapshot huge = new BookSnapshot(BTCUSDT, 1, 3, new long[] {Long.MAX_VALUE / 2}, new long[] {3},
                new long[0], new long[0], true, 1, 0, 0);

        assertThatThrownBy(() -> huge.vwap(BID, 3)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void equalsTheLiveBooksVwapForEveryQuantity() {
        OrderBook book = new OrderBook(BTCUSDT, 1, 3);
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            book.set(BID, 618_000 - random.nextInt(5_000), 1 + random.nextInt(3_000));
            book.set(ASK, 618_001 + random.nextInt(5_000), 1 + random.nextInt(3_000));
        }
        BookSnapshot copy = book.snapshot(Integer.MAX_VALUE);

        for (long qty = 1; qty < 400_000; qty += 997) {
            assertThat(copy.vwap(BID, qty)).isEqualTo(book.vwap(BID, qty));
            assertThat(copy.vwap(ASK, qty)).isEqualTo(book.vwap(ASK, qty));
        }
    }
}

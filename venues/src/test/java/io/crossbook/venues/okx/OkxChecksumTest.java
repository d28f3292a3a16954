package io.crossbook.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import io.crossbook.core.model.Venue;
import org.junit.jupiter.api.Test;

/**
 * OKX's worked examples: the check strings {@code 3366.1:7:3366.8:9:3366:6:3368:8} and
 * {@code 3366.1:7:3366.8:9:3368:8:3372:8}, whose CRC32 as signed integers are the checksums OKX
 * gives for them.
 */
class OkxChecksumTest {
    private static final InstrumentId ID = new InstrumentId(Venue.OKX, Market.SPOT, "BTC-USDT");

    private final OkxChecksum checksum = new OkxChecksum();

    @Test
    void bidsAndAsksAlternateLevelByLevel() {
        OrderBook book = book(1, 0);
        level(book, Side.BID, "3366.1", "7");
        level(book, Side.BID, "3366", "6");
        level(book, Side.ASK, "3366.8", "9");
        level(book, Side.ASK, "3368", "8");

        assertThat(checksum.of(book)).isEqualTo(-1881014294);
    }

    @Test
    void theLongerSidesRemainingLevelsFollowOnceTheShorterRunsOut() {
        OrderBook book = book(1, 0);
        level(book, Side.BID, "3366.1", "7");
        level(book, Side.ASK, "3366.8", "9");
        level(book, Side.ASK, "3368", "8");
        level(book, Side.ASK, "3372", "8");

        assertThat(checksum.of(book)).isEqualTo(831078360);
    }

    @Test
    void valuesAreWrittenInTheirShortestFormWhateverTheBooksScale() {
        OrderBook coarse = book(1, 0);
        OrderBook fine = book(6, 10);
        for (OrderBook book : new OrderBook[] {coarse, fine}) {
            level(book, Side.BID, "3366.1", "7");
            level(book, Side.ASK, "3366.8", "9");
            level(book, Side.ASK, "3368", "8");
            level(book, Side.ASK, "3372", "8");
        }

        assertThat(checksum.of(fine)).isEqualTo(checksum.of(coarse)).isEqualTo(831078360);
    }

    @Test
    void onlyTheTop25LevelsOfEachSideCount() {
        OrderBook deep = book(1, 0);
        OrderBook top = book(1, 0);
        for (int i = 0; i < 30; i++) {
            level(deep, Side.BID, Integer.toString(3000 - i), "1");
            level(deep, Side.ASK, Integer.toString(3001 + i), "2");
            if (i < OkxChecksum.LEVELS) {
                level(top, Side.BID, Integer.toString(3000 - i), "1");
                level(top, Side.ASK, Integer.toString(3001 + i), "2");
            }
        }

        assertThat(checksum.of(deep)).isEqualTo(checksum.of(top));
        level(deep, Side.BID, "2999", "5");
        assertThat(checksum.of(deep)).isNotEqualTo(checksum.of(top));
    }

    private static OrderBook book(int priceScale, int qtyScale) {
        return new OrderBook(ID, priceScale, qtyScale);
    }

    private static void level(OrderBook book, Side side, String price, String qty) {
        book.set(side, FixedPoint.parse(price, book.priceScale()), FixedPoint.parse(qty, book.qtyScale()));
    }
}

package io.crossbook.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import io.crossbook.core.model.Ticker;
import io.crossbook.core.model.Trade;
import io.crossbook.core.model.Venue;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.common.MessageKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying OKX's real BTC-USDT stream of 2022-05-13 (cryptofeed sample data). */
class OkxFeedHandlerRecordingTest {
    private static final InstrumentId BTC_USDT = new InstrumentId(Venue.OKX, Market.SPOT, OkxTestData.SYMBOL);

    @Test
    void theExcerptKeepsABookThatMatchesEveryChecksumOkxSent() {
        assertEveryBooksMessageVerifies(OkxTestData.excerpt());
    }

    @Test
    void theWholeSharedRecordingKeepsABookThatMatchesEveryChecksumOkxSent() {
        assertEveryBooksMessageVerifies(OkxTestData.fullRecording());
    }

    private static void assertEveryBooksMessageVerifies(List<RecordedMessage> messages) {
        OkxHarness okx = new OkxHarness();
        okx.feedAll(messages);

        List<RecordedMessage> books = messages.stream().filter(BooksMessages::isBooks).toList();
        FeedStats stats = okx.stats();
        assertThat(books).hasSizeGreaterThan(50);
        assertThat(okx.count(MessageKind.BOOK)).isEqualTo(books.size());
        assertThat(stats.checksumsVerified()).isEqualTo(books.size());
        assertThat(stats.applied()).isEqualTo(books.size());
        assertThat(stats.checksumFailures()).isZero();
        assertThat(stats.gaps()).isZero();
        assertThat(okx.anomalies).isEmpty();
        assertThat(okx.resyncRequests).isEmpty();
        assertThat(okx.book().valid()).isTrue();
        assertThat(okx.publishedChecksums)
                .as("listeners saw the book once per message, and each time it matched OKX's checksum")
                .containsExactlyElementsOf(books.stream().map(BooksMessages::checksum).toList());
    }

    @Test
    void theWholeSharedRecordingYieldsEveryTickerAndTrade() {
        OkxHarness okx = new OkxHarness();
        okx.feedAll(OkxTestData.fullRecording());

        assertThat(okx.tickers).hasSize(25);
        assertThat(okx.trades).hasSize(69);
        assertThat(okx.count(MessageKind.TICKER)).isEqualTo(25);
        assertThat(okx.count(MessageKind.TRADE)).isEqualTo(69);
        assertThat(okx.count(MessageKind.OTHER)).as("the six subscription acks").isEqualTo(6);
    }

    @Test
    void theSnapshotSetsTheBookAtTheInstrumentsScales() {
        OkxHarness okx = new OkxHarness();
        List<RecordedMessage> messages = OkxTestData.excerpt();
        okx.feedAll(messages.subList(0, BooksMessages.indexOfUpdate(messages, 1)));

        assertThat(okx.book().valid()).isTrue();
        assertThat(okx.book().priceScale()).isEqualTo(1);
        assertThat(okx.book().qtyScale()).isEqualTo(8);
        assertThat(okx.book().depth(Side.BID)).isEqualTo(400);
        assertThat(okx.book().depth(Side.ASK)).isEqualTo(400);
        assertThat(okx.book().snapshot(1).bestBid()).isEqualByComparingTo("30243.4");
        assertThat(okx.book().snapshot(1).bestAsk()).isEqualByComparingTo("30243.5");
        assertThat(okx.book().exchangeTimeMillis()).isEqualTo(1652459225381L);
        assertThat(okx.book().receiveNanos()).isEqualTo(1652459225702141800L);
    }

    @Test
    void aTickerReportsOkxsBestBidAndAsk() {
        OkxHarness okx = new OkxHarness();
        okx.feedAll(OkxTestData.excerpt());

        Ticker first = okx.tickers.getFirst();
        assertThat(first.instrument()).isEqualTo(BTC_USDT);
        assertThat(price(first.bidPrice(), first.priceScale())).isEqualByComparingTo("30228.6");
        assertThat(price(first.bidQty(), first.qtyScale())).isEqualByComparingTo("0.23393");
        assertThat(price(first.askPrice(), first.priceScale())).isEqualByComparingTo("30228.7");
        assertThat(price(first.askQty(), first.qtyScale())).isEqualByComparingTo("1.55896972");
        assertThat(first.priceScale()).isEqualTo(1);
        assertThat(first.qtyScale()).isEqualTo(8);
        assertThat(first.exchangeTimeMillis()).isEqualTo(1652459224956L);
        assertThat(first.receiveNanos()).isEqualTo(1652459225506965200L);
    }

    @Test
    void aTradeReportsItsIdPriceSizeTimeAndTheTakersSide() {
        OkxHarness okx = new OkxHarness();
        okx.feedAll(OkxTestData.excerpt());

        Trade buy = okx.trades.getFirst();
        assertThat(buy.instrument()).isEqualTo(BTC_USDT);
        assertThat(buy.tradeId()).isEqualTo("338476307");
        assertThat(price(buy.price(), buy.priceScale())).isEqualByComparingTo("30236");
        assertThat(price(buy.qty(), buy.qtyScale())).isEqualByComparingTo("0.0002");
        assertThat(buy.aggressor()).isEqualTo(Side.BID);
        assertThat(buy.exchangeTimeMillis()).isEqualTo(1652459224818L);

        Trade sell = okx.trades.stream().filter(t -> t.tradeId().equals("338476316")).findFirst().orElseThrow();
        assertThat(sell.aggressor()).isEqualTo(Side.ASK);
        assertThat(price(sell.price(), sell.priceScale())).isEqualByComparingTo("30250.1");
        assertThat(price(sell.qty(), sell.qtyScale())).isEqualByComparingTo("0.00066996");
    }

    private static BigDecimal price(long mantissa, int scale) {
        return FixedPoint.toBigDecimal(mantissa, scale);
    }
}

package io.crossbook.venues.bybit;

import io.crossbook.venues.common.CapturingListener;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.clean.Anomaly;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import io.crossbook.core.model.Ticker;
import io.crossbook.core.model.Venue;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.common.MessageKind;
import io.crossbook.venues.common.ResyncRequester;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Best bid and ask: Bybit's level-1 book ({@code orderbook.1}) published as tickers, apart from the depth book. */
class BybitBestQuoteTest {
    private static final long NOW = 1_786_613_160_000_000_000L;

    private final CapturingListener listener = new CapturingListener();

    private final BybitFeedHandler spot = handler(Market.SPOT);
    private final List<String> levelOne = Fixtures.ccxtMessages("orderbook.1.");

    private BybitFeedHandler handler(Market market) {
        return new BybitFeedHandler(market, Map.of(), CleaningRules.DEFAULT, listener, ResyncRequester.NONE);
    }

    @Test
    void aLevelOneSnapshotIsPublishedAsATickerInFixedPoint() {
        assertThat(spot.onMessage(NOW, levelOne.get(0))).isEqualTo(MessageKind.TICKER);

        Ticker t = listener.tickers.getFirst();
        assertThat(t.instrument()).isEqualTo(new InstrumentId(Venue.BYBIT, Market.SPOT, "BTCUSDT"));
        assertThat(decimal(t.bidPrice(), t.priceScale())).isEqualByComparingTo("63705.3");
        assertThat(decimal(t.bidQty(), t.qtyScale())).isEqualByComparingTo("2.045546");
        assertThat(decimal(t.askPrice(), t.priceScale())).isEqualByComparingTo("63705.4");
        assertThat(decimal(t.askQty(), t.qtyScale())).isEqualByComparingTo("2.334566");
        assertThat(t.priceScale()).isEqualTo(1);
        assertThat(t.qtyScale()).isEqualTo(6);
        assertThat(t.updateId()).isEqualTo(72212457L);
        assertThat(t.exchangeTimeMillis()).as("the matching engine's cts").isEqualTo(1786613159748L);
        assertThat(t.receiveNanos()).isEqualTo(NOW);
    }

    @Test
    void eachLevelOneSnapshotGivesTheNextTicker() {
        levelOne.forEach(m -> spot.onMessage(NOW, m));

        assertThat(listener.tickers).extracting(Ticker::updateId).containsExactly(72212457L, 72212458L);
        Ticker second = listener.tickers.get(1);
        assertThat(decimal(second.bidQty(), second.qtyScale())).isEqualByComparingTo("2.014151");
    }

    @Test
    void aLevelOneSnapshotOlderThanThePublishedOneIsDropped() {
        spot.onMessage(NOW, levelOne.get(1));
        spot.onMessage(NOW, levelOne.get(0));

        assertThat(listener.tickers).extracting(Ticker::updateId).containsExactly(72212458L);
    }

    @Test
    void withOneSideEmptyThereIsNoBestBidAndAskToPublish() {
        String noAsks = levelOne.get(0).replace("\"a\":[[\"63705.4\",\"2.334566\"]]", "\"a\":[]");

        assertThat(spot.onMessage(NOW, noAsks)).isEqualTo(MessageKind.TICKER);

        assertThat(listener.tickers).isEmpty();
        assertThat(listener.anomalies).isEmpty();
    }

    @Test
    void aLevelOneSnapshotWithANegativeSizeIsFlaggedAndNotPublished() {
        String negative = levelOne.get(0).replace("\"2.045546\"", "\"-2.045546\"");

        spot.onMessage(NOW, negative);

        assertThat(listener.tickers).isEmpty();
        assertThat(listener.anomalies).extracting(Anomaly::kind).containsExactly(AnomalyKind.INVALID_MESSAGE);
    }

    @Test
    void aLevelOneDeltaIsNotPublishedBecauseBybitSendsThatBookAsSnapshotsOnly() {
        assertThat(spot.onMessage(NOW, Fixtures.text("ws_orderbook_delta.json"))).isEqualTo(MessageKind.TICKER);

        assertThat(listener.tickers).isEmpty();
        assertThat(listener.anomalies).isEmpty();
    }

    @Test
    void theLevelOneBookNeverTouchesTheDepthBookOfTheSameSymbol() {
        BybitFeedHandler linear = handler(Market.LINEAR);
        List<RecordedMessage> recording = Fixtures.xrpRecording();
        ReferenceBook reference = new ReferenceBook();
        feed(linear, reference, recording.subList(0, 11));
        BigDecimal bestBid = reference.bestPrice(Side.BID);
        long now = recording.get(10).receiveNanos();

        // Its update id, 999, is nowhere near the depth chain's: mixing the two would break it.
        linear.onMessage(now, reference.message("orderbook.1.XRPUSDT", "snapshot", 999, now / 1_000_000, 1));
        feed(linear, reference, recording.subList(11, recording.size()));

        assertThat(listener.tickers).singleElement().satisfies(t -> {
            assertThat(t.updateId()).isEqualTo(999);
            assertThat(decimal(t.bidPrice(), t.priceScale())).isEqualByComparingTo(bestBid);
        });
        assertThat(linear.stats().getFirst().gaps()).isZero();
        assertThat(linear.stats().getFirst().applied()).isEqualTo(recording.size());
        assertThat(ReferenceBook.levels(linear.book("XRPUSDT"), Side.BID)).containsExactlyElementsOf(reference.levels(Side.BID));
        assertThat(ReferenceBook.levels(linear.book("XRPUSDT"), Side.ASK)).containsExactlyElementsOf(reference.levels(Side.ASK));
    }

    private static void feed(BybitFeedHandler handler, ReferenceBook reference, List<RecordedMessage> messages) {
        for (RecordedMessage m : messages) {
            handler.onMessage(m.receiveNanos(), m.text());
            reference.apply(m.text());
        }
    }

    private static BigDecimal decimal(long mantissa, int scale) {
        return FixedPoint.toBigDecimal(mantissa, scale);
    }
}

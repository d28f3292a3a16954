package io.crossbook.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.model.Side;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.common.MessageKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages that are not book data, and messages that are broken. */
class OkxFeedHandlerMessagesTest {
    private static final int UPDATE = 10;

    private final List<RecordedMessage> recorded = OkxTestData.excerpt();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"connId\":\"a4d3ae55\"}",
            "{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request: {\\\"op\\\": \\\"subscribe\\\"}\","
                    + "\"connId\":\"a4d3ae55\"}",
            "{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\"The connection will soon be closed for a service "
                    + "upgrade. Please reconnect.\",\"connId\":\"a4d3ae55\"}",
            "{\"arg\":{\"channel\":\"candle1m\",\"instId\":\"BTC-USDT\"},\"data\":[[\"1652459220000\",\"30236\","
                    + "\"30250\",\"30230\",\"30243.5\",\"12.5\",\"378000\",\"378000\",\"0\"]]}"})
    void acksErrorsNoticesAndOtherChannelsAreNotMarketDataForThisHandler(String message) {
        OkxHarness okx = new OkxHarness();

        assertThat(okx.feed(message)).isEqualTo(MessageKind.OTHER);
        assertThat(okx.anomalies).isEmpty();
        assertThat(okx.handler.malformedUnattributed()).isZero();
        assertThat(okx.handler.symbols()).isEmpty();
    }

    @Test
    void aNonNumericPriceIsFlaggedAndNothingOfItIsApplied() {
        OkxHarness okx = replayedTo(UPDATE);
        long applied = okx.stats().applied();
        int published = okx.publishedChecksums.size();

        okx.feed(BooksMessages.withFirstAskPrice(recorded.get(at(UPDATE)), "30243.x"));

        assertFlaggedAndResynced(okx, applied, published);
    }

    @Test
    void brokenJsonAfterTheInstrumentIsFlaggedAgainstItsBook() {
        OkxHarness okx = replayedTo(UPDATE);
        long applied = okx.stats().applied();
        int published = okx.publishedChecksums.size();
        String text = recorded.get(at(UPDATE)).text();

        okx.feed(text.substring(0, text.length() / 2));

        assertFlaggedAndResynced(okx, applied, published);
    }

    @Test
    void brokenJsonBeforeTheInstrumentIsCountedButCannotTouchAnyBook() {
        OkxHarness okx = replayedTo(UPDATE);

        assertThat(okx.feed("{\"arg\":{\"channel\":\"books\",\"inst")).isEqualTo(MessageKind.OTHER);

        assertThat(okx.handler.malformedUnattributed()).isEqualTo(1);
        assertThat(okx.anomalies).isEmpty();
        assertThat(okx.book().valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"partial\",\"data\":[]}",
            "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"data\":[]}",
            "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\"}",
            "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{\"asks\":[],"
                    + "\"bids\":[[\"30243.4\",\"-1\",\"0\",\"1\"]],\"ts\":\"1652459225453\",\"checksum\":1}]}",
            "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{\"asks\":[],"
                    + "\"bids\":[],\"checksum\":1}]}",
            "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{\"asks\":[],"
                    + "\"bids\":[],\"ts\":\"1652459225453\",\"checksum\":\"1\"}]}",
            "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{\"asks\":[],"
                    + "\"bids\":[],\"ts\":\"1652459225453\"}]}",
            "{\"arg\":{\"channel\":\"tickers\",\"instId\":\"BTC-USDT\"},\"data\":[{\"bidPx\":\"n/a\",\"bidSz\":\"1\","
                    + "\"askPx\":\"30228.7\",\"askSz\":\"1\",\"ts\":\"1652459224956\"}]}",
            "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{\"tradeId\":\"338476307\","
                    + "\"px\":\"30236\",\"sz\":\"0.0002\",\"side\":\"short\",\"ts\":\"1652459224818\"}]}"})
    void messagesNotOfOkxsDocumentedShapeAreFlaggedAgainstTheirInstrument(String message) {
        OkxHarness okx = replayedTo(UPDATE);

        okx.feed(message);

        assertThat(okx.anomalyKinds()).containsExactly(AnomalyKind.INVALID_MESSAGE);
        assertThat(okx.book().valid()).isFalse();
        assertThat(okx.resyncRequests).containsExactly(OkxTestData.SYMBOL);
        assertThat(okx.tickers).hasSize(tickersBefore(UPDATE));
        assertThat(okx.trades).hasSize(tradesBefore(UPDATE));
    }

    private static void assertFlaggedAndResynced(OkxHarness okx, long applied, int published) {
        assertThat(okx.anomalyKinds()).containsExactly(AnomalyKind.INVALID_MESSAGE);
        assertThat(okx.stats().applied()).isEqualTo(applied);
        assertThat(okx.publishedChecksums).hasSize(published);
        assertThat(okx.book().valid()).isFalse();
        assertThat(okx.book().depth(Side.BID) + okx.book().depth(Side.ASK)).isZero();
        assertThat(okx.resyncRequests).containsExactly(OkxTestData.SYMBOL);
    }

    /** A harness that has handled every recorded message before update n. */
    private OkxHarness replayedTo(int n) {
        OkxHarness okx = new OkxHarness();
        okx.feedAll(recorded.subList(0, at(n)));
        assertThat(okx.book().valid()).isTrue();
        return okx;
    }

    private int tickersBefore(int n) {
        return replayedTo(n).tickers.size();
    }

    private int tradesBefore(int n) {
        return replayedTo(n).trades.size();
    }

    private int at(int update) {
        return BooksMessages.indexOfUpdate(recorded, update);
    }
}

package io.crossbook.venues.bybit;

import io.crossbook.venues.common.CapturingListener;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.common.MessageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeping Bybit's depth book in sync, on the real XRPUSDT recording: a snapshot, then deltas whose
 * update ids {@code u} must follow one another exactly.
 */
class BybitDepthSyncTest {
    private static final String SYMBOL = "XRPUSDT";
    private static final String TOPIC = "orderbook.500.XRPUSDT";
    /** Where the corrupted streams break: the 20th delta. */
    private static final int BREAK = 20;
    /** The recorded message whose state the recovery snapshot carries. */
    private static final int RECOVERY = 30;
    private static final int ALL_LEVELS = Integer.MAX_VALUE;

    private final List<RecordedMessage> recording = Fixtures.xrpRecording();
    private final CapturingListener listener = new CapturingListener();
    private final List<String> resyncs = new ArrayList<>();
    private final BybitFeedHandler handler =
            new BybitFeedHandler(Market.LINEAR, Map.of(), CleaningRules.DEFAULT, listener, resyncs::add);

    @Test
    void theRecordingIsOneSnapshotAndFortyNineDeltas() {
        assertThat(recording).hasSize(50);
        assertThat(updateId(recording.getFirst())).isEqualTo(20254869L);
        assertThat(updateId(recording.getLast())).isEqualTo(20254918L);
    }

    @Test
    void replayingTheRecordingAppliesEveryMessageAndEndsOnTheExactBook() {
        for (RecordedMessage m : recording) {
            assertThat(handler.onMessage(m.receiveNanos(), m.text())).isEqualTo(MessageKind.BOOK);
        }

        assertThat(stats().messages()).isEqualTo(50);
        assertThat(stats().applied()).isEqualTo(50);
        assertThat(stats().gaps()).isZero();
        assertThat(listener.anomalies).isEmpty();
        assertThat(resyncs).isEmpty();
        assertThat(book().valid()).isTrue();
        assertThat(book().sequence()).isEqualTo(20254918L);
        assertThat(book().exchangeTimeMillis()).as("cts of the last delta").isEqualTo(1733011205488L);
        assertBookEquals(referenceAfter(recording.size() - 1));
    }

    @Test
    void theBookEqualsTheReferenceAfterEveryMessageNotOnlyAtTheEnd() {
        ReferenceBook reference = new ReferenceBook();
        for (RecordedMessage m : recording) {
            handler.onMessage(m.receiveNanos(), m.text());
            reference.apply(m.text());
            assertBookEquals(reference);
        }
    }

    @Test
    void aDroppedDeltaIsAGap() {
        List<RecordedMessage> stream = new ArrayList<>(recording);
        stream.remove(BREAK);

        assertGapDetectedThenRecovered(stream, BREAK);
    }

    @Test
    void aDuplicatedDeltaIsAGap() {
        List<RecordedMessage> stream = new ArrayList<>(recording);
        stream.add(BREAK + 1, recording.get(BREAK));

        assertGapDetectedThenRecovered(stream, BREAK + 1);
    }

    @Test
    void twoSwappedDeltasAreAGap() {
        List<RecordedMessage> stream = new ArrayList<>(recording);
        stream.set(BREAK, recording.get(BREAK + 1));
        stream.set(BREAK + 1, recording.get(BREAK));

        assertGapDetectedThenRecovered(stream, BREAK);
    }

    /**
     * Feeds {@code stream} up to {@code breakAt}, the first message out of sequence, and checks
     * that the gap is caught there; then that later deltas are ignored, and that the snapshot a
     * re-subscription brings restores the exact book, which the remaining deltas then keep exact.
     */
    private void assertGapDetectedThenRecovered(List<RecordedMessage> stream, int breakAt) {
        feed(stream.subList(0, breakAt));
        assertThat(book().valid()).isTrue();
        long appliedBeforeBreak = stats().applied();

        feed(stream.subList(breakAt, breakAt + 1));

        assertThat(stats().gaps()).isEqualTo(1);
        assertThat(listener.anomalies).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(AnomalyKind.SEQUENCE_GAP));
        assertThat(book().valid()).isFalse();
        assertThat(book().depth(Side.BID) + book().depth(Side.ASK)).as("emptied").isZero();
        assertThat(resyncs).containsExactly(SYMBOL);

        long recoveryU = updateId(recording.get(RECOVERY));
        feed(stream.subList(breakAt + 1, stream.size()).stream().filter(m -> updateId(m) <= recoveryU).toList());

        assertThat(stats().applied()).as("no delta applied while waiting for a snapshot").isEqualTo(appliedBeforeBreak);
        assertThat(book().valid()).isFalse();

        ReferenceBook atRecovery = referenceAfter(RECOVERY);
        RecordedMessage recoveryPoint = recording.get(RECOVERY);
        handler.onMessage(recoveryPoint.receiveNanos(),
                atRecovery.message(TOPIC, "snapshot", recoveryU, recoveryPoint.receiveNanos() / 1_000_000, ALL_LEVELS));

        assertThat(book().valid()).isTrue();
        assertBookEquals(atRecovery);

        feed(recording.subList(RECOVERY + 1, recording.size()));

        assertThat(book().valid()).isTrue();
        assertThat(stats().gaps()).isEqualTo(1);
        assertThat(resyncs).hasSize(1);
        assertBookEquals(referenceAfter(recording.size() - 1));
    }

    @Test
    void deltasBeforeTheFirstSnapshotAreIgnoredNotCountedAsGaps() {
        feed(recording.subList(1, 6));

        assertThat(book().valid()).isFalse();
        assertThat(stats().applied()).isZero();
        assertThat(stats().gaps()).isZero();
        assertThat(resyncs).isEmpty();

        feed(recording);

        assertThat(book().valid()).isTrue();
        assertThat(stats().gaps()).isZero();
        assertBookEquals(referenceAfter(recording.size() - 1));
    }

    @Test
    void aSnapshotMidStreamReplacesTheWholeBook() {
        feed(recording.subList(0, 11));
        ReferenceBook reference = referenceAfter(10);
        String sixthBestBid = reference.levels(Side.BID).get(5);
        RecordedMessage next = recording.get(11);

        handler.onMessage(next.receiveNanos(),
                reference.message(TOPIC, "snapshot", updateId(next), next.receiveNanos() / 1_000_000, 5));

        assertThat(book().valid()).isTrue();
        assertThat(ReferenceBook.levels(book(), Side.BID))
                .containsExactlyElementsOf(reference.levels(Side.BID).subList(0, 5))
                .doesNotContain(sixthBestBid);
        assertThat(ReferenceBook.levels(book(), Side.ASK)).containsExactlyElementsOf(reference.levels(Side.ASK).subList(0, 5));
        assertThat(stats().gaps()).isZero();
        assertThat(resyncs).isEmpty();
    }

    @Test
    void updateIdOneMeansBybitRestartedAndOverwritesTheBookWhateverItsType() {
        feed(recording.subList(0, 11));
        ReferenceBook reference = referenceAfter(10);
        long ts = recording.get(11).receiveNanos() / 1_000_000;

        handler.onMessage(ts * 1_000_000, reference.message(TOPIC, "delta", 1, ts, 3));

        assertThat(book().valid()).isTrue();
        assertThat(book().sequence()).isEqualTo(1);
        assertThat(ReferenceBook.levels(book(), Side.BID)).containsExactlyElementsOf(reference.levels(Side.BID).subList(0, 3));
        assertThat(stats().gaps()).isZero();

        ReferenceBook afterRestart = new ReferenceBook();
        afterRestart.apply(reference.message(TOPIC, "snapshot", 1, ts, 3));
        String bestBidGone = """
                {"topic":"%s","type":"delta","ts":%d,"data":{"s":"%s","b":[["%s","0"]],"a":[],"u":2},"cts":%d}"""
                .formatted(TOPIC, ts + 1, SYMBOL, afterRestart.bestPrice(Side.BID).toPlainString(), ts + 1);
        afterRestart.apply(bestBidGone);
        handler.onMessage((ts + 1) * 1_000_000, bestBidGone);

        assertThat(book().sequence()).isEqualTo(2);
        assertThat(book().depth(Side.BID)).isEqualTo(2);
        assertBookEquals(afterRestart);
        assertThat(stats().gaps()).as("the chain continues from 1").isZero();
    }

    private void feed(List<RecordedMessage> messages) {
        for (RecordedMessage m : messages) {
            handler.onMessage(m.receiveNanos(), m.text());
        }
    }

    private ReferenceBook referenceAfter(int lastIndex) {
        ReferenceBook reference = new ReferenceBook();
        for (int i = 0; i <= lastIndex; i++) {
            reference.apply(recording.get(i).text());
        }
        return reference;
    }

    private void assertBookEquals(ReferenceBook reference) {
        assertThat(ReferenceBook.levels(book(), Side.BID)).containsExactlyElementsOf(reference.levels(Side.BID));
        assertThat(ReferenceBook.levels(book(), Side.ASK)).containsExactlyElementsOf(reference.levels(Side.ASK));
    }

    private OrderBook book() {
        return handler.book(SYMBOL);
    }

    private FeedStats stats() {
        return handler.stats().getFirst();
    }

    private static long updateId(RecordedMessage m) {
        return JsonMapper.shared().readTree(m.text()).path("data").path("u").asLong();
    }
}

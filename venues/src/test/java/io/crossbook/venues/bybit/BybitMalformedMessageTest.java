package io.crossbook.venues.bybit;

import io.crossbook.venues.common.CapturingListener;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.common.MessageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is flagged as {@code INVALID_MESSAGE}, never applied, and its book resynchronised. */
class BybitMalformedMessageTest {
    private final CapturingListener listener = new CapturingListener();
    private final List<String> resyncs = new ArrayList<>();

    private final BybitFeedHandler linear =
            new BybitFeedHandler(Market.LINEAR, Map.of(), CleaningRules.DEFAULT, listener, resyncs::add);
    private final List<RecordedMessage> recording = Fixtures.xrpRecording();
    private final RecordedMessage firstDelta = recording.get(1);

    @Test
    void aNonNumericPriceIsFlaggedAndNeverApplied() {
        assertRejectedAndNotApplied(firstDelta.text().replace("[\"1.9531\",\"6198\"]", "[\"1.95x1\",\"6198\"]"));
    }

    @Test
    void aNegativeQuantityIsFlaggedAndNeverApplied() {
        assertRejectedAndNotApplied(firstDelta.text().replace("[\"1.9531\",\"6198\"]", "[\"1.9531\",\"-6198\"]"));
    }

    @Test
    void aZeroPriceIsFlaggedAndNeverApplied() {
        assertRejectedAndNotApplied(firstDelta.text().replace("[\"1.9531\",\"6198\"]", "[\"0\",\"6198\"]"));
    }

    @Test
    void brokenJsonIsFlaggedAgainstTheSymbolItsTopicNamed() {
        String text = firstDelta.text();
        assertRejectedAndNotApplied(text.substring(0, text.length() / 2));
    }

    @Test
    void dataBeforeItsTopicCannotBeRoutedAndIsFlagged() {
        String text = firstDelta.text();
        String topic = "\"topic\":\"orderbook.500.XRPUSDT\",";
        assertRejectedAndNotApplied(text.replace(topic, "").replace("\"cts\":", topic + "\"cts\":"));
    }

    @Test
    void aDepthMessageWithoutUpdateIdIsFlagged() {
        assertRejectedAndNotApplied(firstDelta.text().replace("\"u\":20254870,", ""));
    }

    @Test
    void aMessageWithTwoTopicsIsFlagged() {
        assertRejectedAndNotApplied(firstDelta.text().replace("\"type\":", "\"topic\":\"orderbook.500.XRPUSDT\",\"type\":"));
    }

    @Test
    void textThatNamesNoSymbolIsCountedButCannotHarmAnyBook() {
        linear.onMessage(recording.getFirst().receiveNanos(), recording.getFirst().text());

        assertThat(linear.onMessage(firstDelta.receiveNanos(), "not json at all")).isEqualTo(MessageKind.OTHER);

        assertThat(linear.malformedUnattributed()).isEqualTo(1);
        assertThat(listener.anomalies).isEmpty();
        assertThat(linear.book("XRPUSDT").valid()).isTrue();
    }

    /** The book had the snapshot; the bad delta must be flagged, and none of it may reach the book. */
    private void assertRejectedAndNotApplied(String bad) {
        RecordedMessage snapshot = recording.getFirst();
        linear.onMessage(snapshot.receiveNanos(), snapshot.text());

        assertThat(linear.onMessage(firstDelta.receiveNanos(), bad)).isEqualTo(MessageKind.OTHER);

        assertThat(listener.anomalies).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.INVALID_MESSAGE);
            assertThat(a.instrument().symbol()).isEqualTo("XRPUSDT");
        });
        assertThat(linear.stats().getFirst().applied()).as("only the snapshot").isEqualTo(1);
        assertThat(linear.book("XRPUSDT").valid()).isFalse();
        assertThat(resyncs).containsExactly("XRPUSDT");

        linear.onMessage(recording.get(2).receiveNanos(), recording.get(2).text());
        assertThat(linear.stats().getFirst().applied()).as("deltas wait for a new snapshot").isEqualTo(1);
    }
}

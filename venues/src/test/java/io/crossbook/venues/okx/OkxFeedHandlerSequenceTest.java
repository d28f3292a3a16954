package io.crossbook.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.model.Side;
import io.crossbook.store.recording.RecordedMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recorded stream with {@code seqId}/{@code prevSeqId} as OKX sends them today (the 2022
 * recording predates them): an update continues the book only if its prevSeqId is the last
 * seqId, whatever its checksum says.
 */
class OkxFeedHandlerSequenceTest {
    private static final long FIRST_SEQ_ID = 5_000_000;
    private static final long STEP = 7;
    private static final int BROKEN = 10;

    private final List<RecordedMessage> recorded = OkxTestData.excerpt();
    private final List<RecordedMessage> sequenced = BooksMessages.withSequenceIds(recorded, FIRST_SEQ_ID, STEP);

    @Test
    void anUnbrokenChainKeepsTheBookAndEveryChecksumVerifies() {
        OkxHarness okx = new OkxHarness();
        okx.feedAll(sequenced);

        long books = BooksMessages.countBooks(sequenced);
        assertThat(okx.stats().applied()).isEqualTo(books);
        assertThat(okx.stats().checksumsVerified()).isEqualTo(books);
        assertThat(okx.stats().gaps()).isZero();
        assertThat(okx.book().valid()).isTrue();
        assertThat(okx.book().sequence()).isEqualTo(FIRST_SEQ_ID + STEP * (books - 1));
    }

    @Test
    void aPrevSeqIdThatDoesNotFollowIsAGapEvenThoughTheChecksumMatches() {
        List<RecordedMessage> stream = new ArrayList<>(sequenced);
        long seqId = seqIdOf(BROKEN);
        stream.set(at(BROKEN), BooksMessages.withSequence(sequenced.get(at(BROKEN)), seqId - STEP - 1, seqId));

        assertGapAt(stream, at(BROKEN));
    }

    @Test
    void anUpdateDeliveredTwiceIsAGapThoughApplyingItAgainWouldChangeNothing() {
        List<RecordedMessage> stream = new ArrayList<>(sequenced);
        stream.add(at(BROKEN) + 1, sequenced.get(at(BROKEN)));

        assertGapAt(stream, at(BROKEN) + 1);
    }

    @Test
    void aDroppedUpdateIsAGapEvenWhenTheNextCarriesTheChecksumOfTheBookWithoutIt() {
        List<RecordedMessage> stream = new ArrayList<>(sequenced);
        stream.remove(at(BROKEN));
        int next = at(BROKEN + 1) - 1;
        stream.set(next, BooksMessages.withChecksum(stream.get(next), checksumWithout(BROKEN)));

        assertGapAt(stream, next);
    }

    @Test
    void aKeepAliveWithoutLevelsRepeatsTheLastSeqIdAndTheBookCarriesOn() {
        List<RecordedMessage> stream = new ArrayList<>(sequenced);
        stream.add(at(BROKEN) + 1, BooksMessages.keepAlive(sequenced.get(at(BROKEN)), seqIdOf(BROKEN)));

        OkxHarness okx = new OkxHarness();
        okx.feedAll(stream);

        assertThat(okx.anomalies).isEmpty();
        assertThat(okx.stats().checksumsVerified()).isEqualTo(BooksMessages.countBooks(stream));
        assertThat(okx.book().valid()).isTrue();
    }

    @Test
    void aSequenceResetAfterMaintenanceContinuesFromTheSmallerSeqId() {
        List<RecordedMessage> stream = new ArrayList<>(sequenced);
        long seqId = 3;
        stream.set(at(BROKEN), BooksMessages.withSequence(sequenced.get(at(BROKEN)), seqIdOf(BROKEN - 1), seqId));
        for (int n = BROKEN + 1; n <= updates(); n++) {
            stream.set(at(n), BooksMessages.withSequence(sequenced.get(at(n)), seqId, seqId + 2));
            seqId += 2;
        }

        OkxHarness okx = new OkxHarness();
        okx.feedAll(stream);

        assertThat(okx.anomalies).isEmpty();
        assertThat(okx.stats().applied()).isEqualTo(BooksMessages.countBooks(stream));
        assertThat(okx.book().valid()).isTrue();
        assertThat(okx.book().sequence()).isEqualTo(seqId);
    }

    @Test
    void onceOkxSendsZeroChecksumsTheSequenceIdsAloneKeepTheBook() {
        List<RecordedMessage> stream = sequenced.stream()
                .map(m -> BooksMessages.isBooks(m) ? BooksMessages.withChecksum(m, 0) : m).toList();

        OkxHarness okx = new OkxHarness();
        okx.feedAll(stream);

        assertThat(okx.stats().applied()).isEqualTo(BooksMessages.countBooks(stream));
        assertThat(okx.stats().checksumsVerified()).isZero();
        assertThat(okx.anomalies).isEmpty();
        assertThat(okx.book().snapshot(Integer.MAX_VALUE).bidPrices())
                .containsExactly(cleanBook().snapshot(Integer.MAX_VALUE).bidPrices());

        List<RecordedMessage> gap = new ArrayList<>(stream);
        gap.remove(at(BROKEN));
        assertGapAt(gap, at(BROKEN + 1) - 1);
    }

    private void assertGapAt(List<RecordedMessage> stream, int gapAt) {
        OkxHarness okx = new OkxHarness();
        okx.feedAll(stream.subList(0, gapAt));
        long applied = okx.stats().applied();
        assertThat(okx.book().valid()).isTrue();

        okx.feed(stream.get(gapAt));

        assertThat(okx.anomalyKinds()).containsExactly(AnomalyKind.SEQUENCE_GAP);
        assertThat(okx.stats().gaps()).isEqualTo(1);
        assertThat(okx.stats().checksumFailures()).isZero();
        assertThat(okx.stats().applied()).isEqualTo(applied);
        assertThat(okx.book().valid()).isFalse();
        assertThat(okx.book().depth(Side.BID) + okx.book().depth(Side.ASK)).isZero();
        assertThat(okx.resyncRequests).containsExactly(OkxTestData.SYMBOL);

        okx.feedAll(stream.subList(gapAt + 1, stream.size()));

        assertThat(okx.stats().applied()).as("updates wait for the next snapshot").isEqualTo(applied);
        assertThat(okx.stats().gaps()).isEqualTo(1);
        assertThat(okx.book().valid()).isFalse();
    }

    /** What update n+1's checksum would be had update n never existed: the book replayed without it. */
    private int checksumWithout(int n) {
        List<RecordedMessage> without = new ArrayList<>(sequenced.subList(0, at(n + 1) + 1));
        int next = at(n + 1) - 1;
        without.remove(at(n));
        without.set(next, BooksMessages.withSequence(BooksMessages.withChecksum(without.get(next), 0),
                seqIdOf(n - 1), seqIdOf(n + 1)));
        OkxHarness replay = new OkxHarness();
        replay.feedAll(without);
        assertThat(replay.stats().applied()).isEqualTo(n + 1);
        return new OkxChecksum().of(replay.book());
    }

    private OrderBook cleanBook() {
        OkxHarness clean = new OkxHarness();
        clean.feedAll(recorded);
        return clean.book();
    }

    private long seqIdOf(int update) {
        return FIRST_SEQ_ID + STEP * update;
    }

    private int updates() {
        return (int) BooksMessages.countBooks(recorded) - 1;
    }

    private int at(int update) {
        return BooksMessages.indexOfUpdate(recorded, update);
    }
}

package io.crossbook.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.model.Side;
import io.crossbook.store.recording.RecordedMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recorded streams without sequence ids, corrupted the ways a connection can corrupt them: the
 * checksum must catch each, and the book must stay out of use until a new snapshot.
 */
class OkxFeedHandlerCorruptionTest {
    private static final int CORRUPTED = 10;
    private static final int RESTORED_AT = 40;

    private final List<RecordedMessage> recorded = OkxTestData.excerpt();

    @Test
    void aDroppedUpdateIsCaughtByTheNextChecksum() {
        List<RecordedMessage> stream = new ArrayList<>(recorded);
        stream.remove(at(CORRUPTED));

        assertCaughtAndRestored(stream, at(CORRUPTED + 1) - 1);
    }

    @Test
    void anUpdateDeliveredAgainAfterALaterOneIsCaught() {
        List<RecordedMessage> stream = new ArrayList<>(recorded);
        stream.add(at(CORRUPTED + 1) + 1, recorded.get(at(CORRUPTED)));

        assertCaughtAndRestored(stream, at(CORRUPTED + 1) + 1);
    }

    @Test
    void twoUpdatesInTheWrongOrderAreCaught() {
        List<RecordedMessage> stream = new ArrayList<>(recorded);
        stream.set(at(CORRUPTED), recorded.get(at(CORRUPTED + 1)));
        stream.set(at(CORRUPTED + 1), recorded.get(at(CORRUPTED)));

        assertCaughtAndRestored(stream, at(CORRUPTED));
    }

    @Test
    void aWrongChecksumValueIsCaught() {
        List<RecordedMessage> stream = new ArrayList<>(recorded);
        RecordedMessage update = recorded.get(at(CORRUPTED));
        stream.set(at(CORRUPTED), BooksMessages.withChecksum(update, BooksMessages.checksum(update) + 1));

        assertCaughtAndRestored(stream, at(CORRUPTED));
    }

    /**
     * Feeds the stream up to the message that must be caught, then the rest of the recorded
     * updates up to {@link #RESTORED_AT}, then the snapshot OKX would send after the
     * re-subscription, then the remaining updates.
     */
    private void assertCaughtAndRestored(List<RecordedMessage> stream, int caughtAt) {
        OkxHarness okx = new OkxHarness();
        okx.feedAll(stream.subList(0, caughtAt));
        long appliedBefore = okx.stats().applied();
        int publishedBefore = okx.publishedChecksums.size();
        assertThat(okx.book().valid()).isTrue();

        okx.feed(stream.get(caughtAt));

        assertThat(okx.anomalyKinds()).containsExactly(AnomalyKind.CHECKSUM_MISMATCH);
        assertThat(okx.stats().checksumFailures()).isEqualTo(1);
        assertThat(okx.stats().applied()).isEqualTo(appliedBefore);
        assertThat(okx.publishedChecksums).as("listeners never saw the wrong book").hasSize(publishedBefore);
        assertThat(okx.book().valid()).isFalse();
        assertThat(okx.book().depth(Side.BID) + okx.book().depth(Side.ASK)).isZero();
        assertThat(okx.resyncRequests).containsExactly(OkxTestData.SYMBOL);

        okx.feedAll(recorded.subList(at(CORRUPTED + 2), at(RESTORED_AT) + 1));

        assertThat(okx.stats().applied()).as("updates wait for the next snapshot").isEqualTo(appliedBefore);
        assertThat(okx.book().valid()).isFalse();
        assertThat(okx.book().depth(Side.BID) + okx.book().depth(Side.ASK)).isZero();
        assertThat(okx.stats().checksumFailures()).isEqualTo(1);
        assertThat(okx.resyncRequests).hasSize(1);

        long verifiedBefore = okx.stats().checksumsVerified();
        okx.feed(snapshotAfterUpdate(RESTORED_AT));
        okx.feedAll(recorded.subList(at(RESTORED_AT) + 1, recorded.size()));

        long booksAfter = BooksMessages.countBooks(recorded.subList(at(RESTORED_AT) + 1, recorded.size()));
        assertThat(okx.book().valid()).isTrue();
        assertThat(okx.stats().checksumsVerified()).isEqualTo(verifiedBefore + 1 + booksAfter);
        assertThat(okx.stats().checksumFailures()).isEqualTo(1);
        assertThat(okx.book().snapshot(Integer.MAX_VALUE))
                .as("the restored book ends where an uncorrupted replay ends")
                .isEqualTo(cleanReplay().book().snapshot(Integer.MAX_VALUE));
    }

    /** The snapshot OKX would send after update n: the book of a clean replay, with n's checksum and time. */
    private RecordedMessage snapshotAfterUpdate(int n) {
        OkxHarness clean = new OkxHarness();
        clean.feedAll(recorded.subList(0, at(n) + 1));
        RecordedMessage update = recorded.get(at(n));
        return BooksMessages.snapshotOf(clean.book(), BooksMessages.ts(update), BooksMessages.checksum(update),
                update.receiveNanos());
    }

    private OkxHarness cleanReplay() {
        OkxHarness clean = new OkxHarness();
        clean.feedAll(recorded);
        return clean;
    }

    private int at(int update) {
        return BooksMessages.indexOfUpdate(recorded, update);
    }
}

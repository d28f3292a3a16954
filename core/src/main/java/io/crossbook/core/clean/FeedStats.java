package io.crossbook.core.clean;

import io.crossbook.core.model.InstrumentId;

/**
 * Live counters for one instrument's feed. Written only by the thread that owns the book; the
 * fields are volatile so that any thread may read a recent value.
 */
public final class FeedStats {
    private final InstrumentId instrument;
    volatile long messages;
    volatile long applied;
    volatile long gaps;
    volatile long resyncs;
    volatile long checksumsVerified;
    volatile long checksumFailures;
    volatile long anomalies;
    volatile long lastUpdateNanos;

    public FeedStats(InstrumentId instrument) {
        this.instrument = instrument;
    }

    public InstrumentId instrument() {
        return instrument;
    }

    /** Messages received for this instrument, of every kind. */
    public long messages() {
        return messages;
    }

    /** Book messages applied to the book (snapshots and deltas). */
    public long applied() {
        return applied;
    }

    public long gaps() {
        return gaps;
    }

    public long resyncs() {
        return resyncs;
    }

    public long checksumsVerified() {
        return checksumsVerified;
    }

    public long checksumFailures() {
        return checksumFailures;
    }

    /** Every anomaly flagged, gaps and checksum failures included. */
    public long anomalies() {
        return anomalies;
    }

    /** Local receive time (epoch ns) of the last applied book message, 0 before the first. */
    public long lastUpdateNanos() {
        return lastUpdateNanos;
    }

    public void countMessage() {
        messages++;
    }

    public void countApplied(long receiveNanos) {
        applied++;
        lastUpdateNanos = receiveNanos;
    }

    public void countResync() {
        resyncs++;
    }

    public void countChecksumVerified() {
        checksumsVerified++;
    }

    void countAnomaly(AnomalyKind kind) {
        anomalies++;
        if (kind == AnomalyKind.SEQUENCE_GAP) {
            gaps++;
        } else if (kind == AnomalyKind.CHECKSUM_MISMATCH) {
            checksumFailures++;
        }
    }
}

package io.crossbook.core.clean;

/** What QingXi flagged. Anomalies are reported, never hidden or silently corrected. */
public enum AnomalyKind {
    /** A message that is not of the exchange's documented shape, or carries a non-positive price. */
    INVALID_MESSAGE,
    /** A missing, duplicated or reordered update: the sequence chain broke. */
    SEQUENCE_GAP,
    /** The exchange's checksum (or an equivalent cross-check) disagrees with the local book. */
    CHECKSUM_MISMATCH,
    /** Best bid at or above best ask. */
    CROSSED_BOOK,
    /** The mid moved more than the configured bound against the recent mid. */
    PRICE_JUMP,
    /** No update within the configured time. */
    STALE_FEED,
    /** The exchange's event time went backwards. */
    TIMESTAMP_REGRESSION
}

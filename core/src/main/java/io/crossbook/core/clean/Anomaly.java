package io.crossbook.core.clean;

import io.crossbook.core.model.InstrumentId;

/** A data-quality event on one instrument's feed, at a local receive time (epoch ns). */
public record Anomaly(InstrumentId instrument, AnomalyKind kind, String detail, long receiveNanos) {
}

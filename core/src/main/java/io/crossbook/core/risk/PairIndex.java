package io.crossbook.core.risk;

import io.crossbook.core.model.InstrumentId;
import java.util.Collection;
import java.util.List;

/** Which pairs trade which instruments: what a market anomaly on a book pauses. Engine thread. */
public interface PairIndex {
    PairIndex NONE = new PairIndex() {
        @Override
        public Collection<String> pairsUsing(InstrumentId instrument) {
            return List.of();
        }

        @Override
        public List<InstrumentId> legs(String pairId) {
            return List.of();
        }
    };

    Collection<String> pairsUsing(InstrumentId instrument);

    /** The pair's two instruments, or empty for an unknown pair. */
    List<InstrumentId> legs(String pairId);
}

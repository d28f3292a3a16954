package io.crossbook.store.twap;

import java.util.List;
import java.util.Objects;

/** The check of a TWAP record's state, the same for plans and slices. */
final class States {
    private States() {
    }

    /**
     * Refuses a state not in {@code states}. Refused when the record is made rather than by the
     * schema's CHECK, which would fail the whole batch the row was written in.
     */
    static void requireOneOf(String state, List<String> states) {
        Objects.requireNonNull(state, "state");
        if (!states.contains(state)) {
            throw new IllegalArgumentException("state must be one of " + states + ", was " + state);
        }
    }
}

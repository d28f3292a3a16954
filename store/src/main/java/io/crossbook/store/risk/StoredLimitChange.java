package io.crossbook.store.risk;

import java.util.Objects;

/**
 * One row of the limits' audit log: who changed which limit from what to what, and when
 * ({@code changedAt} in epoch milliseconds). The id is the store's; {@code oldValue} may be null.
 */
public record StoredLimitChange(String id, String name, String oldValue, String newValue, String changedBy,
                                long changedAt) {

    public StoredLimitChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(changedBy, "changedBy");
    }
}

package io.crossbook.store.risk;

import java.util.Objects;

/**
 * One alert the risk engine raised at {@code ts} (epoch milliseconds). {@code severity} is one of
 * the constants here (the schema refuses anything else); {@code code} says what happened and {@code rule} (nullable) which risk rule or breaker;
 * {@code pairId} and {@code venue} are null for alerts of no pair or venue. The id is the caller's,
 * so a batch retried after an unknown outcome is stored once.
 */
public record StoredAlert(String id, String severity, String code, String rule, String message, String pairId, String venue,
                          long ts) {
    public static final String INFO = "info";
    public static final String WARNING = "warning";
    public static final String CRITICAL = "critical";

    public StoredAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}

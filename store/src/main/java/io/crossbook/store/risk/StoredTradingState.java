package io.crossbook.store.risk;

import java.util.Objects;

/**
 * The platform's trading state as last changed: {@code state} is one of the constants here (the
 * schema refuses anything else), {@code reason} what the admin or the engine gave (may be null),
 * {@code changedBy} who changed it and {@code changedAt} when, in epoch milliseconds.
 */
public record StoredTradingState(String state, String reason, String changedBy, long changedAt) {
    public static final String ACTIVE = "ACTIVE";
    public static final String REDUCING = "REDUCING";
    public static final String HALTED = "HALTED";

    public StoredTradingState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changedBy, "changedBy");
    }
}

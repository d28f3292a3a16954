package io.crossbook.store.risk;

import java.util.Objects;

/**
 * One limit an admin is changing, as the server serialises its values: {@code oldValue} is the value
 * in effect before (the configured default when the limit was not set; null when not known), kept
 * so the audit log shows what the change replaced even after the defaults change.
 */
public record LimitChange(String name, String oldValue, String newValue) {

    public LimitChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(newValue, "newValue");
    }
}

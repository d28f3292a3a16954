package io.crossbook.server.settings;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an exchange's keys come from: the environment wins over keys stored through the settings API. */
public enum CredentialSource {
    ENVIRONMENT, STORED, NONE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.crossbook.server.settings;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether orders go to a paper account (the default) or to the exchanges with real money. */
public enum TradingMode {
    PAPER, LIVE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

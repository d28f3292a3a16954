package io.crossbook.venues.common;

import java.math.BigDecimal;
import java.util.Objects;

/** One asset of an account: what is free to trade and what open orders hold, exactly as the exchange reports it. */
public record Balance(String asset, BigDecimal free, BigDecimal locked) {

    public Balance {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
    }
}

package io.crossbook.testkit.sim;

import java.math.BigDecimal;
import java.util.Objects;

/** Fee rates of one market: {@code taker} for orders that take liquidity, {@code maker} for resting ones. */
public record Fees(BigDecimal taker, BigDecimal maker) {
    public Fees {
        Objects.requireNonNull(taker, "taker");
        Objects.requireNonNull(maker, "maker");
    }

    public static Fees of(String taker, String maker) {
        return new Fees(new BigDecimal(taker), new BigDecimal(maker));
    }
}

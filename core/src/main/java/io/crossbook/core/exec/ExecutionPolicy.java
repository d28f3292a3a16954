package io.crossbook.core.exec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How a multi-leg execution may trade.
 *
 * @param slippage    how far from the expected price a leg's limit may be, as a fraction (0.001 is 10 bp)
 * @param legTimeout  how long an order may stay open before it is cancelled
 * @param hedgeWindow how long after the first leg's order closes the short leg may be retried
 * @param maxRetries  how many retries the short leg gets; an unwind that makes progress gets as many more tries
 */
public record ExecutionPolicy(BigDecimal slippage, Duration legTimeout, Duration hedgeWindow, int maxRetries) {
    public ExecutionPolicy {
        Objects.requireNonNull(slippage, "slippage");
        Objects.requireNonNull(legTimeout, "legTimeout");
        Objects.requireNonNull(hedgeWindow, "hedgeWindow");
        if (slippage.signum() < 0 || slippage.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("slippage must be in [0, 1), was " + slippage.toPlainString());
        }
        if (legTimeout.isNegative() || legTimeout.isZero()) {
            throw new IllegalArgumentException("legTimeout must be positive, was " + legTimeout);
        }
        if (hedgeWindow.isNegative()) {
            throw new IllegalArgumentException("hedgeWindow must not be negative, was " + hedgeWindow);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
    }
}

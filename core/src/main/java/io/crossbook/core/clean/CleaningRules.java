package io.crossbook.core.clean;

import java.time.Duration;

/**
 * QingXi's configurable bounds.
 *
 * @param maxJumpFraction largest move of the mid, as a fraction of the recent mid, before it is
 *                        flagged as a {@link AnomalyKind#PRICE_JUMP} (0.02 = 2 %)
 * @param jumpWindow      how recent the reference mid is: it is re-sampled once per window
 * @param staleAfter      no update for this long flags the feed {@link AnomalyKind#STALE_FEED}
 */
public record CleaningRules(double maxJumpFraction, Duration jumpWindow, Duration staleAfter) {

    public static final CleaningRules DEFAULT = new CleaningRules(0.02, Duration.ofSeconds(1), Duration.ofSeconds(10));

    public CleaningRules {
        if (!(maxJumpFraction > 0)) {
            throw new IllegalArgumentException("maxJumpFraction must be positive");
        }
        if (jumpWindow.isNegative() || jumpWindow.isZero() || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("jumpWindow and staleAfter must be positive");
        }
    }
}

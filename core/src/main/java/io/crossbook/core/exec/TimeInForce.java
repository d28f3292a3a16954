package io.crossbook.core.exec;

/**
 * How long a limit order rests: {@code GTC} until cancelled, {@code IOC} fills what it can at once
 * and cancels the rest, {@code POST_ONLY} is refused if it would take liquidity.
 */
public enum TimeInForce {
    GTC, IOC, POST_ONLY
}

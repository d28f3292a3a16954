package io.crossbook.core.risk;

/** What the platform may trade, across every pair, plan and venue. */
public enum TradingState {
    /** Every order the limits allow. */
    ACTIVE,
    /** Only orders that reduce an exposure: positions are worked down, none are opened or grown. */
    REDUCING,
    /** Nothing: the kill switch is engaged, open orders are cancelled and new ones refused. */
    HALTED
}

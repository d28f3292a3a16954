package io.crossbook.testkit.sim;

/**
 * What a REST request asks for, whatever the exchange calls it: faults can be aimed at one kind
 * ({@code rateLimitNext(1, PLACE_ORDER)}), and the order faults apply to {@link #PLACE_ORDER} only.
 */
public enum RequestKind {
    /** Any request: the default target of a request fault. */
    ANY,
    PLACE_ORDER,
    CANCEL_ORDER,
    QUERY_ORDER,
    OPEN_ORDERS,
    TRADES,
    BALANCES,
    POSITIONS,
    SERVER_TIME,
    /** Instruments, depth snapshots and other public data. */
    MARKET_DATA,
    /** Creating or extending a private stream's key (Binance's listen key). */
    STREAM_KEY,
    /** A path the protocol does not serve. */
    UNKNOWN;

    boolean matches(RequestKind kind) {
        return this == ANY || this == kind;
    }
}

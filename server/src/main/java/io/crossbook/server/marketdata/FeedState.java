package io.crossbook.server.marketdata;

/** Where a collector's feed stands. Live feeds use the first four states, replays the others. */
public enum FeedState {
    STARTING, CONNECTED, EXCHANGE_UNAVAILABLE, STOPPED, REPLAYING, FINISHED, FAILED;

    /**
     * Connected to its source: the exchange, or a recording being replayed or replayed to its end
     * (a finished replay keeps its books queryable).
     */
    public boolean up() {
        return this == CONNECTED || this == REPLAYING || this == FINISHED;
    }
}

package io.crossbook.venues.common;

/**
 * How a feed handler asks for a fresh start of one symbol's book: a REST snapshot (Binance) or a
 * re-subscription (Bybit, OKX). Live connections implement it; a replay cannot ask and waits for
 * the next snapshot in the recording.
 */
@FunctionalInterface
public interface ResyncRequester {
    ResyncRequester NONE = symbol -> {
    };

    void requestResync(String symbol);
}

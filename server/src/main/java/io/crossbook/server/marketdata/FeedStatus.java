package io.crossbook.server.marketdata;

/** A feed's state and what it is doing or why it is not up. */
public record FeedStatus(FeedState state, String detail) {
}

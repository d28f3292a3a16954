package io.crossbook.venues.common;

/** Receives every raw market-data message as it arrived, e.g. to record it. Called on the feed thread. */
@FunctionalInterface
public interface RawMessageSink {
    RawMessageSink NONE = (receiveNanos, text) -> {
    };

    void onRaw(long receiveNanos, String text);
}

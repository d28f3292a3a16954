package io.crossbook.store.recording;

/** One raw exchange message with its local receive time in epoch nanoseconds. */
public record RecordedMessage(long receiveNanos, String text) {
}

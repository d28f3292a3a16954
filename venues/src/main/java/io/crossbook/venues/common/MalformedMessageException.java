package io.crossbook.venues.common;

/** A message that does not have the exchange's documented shape or values. */
public final class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message, null, false, false);
    }
}

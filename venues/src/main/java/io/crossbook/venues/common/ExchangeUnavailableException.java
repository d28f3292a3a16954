package io.crossbook.venues.common;

/** The exchange could not be reached or refused service; the message says why (API code EXCHANGE_UNAVAILABLE). */
public final class ExchangeUnavailableException extends RuntimeException {
    public ExchangeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.crossbook.venues.common;

/**
 * The exchange could not be reached or refused service; the message says why (API code
 * EXCHANGE_UNAVAILABLE). {@link #outcomeUnknown()} is true when the request may have reached the
 * exchange and been carried out all the same (a timeout after sending, a 5xx): an order must then
 * be looked up before anything is sent again.
 */
public class ExchangeUnavailableException extends RuntimeException {
    private final boolean outcomeUnknown;

    public ExchangeUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public ExchangeUnavailableException(String message, Throwable cause, boolean outcomeUnknown) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}

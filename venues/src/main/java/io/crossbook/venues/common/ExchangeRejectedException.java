package io.crossbook.venues.common;

import io.crossbook.core.model.Venue;

/**
 * The exchange answered a signed request and refused it (invalid key or signature, missing permission,
 * clock out of the receive window, an order it would not take): its own code and message, credentials
 * masked (API code UPSTREAM_ERROR, or INSUFFICIENT_FUNDS when {@link #insufficientFunds()}).
 */
public final class ExchangeRejectedException extends RuntimeException {
    private final Venue venue;
    private final String exchangeCode;
    private final String exchangeMessage;
    private final boolean insufficientFunds;

    public ExchangeRejectedException(Venue venue, int httpStatus, String exchangeCode, String exchangeMessage) {
        this(venue, httpStatus, exchangeCode, exchangeMessage, false);
    }

    public ExchangeRejectedException(Venue venue, int httpStatus, String exchangeCode, String exchangeMessage,
                                     boolean insufficientFunds) {
        super(venue.id() + " refused the request (HTTP " + httpStatus + ", code " + exchangeCode + "): " + exchangeMessage);
        this.venue = venue;
        this.exchangeCode = exchangeCode;
        this.exchangeMessage = exchangeMessage;
        this.insufficientFunds = insufficientFunds;
    }

    /** True when the exchange refused an order for lack of balance or margin. */
    public boolean insufficientFunds() {
        return insufficientFunds;
    }

    public Venue venue() {
        return venue;
    }

    public String exchangeCode() {
        return exchangeCode;
    }

    public String exchangeMessage() {
        return exchangeMessage;
    }
}

package io.crossbook.venues.common;

import io.crossbook.core.model.Venue;

/**
 * The exchange answered a signed request and refused it (invalid key or signature, missing permission,
 * clock out of the receive window): its own code and message, credentials masked (API code UPSTREAM_ERROR).
 */
public final class ExchangeRejectedException extends RuntimeException {
    private final Venue venue;
    private final String exchangeCode;
    private final String exchangeMessage;

    public ExchangeRejectedException(Venue venue, int httpStatus, String exchangeCode, String exchangeMessage) {
        super(venue.id() + " refused the request (HTTP " + httpStatus + ", code " + exchangeCode + "): " + exchangeMessage);
        this.venue = venue;
        this.exchangeCode = exchangeCode;
        this.exchangeMessage = exchangeMessage;
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

package io.crossbook.venues.common;

/** Signs requests to one exchange's private REST API with one account's {@link ApiCredentials}. */
public interface RequestSigner {

    /**
     * The request, signed as the exchange's documentation prescribes, stamped with the signer's clock.
     *
     * @param method {@code GET}, {@code POST} or {@code DELETE}
     * @param path   the endpoint path, e.g. {@code /api/v3/account}
     * @param query  the percent-encoded query string without {@code ?}; empty for none
     * @param body   the exact body to send; empty for none
     */
    SignedRequest sign(String method, String path, String query, String body);

    /** An exchange's message with this signer's credentials masked, fit to show or log. */
    String redact(String exchangeMessage);
}

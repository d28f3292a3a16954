package io.crossbook.testkit.sim.bybit;

/**
 * Bybit refusing a request: the HTTP status and the {@code retCode}/{@code retMsg} it answers with
 * (Bybit answers most refusals under HTTP 200). Thrown by the handlers and turned into the answer in
 * one place.
 */
final class BybitRefusal extends RuntimeException {
    final int status;
    final int retCode;

    BybitRefusal(int status, int retCode, String retMsg) {
        super(retMsg, null, false, false);
        this.status = status;
        this.retCode = retCode;
    }

    /** retCode 10001, Bybit's "params error". */
    static BybitRefusal params(String detail) {
        return new BybitRefusal(200, 10001, "params error: " + detail);
    }
}

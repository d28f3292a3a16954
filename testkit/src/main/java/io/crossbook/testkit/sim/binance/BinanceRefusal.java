package io.crossbook.testkit.sim.binance;

/**
 * Binance refusing a request: the HTTP status and the {@code {"code":..,"msg":..}} body it answers
 * with. Thrown by the handlers and turned into the answer in one place.
 */
final class BinanceRefusal extends RuntimeException {
    final int status;
    final long code;

    BinanceRefusal(int status, long code, String msg) {
        super(msg, null, false, false);
        this.status = status;
        this.code = code;
    }

    static BinanceRefusal badRequest(long code, String msg) {
        return new BinanceRefusal(400, code, msg);
    }

    static BinanceRefusal mandatory(String param) {
        return badRequest(-1102, "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
    }

    static BinanceRefusal invalidSymbol() {
        return badRequest(-1121, "Invalid symbol.");
    }
}

package io.crossbook.testkit.sim.okx;

import io.crossbook.testkit.sim.RestRequest;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimExchange;
import io.crossbook.testkit.sim.SimHmac;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * OKX v5's request authentication ("REST Authentication" of the v5 docs), checked as OKX checks it:
 * {@code OK-ACCESS-KEY} a known key, {@code OK-ACCESS-PASSPHRASE} its passphrase,
 * {@code OK-ACCESS-TIMESTAMP} an ISO-8601 UTC time within 30 s of the server's, and
 * {@code OK-ACCESS-SIGN} the Base64 HMAC-SHA256 of {@code timestamp + METHOD + requestPath + body}, the
 * request path with a GET's query string. Refusals are HTTP 401 with OKX's 501xx codes. The private
 * stream's login signs {@code timestamp + "GET/users/self/verify"} with the timestamp in epoch seconds.
 */
final class OkxAuth {
    private static final Duration SKEW = Duration.ofSeconds(30);

    private OkxAuth() {
    }

    static SimAccount signed(RestRequest request, SimExchange exchange) {
        String key = request.header("OK-ACCESS-KEY");
        String sign = request.header("OK-ACCESS-SIGN");
        String timestamp = request.header("OK-ACCESS-TIMESTAMP");
        String passphrase = request.header("OK-ACCESS-PASSPHRASE");
        if (key == null) {
            throw new OkxRefusal(401, "50103", "Request header \"OK-ACCESS-KEY\" cannot be empty.");
        }
        if (passphrase == null) {
            throw new OkxRefusal(401, "50104", "Request header \"OK-ACCESS-PASSPHRASE\" cannot be empty.");
        }
        if (sign == null) {
            throw new OkxRefusal(401, "50106", "Request header \"OK-ACCESS-SIGN\" cannot be empty.");
        }
        if (timestamp == null) {
            throw new OkxRefusal(401, "50107", "Request header \"OK-ACCESS-TIMESTAMP\" cannot be empty.");
        }
        SimAccount account = exchange.account(key);
        if (account == null) {
            throw new OkxRefusal(401, "50111", "Invalid OK-ACCESS-KEY.");
        }
        if (!passphrase.equals(account.passphrase())) {
            throw new OkxRefusal(401, "50105", "Request header \"OK-ACCESS-PASSPHRASE\" incorrect.");
        }
        Instant at;
        try {
            at = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new OkxRefusal(401, "50112", "Invalid OK-ACCESS-TIMESTAMP.");
        }
        if (Duration.between(at, exchange.clock().instant()).abs().compareTo(SKEW) > 0) {
            throw new OkxRefusal(401, "50102", "Timestamp request expired.");
        }
        String requestPath = request.rawQuery().isEmpty() ? request.path() : request.path() + "?" + request.rawQuery();
        if (!base64(account.secret(), timestamp + request.method() + requestPath + request.body()).equals(sign)) {
            throw new OkxRefusal(401, "50113", "Invalid signature.");
        }
        return account;
    }

    static String base64(String secret, String data) {
        return Base64.getEncoder().encodeToString(SimHmac.sha256(secret, data));
    }
}

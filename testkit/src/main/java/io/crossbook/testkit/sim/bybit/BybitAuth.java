package io.crossbook.testkit.sim.bybit;

import io.crossbook.testkit.sim.RestRequest;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimExchange;
import io.crossbook.testkit.sim.SimHmac;
import java.util.HexFormat;

/**
 * Bybit v5's request authentication ("Integration Guidance" of the v5 docs), checked as the exchange
 * checks it: {@code X-BAPI-API-KEY} names a known key, {@code X-BAPI-SIGN} is the hex HMAC-SHA256
 * (any case) of {@code timestamp + apiKey + recvWindow + payload}, the payload being a GET's query
 * string as sent and otherwise the raw body, and {@code X-BAPI-TIMESTAMP} lies within
 * {@code serverTime - recvWindow <= timestamp < serverTime + 1000}; {@code X-BAPI-RECV-WINDOW}
 * defaults to 5000 ms. The private stream's login signs {@code "GET/realtime" + expires}.
 */
final class BybitAuth {
    static final String API_KEY = "X-BAPI-API-KEY";
    static final String SIGN = "X-BAPI-SIGN";
    static final String TIMESTAMP = "X-BAPI-TIMESTAMP";
    static final String RECV_WINDOW = "X-BAPI-RECV-WINDOW";
    private static final long DEFAULT_RECV_WINDOW = 5000;

    private BybitAuth() {
    }

    /** The account of a correctly signed, timely request. */
    static SimAccount signed(RestRequest request, SimExchange exchange) {
        String key = request.header(API_KEY);
        SimAccount account = exchange.account(key);
        if (account == null) {
            throw new BybitRefusal(401, 10003, "API key is invalid.");
        }
        String timestamp = request.header(TIMESTAMP);
        String recvWindow = request.header(RECV_WINDOW) == null ? Long.toString(DEFAULT_RECV_WINDOW) : request.header(RECV_WINDOW);
        long ts;
        long window;
        try {
            ts = Long.parseLong(timestamp);
            window = Long.parseLong(recvWindow);
        } catch (NumberFormatException | NullPointerException e) {
            throw BybitRefusal.params("X-BAPI-TIMESTAMP and X-BAPI-RECV-WINDOW must be milliseconds");
        }
        String payload = request.method().equals("GET") ? request.rawQuery() : request.body();
        String expected = hex(account.secret(), timestamp + key + recvWindow + payload);
        if (!expected.equalsIgnoreCase(String.valueOf(request.header(SIGN)))) {
            throw new BybitRefusal(401, 10004, "error sign! origin_string[" + timestamp + key + recvWindow + payload + "]");
        }
        long serverTime = exchange.clock().millis();
        if (ts < serverTime - window || ts >= serverTime + 1000) {
            throw new BybitRefusal(200, 10002, "invalid request, please check your server timestamp or recv_window param. req_timestamp["
                    + ts + "],server_timestamp[" + serverTime + "],recv_window[" + window + "]");
        }
        return account;
    }

    /** True when {@code signature} signs the private stream's login for {@code expires} with the account's secret. */
    static boolean login(SimAccount account, String expires, String signature) {
        return hex(account.secret(), "GET/realtime" + expires).equalsIgnoreCase(signature);
    }

    private static String hex(String secret, String data) {
        return HexFormat.of().formatHex(SimHmac.sha256(secret, data));
    }
}

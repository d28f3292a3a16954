package io.crossbook.testkit.sim.binance;

import io.crossbook.testkit.sim.RestRequest;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimExchange;
import io.crossbook.testkit.sim.SimHmac;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Binance's request authentication, checked as the exchange checks it. USER_STREAM endpoints need a
 * known API key in {@code X-MBX-APIKEY}; SIGNED ones also need {@code signature}, the hex
 * HMAC-SHA256 (any case) of "totalParams", the query string followed directly by the body, both as
 * sent and without the signature itself, and a {@code timestamp} that is less than 1000 ms ahead of
 * the server and no more than {@code recvWindow} (default 5000, at most 60000) behind it. WebSocket API
 * requests are checked alike, their parameters being JSON ({@link #webSocketApi}).
 */
final class BinanceAuth {
    static final String API_KEY_HEADER = "X-MBX-APIKEY";
    private static final BigDecimal DEFAULT_RECV_WINDOW = BigDecimal.valueOf(5000);
    private static final BigDecimal MAX_RECV_WINDOW = BigDecimal.valueOf(60_000);

    private BinanceAuth() {
    }

    /** The account whose API key the request carries. */
    static SimAccount apiKey(RestRequest request, SimExchange exchange) {
        String key = request.header(API_KEY_HEADER);
        if (key == null || key.isBlank()) {
            throw new BinanceRefusal(401, -2014, "API-key format invalid.");
        }
        SimAccount account = exchange.account(key);
        if (account == null) {
            throw new BinanceRefusal(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        return account;
    }

    /** The account of a correctly signed, timely request. */
    static SimAccount signed(RestRequest request, SimExchange exchange) {
        SimAccount account = apiKey(request, exchange);
        Map<String, String> p = request.params();
        String totalParams = withoutSignature(request.rawQuery()) + withoutSignature(request.body());
        return timely(signedBy(account, totalParams, p.get("signature")), p.get("timestamp"), p.get("recvWindow"), exchange);
    }

    /**
     * The account of a correctly signed, timely WebSocket API request. Its {@code params} carry the API
     * key in {@code apiKey}; the signature signs every other parameter sorted by name, as
     * {@code name=value} pairs joined by {@code &}.
     */
    static SimAccount webSocketApi(JsonNode params, SimExchange exchange) {
        String key = text(params, "apiKey");
        if (key == null || key.isEmpty()) {
            throw BinanceRefusal.mandatory("apiKey");
        }
        SimAccount account = exchange.account(key);
        if (account == null) {
            throw new BinanceRefusal(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, JsonNode> param : params.properties()) {
            if (!param.getKey().equals("signature")) {
                sorted.put(param.getKey(), param.getValue().asString());
            }
        }
        String payload = sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return timely(signedBy(account, payload, text(params, "signature")), text(params, "timestamp"), text(params, "recvWindow"),
                exchange);
    }

    private static SimAccount signedBy(SimAccount account, String payload, String signature) {
        if (signature == null || signature.isEmpty()) {
            throw BinanceRefusal.mandatory("signature");
        }
        if (!HexFormat.of().formatHex(SimHmac.sha256(account.secret(), payload)).equalsIgnoreCase(signature)) {
            throw BinanceRefusal.badRequest(-1022, "Signature for this request is not valid.");
        }
        return account;
    }

    private static SimAccount timely(SimAccount account, String timestampParam, String recvWindowParam, SimExchange exchange) {
        long timestamp = timestamp(timestampParam);
        BigDecimal recvWindow = recvWindow(recvWindowParam);
        long serverTime = exchange.clock().millis();
        if (timestamp >= serverTime + 1000) {
            throw BinanceRefusal.badRequest(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (BigDecimal.valueOf(serverTime - timestamp).compareTo(recvWindow) > 0) {
            throw BinanceRefusal.badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return account;
    }

    private static String text(JsonNode params, String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String withoutSignature(String params) {
        return Arrays.stream(params.split("&")).filter(p -> !p.isEmpty() && !p.startsWith("signature="))
                .collect(Collectors.joining("&"));
    }

    private static long timestamp(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw BinanceRefusal.mandatory("timestamp");
        }
    }

    private static BigDecimal recvWindow(String value) {
        if (value == null) {
            return DEFAULT_RECV_WINDOW;
        }
        BigDecimal window;
        try {
            window = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw BinanceRefusal.mandatory("recvWindow");
        }
        if (window.compareTo(MAX_RECV_WINDOW) > 0) {
            throw BinanceRefusal.badRequest(-1131, "recvWindow must be less than 60000");
        }
        return window;
    }
}

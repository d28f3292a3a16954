package io.crossbook.server.settings;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for the three exchanges' account endpoints. It checks keys and signatures as the
 * exchanges describe them (its own HMAC, independent of the signers under test) and answers with the
 * exchanges' documented bodies: their error codes and messages for an unknown key, a wrong signature or
 * passphrase, and made-up balances for an account it knows. Test equipment, never run in production.
 */
public final class ExchangeStandIn implements AutoCloseable {
    private final HttpServer server;
    private final Map<Venue, ApiCredentials> accounts;

    private ExchangeStandIn(Map<Venue, ApiCredentials> accounts) {
        this.accounts = accounts;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v3/account", this::binance);
        server.createContext("/v5/account/wallet-balance", this::bybit);
        server.createContext("/api/v5/account/balance", this::okx);
        server.start();
    }

    /** Knows the given keys, one account per exchange. */
    public static ExchangeStandIn start(Map<Venue, ApiCredentials> accounts) {
        return new ExchangeStandIn(accounts);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void binance(HttpExchange exchange) throws IOException {
        ApiCredentials account = accounts.get(Venue.BINANCE);
        String query = exchange.getRequestURI().getRawQuery();
        int signatureAt = query == null ? -1 : query.lastIndexOf("&signature=");
        if (account == null || !account.apiKey().equals(exchange.getRequestHeaders().getFirst("X-MBX-APIKEY"))) {
            answer(exchange, 401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}");
        } else if (signatureAt < 0 || !query.contains("timestamp=") || !query.contains("recvWindow=")
                || !query.substring(signatureAt + 11).equals(HexFormat.of().formatHex(hmac(account, query.substring(0, signatureAt))))) {
            answer(exchange, 400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
        } else {
            answer(exchange, 200, """
                    {"makerCommission":10,"takerCommission":10,"buyerCommission":0,"sellerCommission":0,"canTrade":true,
                     "canWithdraw":false,"canDeposit":true,"accountType":"SPOT","updateTime":1700000000000,
                     "balances":[{"asset":"BTC","free":"0.50000000","locked":"0.10000000"},
                                 {"asset":"USDT","free":"1000.25000000","locked":"0.00000000"}],
                     "permissions":["SPOT"],"uid":354937868}""");
        }
    }

    private void bybit(HttpExchange exchange) throws IOException {
        ApiCredentials account = accounts.get(Venue.BYBIT);
        var headers = exchange.getRequestHeaders();
        String key = headers.getFirst("X-BAPI-API-KEY");
        String plain = headers.getFirst("X-BAPI-TIMESTAMP") + key + headers.getFirst("X-BAPI-RECV-WINDOW")
                + exchange.getRequestURI().getRawQuery();
        if (account == null || !account.apiKey().equals(key)) {
            answer(exchange, 401, "{\"retCode\":10003,\"retMsg\":\"API key is invalid.\",\"result\":{},\"retExtInfo\":{},\"time\":1700000000000}");
        } else if (!HexFormat.of().formatHex(hmac(account, plain)).equals(headers.getFirst("X-BAPI-SIGN"))) {
            // Bybit quotes the string it expected to be signed, with the API key in it.
            answer(exchange, 401, "{\"retCode\":10004,\"retMsg\":\"error sign! origin_string[" + plain
                    + "]\",\"result\":{},\"retExtInfo\":{},\"time\":1700000000000}");
        } else {
            answer(exchange, 200, """
                    {"retCode":0,"retMsg":"OK","result":{"list":[{"accountType":"UNIFIED","totalEquity":"3000",
                     "coin":[{"coin":"BTC","walletBalance":"0.05","locked":"0.01","equity":"0.05"},
                             {"coin":"USDT","walletBalance":"2000","locked":"","equity":"2000"}]}]},
                     "retExtInfo":{},"time":1700000000000}""");
        }
    }

    private void okx(HttpExchange exchange) throws IOException {
        ApiCredentials account = accounts.get(Venue.OKX);
        var headers = exchange.getRequestHeaders();
        String plain = headers.getFirst("OK-ACCESS-TIMESTAMP") + exchange.getRequestMethod() + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        if (account == null || !account.apiKey().equals(headers.getFirst("OK-ACCESS-KEY"))) {
            answer(exchange, 401, "{\"msg\":\"Invalid OK-ACCESS-KEY\",\"code\":\"50111\"}");
        } else if (!Objects.equals(account.passphrase(), headers.getFirst("OK-ACCESS-PASSPHRASE"))) {
            answer(exchange, 401, "{\"msg\":\"OK-ACCESS-PASSPHRASE incorrect.\",\"code\":\"50105\"}");
        } else if (!Base64.getEncoder().encodeToString(hmac(account, plain)).equals(headers.getFirst("OK-ACCESS-SIGN"))) {
            answer(exchange, 401, "{\"msg\":\"Invalid Sign\",\"code\":\"50113\"}");
        } else {
            answer(exchange, 200, """
                    {"code":"0","data":[{"totalEq":"105","uTime":"1700000000000","details":[
                      {"ccy":"USDT","availBal":"100","frozenBal":"5","cashBal":"105","eq":"105"}]}],"msg":""}""");
        }
    }

    private static byte[] hmac(ApiCredentials account, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(account.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

package io.crossbook.testkit.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.SimAccount;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulator checks Binance signatures and timestamps exactly as Binance documents them. */
class SignatureTest {
    static final String KEY = "signature-key";
    static final String SECRET = "signature-secret";

    private ExchangeSimulator sim;
    private BinanceClient client;

    @BeforeEach
    void start() {
        sim = BinanceSimulator.builder().account(new SimAccount(KEY, SECRET).spot("USDT", "10")).start();
        client = new BinanceClient(sim.restBase(), KEY, SECRET);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void aCorrectlySignedRequestIsServed() {
        HttpResponse<String> account = client.signed("GET", "/api/v3/account", "omitZeroBalances=true");
        assertThat(account.statusCode()).isEqualTo(200);
        JsonNode balances = BinanceClient.json(account).get("balances");
        assertThat(balances).hasSize(1);
        assertThat(balances.get(0).get("asset").asString()).isEqualTo("USDT");
        assertThat(balances.get(0).get("free").asString()).isEqualTo("10.00000000");
    }

    @Test
    void aWrongSignatureIsRefused() {
        String query = "omitZeroBalances=true&recvWindow=5000&timestamp=" + System.currentTimeMillis();
        HttpResponse<String> forged = send("GET", "/api/v3/account?" + query + "&signature=" + BinanceClient.hmac("another-secret", query), "", KEY);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(BinanceClient.json(forged).get("code").asInt()).isEqualTo(-1022);
        assertThat(BinanceClient.json(forged).get("msg").asString()).isEqualTo("Signature for this request is not valid.");

        String signedThenChanged = query + "&signature=" + BinanceClient.hmac(SECRET, query);
        HttpResponse<String> tampered = send("GET", "/api/v3/account?" + signedThenChanged.replace("omitZeroBalances=true", "omitZeroBalances=false"),
                "", KEY);
        assertThat(BinanceClient.json(tampered).get("code").asInt()).isEqualTo(-1022);

        HttpResponse<String> unsigned = send("GET", "/api/v3/account?" + query, "", KEY);
        assertThat(BinanceClient.json(unsigned).get("code").asInt()).isEqualTo(-1102);
    }

    @Test
    void aTimestampOutsideTheRecvWindowOrAheadOfTheServerIsRefused() {
        long now = System.currentTimeMillis();
        HttpResponse<String> stale = signedAt("recvWindow=5000&timestamp=" + (now - 10_000));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(BinanceClient.json(stale).get("code").asInt()).isEqualTo(-1021);
        assertThat(BinanceClient.json(stale).get("msg").asString()).isEqualTo("Timestamp for this request is outside of the recvWindow.");

        assertThat(signedAt("recvWindow=20000&timestamp=" + (now - 10_000)).statusCode()).as("a wider window admits it").isEqualTo(200);

        HttpResponse<String> ahead = signedAt("timestamp=" + (now + 5_000));
        assertThat(BinanceClient.json(ahead).get("msg").asString()).isEqualTo("Timestamp for this request was 1000ms ahead of the server's time.");

        assertThat(BinanceClient.json(signedAt("recvWindow=70000&timestamp=" + now)).get("code").asInt()).isEqualTo(-1131);
    }

    @Test
    void anUnknownOrMissingApiKeyIsRefusedWith401() {
        String query = "timestamp=" + System.currentTimeMillis();
        HttpResponse<String> unknown = send("GET", "/api/v3/account?" + query + "&signature=" + BinanceClient.hmac(SECRET, query), "", "who");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(BinanceClient.json(unknown).get("code").asInt()).isEqualTo(-2015);

        HttpResponse<String> none = send("GET", "/api/v3/account?" + query + "&signature=" + BinanceClient.hmac(SECRET, query), "", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(BinanceClient.json(none).get("code").asInt()).isEqualTo(-2014);
    }

    /**
     * Binance's own worked examples ("SIGNED Endpoint Examples for POST /api/v3/order" in its spot REST
     * documentation): the signature over the request body alone, and over query and body
     * concatenated without a separator. They pass authentication, so the simulator answers about the
     * example's symbol, LTCBTC, which it does not list.
     */
    @Test
    void binancesDocumentedExamplesVerifyAsSignedInTheBodyAndMixed() {
        String docKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
        String docSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        Clock docTime = Clock.fixed(Instant.ofEpochMilli(1499827319559L + 100), ZoneOffset.UTC);
        try (ExchangeSimulator docs = BinanceSimulator.builder().account(new SimAccount(docKey, docSecret)).clock(docTime).start();
             BinanceClient c = new BinanceClient(docs.restBase(), docKey, docSecret)) {
            String body = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
            HttpResponse<String> example1 = c.send(form(docs.restBase().resolve("/api/v3/order"), docKey,
                    body + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"));
            assertThat(BinanceClient.json(example1).get("code").asInt()).isEqualTo(-1121);

            HttpResponse<String> example3 = c.send(form(docs.restBase().resolve("/api/v3/order?symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"),
                    docKey, "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
                            + "&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77"));
            assertThat(BinanceClient.json(example3).get("code").asInt()).isEqualTo(-1121);

            HttpResponse<String> altered = c.send(form(docs.restBase().resolve("/api/v3/order"), docKey,
                    body.replace("price=0.1", "price=0.2") + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"));
            assertThat(BinanceClient.json(altered).get("code").asInt()).isEqualTo(-1022);
        }
    }

    private HttpResponse<String> signedAt(String query) {
        return send("GET", "/api/v3/account?" + query + "&signature=" + BinanceClient.hmac(SECRET, query), "", KEY);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(sim.restBase().resolve(pathAndQuery))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-MBX-APIKEY", apiKey);
        }
        return client.send(request.build());
    }

    private static HttpRequest form(URI uri, String apiKey, String body) {
        return HttpRequest.newBuilder(uri).header("X-MBX-APIKEY", apiKey).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}

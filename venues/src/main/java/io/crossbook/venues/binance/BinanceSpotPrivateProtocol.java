package io.crossbook.venues.binance;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.PrivateProtocol;
import io.crossbook.venues.trading.PrivateStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spot user data stream, on Binance's WebSocket API: Binance retired spot listen keys on
 * 2026-02-20, so the stream is a {@code userDataStream.subscribe.signature} request on a WebSocket API
 * connection, signed like every WebSocket API request (the parameters sorted by name, as
 * {@code name=value} pairs joined by {@code &}, HMAC-SHA256 in hex). Events then arrive as
 * {@code {"subscriptionId": 0, "event": {...}}}. Binance pings and the client answers, so there is no
 * application ping and nothing to keep alive.
 */
public final class BinanceSpotPrivateProtocol implements PrivateProtocol {
    static final String SUBSCRIBE_ID = "crossbook-user-data";
    /** The request weight of {@code userDataStream.subscribe.signature}. */
    static final int SUBSCRIBE_WEIGHT = 2;
    /** How often the connection looks in; the stream itself needs no upkeep. */
    private static final Duration UPKEEP = Duration.ofMinutes(30);

    private final URI webSocketApi;
    private final ApiCredentials credentials;
    private final Clock clock;
    private final long recvWindowMillis;
    private final AccountLimiter limiter;

    /** {@code clock} is the exchange's ({@link io.crossbook.venues.trading.ExchangeClock}), {@code limiter} the spot account's. */
    public BinanceSpotPrivateProtocol(URI webSocketApi, ApiCredentials credentials, Clock clock, Duration recvWindow,
                                      AccountLimiter limiter) {
        this.webSocketApi = webSocketApi;
        this.credentials = credentials;
        this.clock = clock;
        this.recvWindowMillis = recvWindow.toMillis();
        this.limiter = limiter;
    }

    /** Takes the subscription's weight from the spot budget first: a connection that could not subscribe is no use. */
    @Override
    public URI connectUri() {
        limiter.acquire(SUBSCRIBE_WEIGHT, false);
        return webSocketApi;
    }

    @Override
    public List<String> openingFrames() {
        long timestamp = clock.millis();
        String payload = "apiKey=" + credentials.apiKey() + "&recvWindow=" + recvWindowMillis + "&timestamp=" + timestamp;
        ObjectNode request = JsonMapper.shared().createObjectNode();
        request.put("id", SUBSCRIBE_ID);
        request.put("method", "userDataStream.subscribe.signature");
        request.putObject("params")
                .put("apiKey", credentials.apiKey())
                .put("recvWindow", recvWindowMillis)
                .put("timestamp", timestamp)
                .put("signature", signature(payload));
        return List.of(request.toString());
    }

    /** The hex HMAC-SHA256 of a WebSocket API signature payload. */
    String signature(String payload) {
        return HexFormat.of().formatHex(HmacSha256.sign(credentials.secret(), payload));
    }

    /**
     * True for the answer to the subscription: status 200 and the {@code subscriptionId}.
     *
     * @throws ExchangeRejectedException with Binance's code and message when it refused it
     */
    @Override
    public boolean isReady(String text) {
        JsonNode message = BinanceUserEvents.parse(text);
        if (!SUBSCRIBE_ID.equals(message.path("id").asString(""))) {
            return false;
        }
        int status = message.path("status").asInt();
        if (status == 200) {
            return true;
        }
        JsonNode error = message.path("error");
        throw new ExchangeRejectedException(Venue.BINANCE, status, error.path("code").asString("none"),
                credentials.redact(error.path("msg").asString("")));
    }

    @Override
    public String pingFrame() {
        return null;
    }

    @Override
    public Duration pingInterval() {
        return UPKEEP;
    }

    @Override
    public void read(String text, PrivateStream.Listener listener) {
        JsonNode event = BinanceUserEvents.parse(text).path("event");
        switch (event.path("e").asString("")) {
            case "executionReport" -> BinanceUserEvents.executionReport(event, listener);
            case "eventStreamTerminated" -> throw BinanceUserEvents.ended("eventStreamTerminated");
            default -> {
                // balances, order lists, answers to requests: not order updates
            }
        }
    }

    @Override
    public String toString() {
        return "BinanceSpotPrivateProtocol[" + webSocketApi + ", " + credentials + "]";
    }
}

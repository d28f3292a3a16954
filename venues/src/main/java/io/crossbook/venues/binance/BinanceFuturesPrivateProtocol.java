package io.crossbook.venues.binance;

import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.PrivateProtocol;
import io.crossbook.venues.trading.PrivateStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The USDⓈ-M user data stream: a listen key from {@code POST /fapi/v1/listenKey} (API key only, request
 * weight 1), the stream at {@code <private root>/<listenKey>}, and the key kept alive with
 * {@code PUT /fapi/v1/listenKey} every 30 minutes (it lapses 60 minutes after the last one). Binance
 * pings and the client answers, so there is no application ping; nothing is sent on the socket.
 */
public final class BinanceFuturesPrivateProtocol implements PrivateProtocol {
    static final String LISTEN_KEY_PATH = "/fapi/v1/listenKey";
    private static final int LISTEN_KEY_WEIGHT = 1;
    private static final Duration KEEP_ALIVE = Duration.ofMinutes(30);

    private final BinanceRequests requests;
    private final String privateStream;
    private volatile String listenKey;

    /**
     * @param futuresRest   the USDⓈ-M REST root ({@code https://fapi.binance.com})
     * @param privateStream the private stream root ({@code wss://fstream.binance.com/private/ws})
     * @param limiter       the USDⓈ-M account's budget
     */
    public BinanceFuturesPrivateProtocol(SignedRestClient rest, URI futuresRest, URI privateStream, ApiCredentials credentials,
                                         AccountLimiter limiter) {
        this.requests = new BinanceRequests(rest, new BinanceUnsigned(futuresRest, credentials), limiter);
        String root = privateStream.toString();
        this.privateStream = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** Asks for the account's listen key (Binance hands back the active one, extended, if there is one). */
    @Override
    public URI connectUri() {
        JsonNode answer = requests.ok("POST", LISTEN_KEY_PATH, "", LISTEN_KEY_WEIGHT, false);
        listenKey = BinanceAnswers.text(answer, "listenKey");
        return URI.create(privateStream + "/" + listenKey);
    }

    @Override
    public List<String> openingFrames() {
        return List.of();
    }

    @Override
    public boolean isReady(String text) {
        return true;
    }

    @Override
    public String pingFrame() {
        return null;
    }

    @Override
    public Duration pingInterval() {
        return KEEP_ALIVE;
    }

    /** Extends the listen key; one that has lapsed ends the stream with {@code listenKeyExpired}, and a new one is fetched on reconnect. */
    @Override
    public void keepAlive() {
        if (listenKey != null) {
            requests.ok("PUT", LISTEN_KEY_PATH, "", LISTEN_KEY_WEIGHT, false);
        }
    }

    /** Reads the event, bare as {@code /ws/<listenKey>} sends it or in a combined stream's {@code data}. */
    @Override
    public void read(String text, PrivateStream.Listener listener) {
        JsonNode message = BinanceUserEvents.parse(text);
        JsonNode event = message.path("data").isObject() ? message.path("data") : message;
        switch (event.path("e").asString("")) {
            case "ORDER_TRADE_UPDATE" -> BinanceUserEvents.orderTradeUpdate(event, listener);
            case "listenKeyExpired" -> throw BinanceUserEvents.ended("listenKeyExpired");
            default -> {
                // balance and position updates, configuration changes: not order updates
            }
        }
    }

    @Override
    public String toString() {
        return "BinanceFuturesPrivateProtocol[" + privateStream + "]";
    }
}

package io.crossbook.venues.okx;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.PrivateProtocol;
import io.crossbook.venues.trading.PrivateStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OKX v5's private WebSocket: a {@code login} signed like a REST request of {@code GET /users/self/verify}
 * at a timestamp in epoch seconds, then a subscription to the {@code orders} channel of every instrument
 * type. Each push of that channel is one order's new state; when it was a fill, the same push names the
 * fill ({@code tradeId}, {@code fillSz}, {@code fillPx}, {@code fillFee}, {@code fillFeeCcy}).
 * OKX drops a connection quiet for 30 s; it answers the text {@code ping} with {@code pong}.
 *
 * <p>OKX refuses a subscription that overtakes the login ({@code event: error}, code 60011, "Please log
 * in"), so the subscription is sent only once the login is acknowledged ({@link #subscribeAfterLogin()}).
 */
public final class OkxPrivateProtocol implements PrivateProtocol {
    public static final URI PRIVATE_WS = URI.create("wss://ws.okx.com:8443/ws/v5/private");
    static final String CHANNEL = "orders";
    private static final String VERIFY = "GET/users/self/verify";
    private static final Duration PING_INTERVAL = Duration.ofSeconds(25);
    /** A refusal on the stream has no HTTP status of its own: it came over the open WebSocket. */
    private static final int SWITCHING_PROTOCOLS = 101;

    private final URI uri;
    private final ApiCredentials credentials;
    private final Clock clock;

    /** {@code clock}: the exchange's time (OKX refuses a login whose timestamp is 30 s off). */
    public OkxPrivateProtocol(URI uri, ApiCredentials credentials, Clock clock) {
        if (credentials.passphrase() == null) {
            throw new IllegalArgumentException("OKX API keys need their passphrase");
        }
        this.uri = uri;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public URI connectUri() {
        return uri;
    }

    /** The login, signed now, and the subscription to every order of the account. */
    @Override
    public List<String> openingFrames() {
        String timestamp = String.valueOf(clock.millis() / 1000);
        String sign = Base64.getEncoder().encodeToString(HmacSha256.sign(credentials.secret(), timestamp + VERIFY));
        ObjectNode login = JsonMapper.shared().createObjectNode();
        login.put("op", "login");
        login.putArray("args").addObject()
                .put("apiKey", credentials.apiKey())
                .put("passphrase", credentials.passphrase())
                .put("timestamp", timestamp)
                .put("sign", sign);
        ObjectNode subscribe = JsonMapper.shared().createObjectNode();
        subscribe.put("op", "subscribe");
        subscribe.putArray("args").addObject().put("channel", CHANNEL).put("instType", "ANY");
        return List.of(JsonMapper.shared().writeValueAsString(login), JsonMapper.shared().writeValueAsString(subscribe));
    }

    /**
     * Ready once OKX acknowledges the subscription to {@code orders}; the login's acknowledgement comes
     * first and is not enough. A refused login or subscription arrives as {@code event: error}.
     */
    @Override
    public boolean isReady(String text) {
        if ("pong".equals(text)) {
            return false;
        }
        JsonNode message = parse(text);
        String event = message.path("event").asString("");
        refusal(message, event);
        return "subscribe".equals(event) && CHANNEL.equals(message.path("arg").path("channel").asString(""));
    }

    @Override
    public boolean subscribeAfterLogin() {
        return true;
    }

    @Override
    public boolean isLoggedIn(String text) {
        if ("pong".equals(text)) {
            return false;
        }
        JsonNode message = parse(text);
        String event = message.path("event").asString("");
        refusal(message, event);
        return "login".equals(event);
    }

    @Override
    public String pingFrame() {
        return "ping";
    }

    @Override
    public Duration pingInterval() {
        return PING_INTERVAL;
    }

    /**
     * Each order of an {@code orders} push goes to the listener, its fill (if it was one) first, so that
     * an order seen filled has its fill counted already. Other events ({@code subscribe}, {@code notice} of
     * a coming disconnection) are ignored; an {@code error} means the stream can no longer be trusted.
     */
    @Override
    public void read(String text, PrivateStream.Listener listener) {
        if ("pong".equals(text)) {
            return;
        }
        JsonNode message = parse(text);
        String event = message.path("event").asString("");
        if (!event.isEmpty()) {
            refusal(message, event);
            return;
        }
        if (!CHANNEL.equals(message.path("arg").path("channel").asString(""))) {
            throw new MalformedMessageException("OKX private message of no subscribed channel: " + abbreviate(text));
        }
        JsonNode data = message.path("data");
        if (!data.isArray()) {
            throw new MalformedMessageException("OKX orders push without a data array: " + abbreviate(text));
        }
        for (JsonNode order : data.values()) {
            ExchangeTrade fill = OkxOrderReader.streamFill(order);
            if (fill != null) {
                listener.trade(fill);
            }
            listener.order(OkxOrderReader.order(order));
        }
    }

    @Override
    public String toString() {
        return "OkxPrivateProtocol[" + uri + ", " + credentials + "]";
    }

    /** OKX refuses with {@code event: error} (a failed login, a bad subscription) or a login event with a non-zero code. */
    private void refusal(JsonNode message, String event) {
        String code = message.path("code").asString("0");
        if ("error".equals(event) || ("login".equals(event) && !"0".equals(code))) {
            throw new ExchangeRejectedException(Venue.OKX, SWITCHING_PROTOCOLS, code,
                    credentials.redact(message.path("msg").asString("")));
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            throw new MalformedMessageException("OKX private message is not JSON: " + abbreviate(text));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}

package io.crossbook.venues.bybit;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.trading.PrivateProtocol;
import io.crossbook.venues.trading.PrivateStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bybit v5's private WebSocket ("Connect", "Order" and "Execution" pages of the v5 docs): log in with
 * {@code {"op":"auth","args":[apiKey, expires, signature]}}, where the signature is the hex HMAC-SHA256 of
 * {@code "GET/realtime" + expires}, subscribe the all-in-one {@code order} and {@code execution} topics,
 * and ping every 20 seconds as Bybit recommends. Order updates and fills of spot and linear are read;
 * other categories (inverse, options) belong to no instrument traded here and are passed over.
 */
public final class BybitPrivateProtocol implements PrivateProtocol {
    /** Bybit's production private stream. */
    public static final URI PRIVATE_WS = URI.create("wss://stream.bybit.com/v5/private");
    private static final Duration PING_INTERVAL = Duration.ofSeconds(20);
    /** How long the login's signature is valid: enough to cross the network, too short to be worth replaying. */
    private static final Duration LOGIN_VALIDITY = Duration.ofSeconds(10);
    /** A refusal on the socket has no HTTP status of its own; the connection's was the 101 of the upgrade. */
    private static final int WEBSOCKET_STATUS = 101;
    private static final String SUBSCRIBE = "{\"op\":\"subscribe\",\"args\":[\"order\",\"execution\"]}";

    private final URI uri;
    private final ApiCredentials credentials;
    private final Clock clock;
    private final Function<InstrumentId, Instrument> instruments;

    /**
     * @param clock       the exchange's time as this machine knows it, for the login's expiry
     * @param instruments Bybit's instruments by id (null for unknown ones), for the fee currency of
     *                    fills that do not name it
     */
    public BybitPrivateProtocol(URI uri, ApiCredentials credentials, Clock clock, Function<InstrumentId, Instrument> instruments) {
        this.uri = uri;
        this.credentials = credentials;
        this.clock = clock;
        this.instruments = instruments;
    }

    @Override
    public String toString() {
        return "BybitPrivateProtocol[" + uri + ", " + credentials + "]";
    }

    @Override
    public URI connectUri() {
        return uri;
    }

    /** The login, signed now, then the subscription. */
    @Override
    public List<String> openingFrames() {
        long expires = clock.millis() + LOGIN_VALIDITY.toMillis();
        ObjectNode auth = JsonMapper.shared().createObjectNode().put("op", "auth");
        auth.putArray("args").add(credentials.apiKey()).add(expires).add(signature(expires));
        return List.of(JsonMapper.shared().writeValueAsString(auth), SUBSCRIBE);
    }

    String signature(long expires) {
        return HexFormat.of().formatHex(HmacSha256.sign(credentials.secret(), "GET/realtime" + expires));
    }

    /**
     * Ready once the subscription is acknowledged ({@code "op":"subscribe","success":true}); a login or
     * subscription answered with {@code "success":false} is a refusal with Bybit's reason ({@code ret_msg}
     * in the docs' examples, {@code retMsg} in some answers).
     */
    @Override
    public boolean isReady(String text) {
        JsonNode message = json(text);
        String op = message.path("op").asString("");
        if (!op.equals("auth") && !op.equals("subscribe")) {
            return false;
        }
        if (!message.path("success").asBoolean(false)) {
            throw new ExchangeRejectedException(Venue.BYBIT, WEBSOCKET_STATUS, op,
                    credentials.redact(message.path("ret_msg").asString(message.path("retMsg").asString("no reason given"))));
        }
        return op.equals("subscribe");
    }

    @Override
    public String pingFrame() {
        return "{\"op\":\"ping\"}";
    }

    @Override
    public Duration pingInterval() {
        return PING_INTERVAL;
    }

    /**
     * {@code order} messages become orders and {@code execution} messages fills (funding payments left
     * out); one message may carry several of either. Pongs and acknowledgements carry an {@code op} and
     * no topic, and are passed over.
     */
    @Override
    public void read(String text, PrivateStream.Listener listener) {
        JsonNode message = json(text);
        String topic = message.path("topic").asString("");
        if (topic.isEmpty()) {
            if (message.path("op").isMissingNode()) {
                throw new MalformedMessageException("a Bybit private message with neither topic nor op: " + abbreviate(text));
            }
            return;
        }
        boolean orders = topic.equals("order") || topic.startsWith("order.");
        boolean executions = topic.equals("execution") || topic.startsWith("execution.");
        if (!orders && !executions) {
            return;
        }
        for (JsonNode item : DecimalStrings.array(message, "data", "Bybit's " + topic + " message")) {
            Market market = market(BybitOrders.text(item, "category"));
            if (market == null) {
                continue;
            }
            if (orders) {
                listener.order(BybitOrders.order(item));
            } else if (BybitOrders.isFill(item)) {
                listener.trade(BybitOrders.trade(item,
                        instruments.apply(new InstrumentId(Venue.BYBIT, market, BybitOrders.text(item, "symbol")))));
            }
        }
    }

    /** Spot and linear; null for the categories not traded here. */
    private static Market market(String category) {
        return switch (category) {
            case "spot" -> Market.SPOT;
            case "linear" -> Market.LINEAR;
            default -> null;
        };
    }

    private static JsonNode json(String text) {
        try {
            return JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            throw new MalformedMessageException("a Bybit private message is not JSON: " + abbreviate(text));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}

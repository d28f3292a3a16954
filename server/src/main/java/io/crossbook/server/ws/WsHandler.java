package io.crossbook.server.ws;

import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.security.AccessTokens;
import io.crossbook.server.security.AccessTokens.Caller;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client side of {@code /ws}: authentication ({@code ?token=} or an {@code auth} op), the
 * {@code subscribe}, {@code unsubscribe} and {@code log} ops. Bad input gets an {@code error}
 * frame with an API.md code and changes nothing; only a failed authentication closes the socket.
 */
final class WsHandler extends TextWebSocketHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WsHandler.class);
    private static final String AUTHENTICATE_FIRST =
            "authenticate first: connect with ?token= or send {\"op\":\"auth\",\"token\":\"...\"}";

    private final WsGateway gateway;
    private final AccessTokens tokens;
    private final JsonMapper json;
    private final Frames frames;
    private final FrontendLog frontendLog;
    private final WsProperties properties;

    WsHandler(WsGateway gateway, AccessTokens tokens, JsonMapper json, WsProperties properties) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.json = json;
        this.frames = new Frames(json);
        this.frontendLog = new FrontendLog(properties.maxLogChars());
        this.properties = properties;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        WsClient client = gateway.open(session);
        String token = queryToken(session.getUri());
        if (token != null) {
            authenticate(client, token);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        WsClient client = gateway.client(session);
        if (client == null || !client.isOpen()) {
            return;
        }
        // Nothing may escape: Spring would log the session, whose URI can carry the token.
        try {
            handle(client, message.getPayload());
        } catch (RuntimeException e) {
            LOG.error("ws: failed to handle a frame from {}", client.describe(), e);
            gateway.reply(client, frames.error(ErrorCode.INTERNAL_ERROR, "the server failed to handle this frame; see its log"));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        gateway.closed(session);
    }

    private void handle(WsClient client, String payload) {
        JsonNode frame;
        try {
            frame = json.readTree(payload);
        } catch (JacksonException e) {
            gateway.reply(client, frames.error(ErrorCode.VALIDATION_ERROR, "malformed JSON: " + e.getOriginalMessage()));
            return;
        }
        JsonNode op = frame.isObject() ? frame.get("op") : null;
        if (op == null || !op.isString()) {
            gateway.reply(client, frames.error(ErrorCode.VALIDATION_ERROR, "op: a frame must be a JSON object with an \"op\""));
            return;
        }
        switch (op.stringValue()) {
            case "auth" -> authenticate(client, text(frame.get("token")));
            case "subscribe" -> subscribe(client, frame.get("channels"));
            case "unsubscribe" -> unsubscribe(client, frame.get("channels"));
            case "log" -> log(client, frame);
            default -> gateway.reply(client, frames.error(ErrorCode.VALIDATION_ERROR,
                    "op: unknown op '" + abbreviate(op.stringValue()) + "' (expected auth, subscribe, unsubscribe or log)"));
        }
    }

    private void authenticate(WsClient client, String token) {
        Optional<Caller> caller = token == null || token.isBlank() ? Optional.empty() : tokens.verify(token);
        if (caller.isEmpty()) {
            LOG.info("ws: {} refused: {} token", client.describe(), token == null || token.isBlank() ? "no" : "invalid");
            gateway.reply(client, frames.error(ErrorCode.UNAUTHORIZED,
                    token == null || token.isBlank() ? "token: missing" : "token: invalid or expired"));
            client.closeWhenFlushed(CloseStatus.POLICY_VIOLATION.withReason("authentication failed"));
            return;
        }
        client.authenticate(caller.get());
        gateway.reply(client, frames.authenticated(caller.get()));
    }

    private void subscribe(WsClient client, JsonNode requested) {
        List<String> channels = channels(client, requested);
        if (channels == null) {
            return;
        }
        long added = channels.stream().filter(c -> !client.subscriptions().containsKey(c)).count();
        if (client.subscriptions().size() + added > properties.maxChannels()) {
            gateway.reply(client, frames.error(ErrorCode.VALIDATION_ERROR,
                    "channels: at most " + properties.maxChannels() + " per connection"));
            return;
        }
        // registered before the acknowledgement: every event published after it has been received is delivered
        gateway.subscribe(client, channels);
        gateway.reply(client, frames.subscribed(channels));
    }

    private void unsubscribe(WsClient client, JsonNode requested) {
        List<String> channels = channels(client, requested);
        if (channels != null) {
            gateway.unsubscribe(client, channels);
            gateway.reply(client, frames.unsubscribed(channels));
        }
    }

    /** The normalised channels of a (un)subscribe op, or {@code null} after telling the client why not. */
    private List<String> channels(WsClient client, JsonNode requested) {
        if (client.caller() == null) {
            gateway.reply(client, frames.error(ErrorCode.UNAUTHORIZED, AUTHENTICATE_FIRST));
            return null;
        }
        if (requested == null || !requested.isArray() || requested.isEmpty()) {
            gateway.reply(client, frames.error(ErrorCode.VALIDATION_ERROR, "channels: must be a non-empty array of channel names"));
            return null;
        }
        List<String> channels = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode name : requested) {
            if (!name.isString()) {
                problems.add(abbreviate(name.toString()) + ": not a channel name");
                continue;
            }
            try {
                String channel = Channels.parse(name.stringValue());
                if (!channels.contains(channel)) {
                    channels.add(channel);
                }
            } catch (IllegalArgumentException e) {
                problems.add("'" + abbreviate(name.stringValue()) + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            gateway.reply(client, frames.error(ErrorCode.VALIDATION_ERROR, "channels: " + String.join("; ", problems)));
            return null;
        }
        return channels;
    }

    private void log(WsClient client, JsonNode frame) {
        Caller caller = client.caller();
        if (caller == null) {
            gateway.reply(client, frames.error(ErrorCode.UNAUTHORIZED, AUTHENTICATE_FIRST));
            return;
        }
        if (!client.tryLog(System.nanoTime(), properties.logsPerSecond())) {
            gateway.reply(client, frames.error(ErrorCode.RATE_LIMITED,
                    "log: at most " + properties.logsPerSecond() + " per second"));
            return;
        }
        try {
            frontendLog.record(caller.username(), frame.get("event"), frame.get("data"));
        } catch (IllegalArgumentException e) {
            gateway.reply(client, frames.error(ErrorCode.VALIDATION_ERROR, e.getMessage()));
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    private static String queryToken(URI uri) {
        String query = uri == null ? null : uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("token=")) {
                return URLDecoder.decode(parameter.substring("token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

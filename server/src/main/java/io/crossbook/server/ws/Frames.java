package io.crossbook.server.ws;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.crossbook.server.api.ApiResponse;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.security.AccessTokens.Caller;
import java.util.List;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises frames, {@code {"event":NAME,"data":{...}}}: the API.md events, and the gateway's
 * replies to a client's ops ({@code authenticated}, {@code subscribed}, {@code unsubscribed},
 * {@code error} with an API.md error code).
 */
final class Frames {
    private final JsonMapper json;

    Frames(JsonMapper json) {
        this.json = json;
    }

    /** @throws tools.jackson.core.JacksonException when {@code data} cannot be written as JSON */
    TextMessage event(String event, Object data) {
        return new TextMessage(json.writeValueAsString(new Frame(event, data)));
    }

    TextMessage error(ErrorCode code, String message) {
        return event("error", new ApiResponse.Error(code.name(), message));
    }

    TextMessage authenticated(Caller caller) {
        return event("authenticated", new Authenticated(caller.username(), caller.role().id()));
    }

    TextMessage subscribed(List<String> channels) {
        return event("subscribed", new ChannelList(channels));
    }

    TextMessage unsubscribed(List<String> channels) {
        return event("unsubscribed", new ChannelList(channels));
    }

    @JsonPropertyOrder({"event", "data"})
    record Frame(String event, Object data) {
    }

    record Authenticated(String username, String role) {
    }

    record ChannelList(List<String> channels) {
    }
}

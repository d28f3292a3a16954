package io.crossbook.testkit.sim.binance;

import static io.crossbook.testkit.sim.SimJson.object;
import static io.crossbook.testkit.sim.SimJson.write;

import io.crossbook.core.model.Market;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.SimExchange;
import io.crossbook.testkit.sim.SimJson;
import io.crossbook.testkit.sim.WsSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spot WebSocket API ({@code /ws-api/v3}) as far as it carries user data, which Binance moved there
 * when it retired spot listen keys on 2026-02-20: {@code userDataStream.subscribe.signature}, signed and
 * timed as every SIGNED request ({@link BinanceAuth#webSocketApi}), answered
 * {@code {"id":..,"status":200,"result":{"subscriptionId":0}}} or, refused,
 * {@code {"id":..,"status":4xx,"error":{"code":..,"msg":..}}}; the account's events then arrive as
 * {@code {"subscriptionId":0,"event":{...}}}. The simulator serves one subscription per connection
 * (so its id is always 0) and leaves out the optional {@code rateLimits}.
 */
final class BinanceWebSocketApi {
    static final String PATH = "/ws-api/v3";
    private static final int SUBSCRIPTION_ID = 0;

    private BinanceWebSocketApi() {
    }

    /** A connection that may subscribe to spot user data. */
    static WsSession open() {
        return WsSession.privateStream(null, Market.SPOT);
    }

    /** The answer to one request frame; a successful subscription makes the session the account's. */
    static String answer(WsSession session, String text, SimExchange exchange) {
        JsonNode request;
        try {
            request = SimJson.read(text);
        } catch (RuntimeException e) {
            return refused(null, BinanceRefusal.badRequest(-1000, "The simulator could not read the request as JSON."));
        }
        JsonNode id = request.get("id"); // null answers as JSON null
        String method = request.path("method").asString("");
        try {
            if (!method.equals("userDataStream.subscribe.signature")) {
                throw new BinanceRefusal(404, -1000, "The simulator does not serve the WebSocket API method '" + method + "'.");
            }
            SimAccount account = BinanceAuth.webSocketApi(request.path("params"), exchange);
            if (session.apiKey() != null) {
                throw BinanceRefusal.badRequest(-1000, "The simulator serves one user data subscription per connection.");
            }
            session.authenticate(account.apiKey());
            ObjectNode answer = object();
            answer.set("id", id);
            answer.put("status", 200).putObject("result").put("subscriptionId", SUBSCRIPTION_ID);
            return write(answer);
        } catch (BinanceRefusal refusal) {
            return refused(id, refusal);
        }
    }

    /** A user data event as the subscription delivers it. */
    static String event(ObjectNode event) {
        ObjectNode wrapped = object().put("subscriptionId", SUBSCRIPTION_ID);
        wrapped.set("event", event);
        return write(wrapped);
    }

    private static String refused(JsonNode id, BinanceRefusal refusal) {
        ObjectNode answer = object();
        answer.set("id", id);
        answer.put("status", refusal.status).putObject("error").put("code", refusal.code).put("msg", refusal.getMessage());
        return write(answer);
    }
}

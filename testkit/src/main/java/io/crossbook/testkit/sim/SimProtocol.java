package io.crossbook.testkit.sim;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One exchange's protocol on the simulator: how to read its recordings, which REST paths it serves
 * and how it answers them (signature checks included), how its WebSocket clients subscribe, and how
 * it words private order events and errors. Everything else (books, matching, accounts, the request
 * log, rate limits and faults) is the simulator's and the same for every exchange. A protocol is
 * called under the simulator's lock and needs no locking of its own.
 */
public interface SimProtocol {

    Venue venue();

    /** The exchange's standard taker and maker fee rates in {@code market}, unless a test sets others. */
    Fees defaultFees(Market market);

    /** The request weight the exchange allows per minute in {@code limitGroup}, unless a test sets another limit. */
    int weightLimit(String limitGroup);

    /** What a recorded message of {@code instrument} means: snapshot, diff or other. */
    MarketEvent decode(Instrument instrument, String text);

    /** A message for the public subscribers of {@code stream}; {@code depth} when it is a book message that depth faults may drop or corrupt. */
    record PublicMessage(String stream, String text, boolean depth) {
    }

    /**
     * What the exchange publishes when the replay has applied a recorded message to the book of
     * {@code instrument}: by default the recorded message itself on its stream (none for a REST
     * snapshot). A protocol whose book streams the simulator derives from its own book (a depth the
     * recording does not have, sequence numbers and checksums over the book as it now stands) words
     * them here.
     */
    default List<PublicMessage> publicMessages(Instrument instrument, MarketEvent event, String recorded, SimExchange exchange) {
        return event.stream() == null ? List.of()
                : List.of(new PublicMessage(event.stream(), recorded, !(event instanceof MarketEvent.Other)));
    }

    /** What the request is, which weight budget it draws on and its documented weight. */
    Endpoint classify(RestRequest request);

    /**
     * Serves the request: authenticates it as the exchange does (and refuses it in the exchange's
     * words when that fails), then reads, places or cancels through {@code exchange}.
     */
    RestAnswer handle(RestRequest request, Endpoint endpoint, SimExchange exchange);

    /** An order refused by {@link Faults#rejectNextOrders}, in the exchange's error format. */
    RestAnswer rejected(Endpoint endpoint, String code, String message);

    /** A 429 (rate limited) or 418 (banned) answer, Retry-After header included. */
    RestAnswer limited(Endpoint endpoint, int status, Duration retryAfter);

    /** A 5xx answer as the exchange gives it. */
    RestAnswer serverError(Endpoint endpoint, int status);

    /** Headers every answer carries about the weight used in the endpoint's group (Binance's {@code X-MBX-USED-WEIGHT-1M}). */
    default Map<String, String> weightHeaders(Endpoint endpoint, int usedWeight) {
        return Map.of();
    }

    /**
     * A new WebSocket connection to {@code resource} (path and query): what it subscribes to, or null
     * to refuse it (an unknown path, an invalid listen key).
     */
    WsSession open(String resource, SimExchange exchange);

    /** A text frame from a client (subscribe, login, ping): the frames to answer with, if any. */
    List<String> onText(WsSession session, String text, SimExchange exchange);

    /** The private-stream messages that tell the order's account of {@code event}. */
    List<String> privateMessages(OrderEvent event, SimExchange exchange);
}

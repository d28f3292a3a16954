package io.crossbook.server.events;

/**
 * Where the platform's outbound events go (the WebSocket gateway). Implementations never block
 * the caller: market-data threads and the engine call it on their hot path.
 */
public interface EventSink {

    /** A book's best bid or ask changed; called on the feed thread that owns the book. */
    void price(PriceUpdate update);

    /**
     * Any other API.md event ({@code opportunity}, {@code order_submitted}, {@code engine_alert},
     * ...): {@code data} is serialised as the frame's {@code data}.
     */
    void publish(String event, Object data);
}

package io.crossbook.server.ws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.TextMessage;

/**
 * One client's subscription to one channel. A {@code price_update} channel spans every market of
 * the exchange's symbol, so it keeps one {@link PriceSlot} per market type: a spot price is never
 * coalesced away by the perpetual's.
 */
final class Subscription {
    private final WsClient client;
    private final Map<String, PriceSlot> slotsByType = new ConcurrentHashMap<>(4);

    Subscription(WsClient client) {
        this.client = client;
    }

    WsClient client() {
        return client;
    }

    /** Queues an event frame; {@code false} when the client's outbox is full. */
    boolean offer(TextMessage frame) {
        return client.outbox().offer(frame);
    }

    /** Offers a market's newest price; {@code true} when it replaced an unsent one. */
    boolean offerPrice(String type, TextMessage frame) {
        PriceSlot slot = slotsByType.get(type);
        if (slot == null) {
            slot = slotsByType.computeIfAbsent(type, t -> new PriceSlot());
        }
        return client.outbox().offerPrice(slot, frame);
    }

    /** Stops delivery: prices still waiting for this subscription are discarded. */
    void detach() {
        slotsByType.values().forEach(slot -> slot.detached = true);
    }
}

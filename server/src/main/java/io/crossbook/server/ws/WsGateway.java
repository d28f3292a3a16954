package io.crossbook.server.ws;

import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.events.EventSink;
import io.crossbook.server.events.PriceUpdate;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket gateway, and the platform's {@link EventSink}: each event is serialised once and
 * offered to the outbox of every client subscribed to its channel, O(subscribers), without a lock
 * or a socket write on the publisher's thread; each client's own writer (a virtual thread) sends.
 * A client whose outbox overflows or whose socket stalls a send beyond
 * {@code crossbook.ws.send-timeout} is dropped and counted, so a slow client never slows the
 * feeds, the engine or other clients.
 */
public final class WsGateway implements EventSink, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(WsGateway.class);
    /** Tomcat's per-session limit on a blocking send (20 s unless set). */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final WsProperties properties;
    private final Frames frames;
    private final Map<String, WsClient> clients = new ConcurrentHashMap<>();
    private final Subscribers subscribers = new Subscribers();
    private final WsMeters meters;
    private final ScheduledExecutorService timer;
    private final Set<String> unknownEvents = ConcurrentHashMap.newKeySet();

    public WsGateway(WsProperties properties, JsonMapper json, MeterRegistry registry) {
        this.properties = properties;
        this.frames = new Frames(json);
        this.meters = new WsMeters(registry, clients::size);
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ws-timer").daemon().factory());
        long checkEveryMillis = Math.max(properties.sendTimeout().toMillis() / 4, 10);
        timer.scheduleWithFixedDelay(this::dropStalledClients, checkEveryMillis, checkEveryMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void price(PriceUpdate update) {
        Subscription[] subscriptions = subscribers.of(Channels.price(update.exchange(), update.symbol()));
        if (subscriptions.length == 0) {
            return;
        }
        TextMessage frame = serialise(Channels.PRICE_UPDATE, update);
        if (frame == null) {
            return;
        }
        for (Subscription s : subscriptions) {
            if (s.client().isOpen() && s.offerPrice(update.type(), frame)) {
                meters.coalesced.increment();
            }
        }
    }

    @Override
    public void publish(String event, Object data) {
        if (!Channels.EVENTS.contains(event)) {
            if (unknownEvents.add(event)) {
                LOG.warn("ws: '{}' is not an API.md event; no client can subscribe to it", event);
            }
            return;
        }
        Subscription[] subscriptions = subscribers.of(event);
        if (subscriptions.length == 0) {
            return;
        }
        TextMessage frame = serialise(event, data);
        if (frame == null) {
            return;
        }
        for (Subscription s : subscriptions) {
            if (s.client().isOpen() && !s.offer(frame)) {
                drop(s.client(), DropReason.QUEUE_OVERFLOW);
            }
        }
    }

    /** Counters for the system status. */
    public WsStats stats() {
        return meters.stats();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        for (WsClient client : clients.values()) {
            if (client.stop()) {
                Thread.startVirtualThread(() -> client.closeSession(CloseStatus.GOING_AWAY));
            }
        }
    }

    WsClient open(WebSocketSession session) {
        session.setTextMessageSizeLimit(properties.maxInboundBytes());
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session container) {
            // so that the container also gives up on a stalled write of a client we dropped
            container.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, properties.sendTimeout().toMillis());
        }
        WsClient client = new WsClient(session, properties, this);
        clients.put(client.id(), client);
        client.authDeadline(timer.schedule(() -> authTimedOut(client), properties.authTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
        client.start();
        return client;
    }

    WsClient client(WebSocketSession session) {
        return clients.get(session.getId());
    }

    /** The session is closed, whoever closed it. */
    void closed(WebSocketSession session) {
        WsClient client = clients.get(session.getId());
        if (client != null) {
            release(client);
        }
    }

    /** Queues a reply to the client's own op. */
    void reply(WsClient client, TextMessage frame) {
        if (client.isOpen() && !client.outbox().offer(frame)) {
            drop(client, DropReason.QUEUE_OVERFLOW);
        }
    }

    void subscribe(WsClient client, List<String> channels) {
        for (String channel : channels) {
            client.subscriptions().computeIfAbsent(channel, c -> {
                Subscription subscription = new Subscription(client);
                subscribers.add(c, subscription);
                return subscription;
            });
        }
        if (!client.isOpen()) {
            release(client); // closed meanwhile: undo what release() may not have seen
        }
    }

    void unsubscribe(WsClient client, Collection<String> channels) {
        for (String channel : channels) {
            Subscription subscription = client.subscriptions().remove(channel);
            if (subscription != null) {
                subscribers.remove(channel, subscription);
                subscription.detach();
            }
        }
    }

    void sent() {
        meters.sent.increment();
    }

    /**
     * Called by the client's writer when a send threw after {@code blockedNanos}: a stall if that
     * reached the send timeout (the container's own timeout fired first), else a broken connection.
     */
    void sendFailed(WsClient client, long blockedNanos) {
        if (blockedNanos >= properties.sendTimeout().toNanos()) {
            drop(client, DropReason.SEND_STALLED);
        } else if (client.stop()) {
            release(client);
            client.closeSession(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    private void authTimedOut(WsClient client) {
        if (client.caller() == null && client.isOpen()) {
            reply(client, frames.error(ErrorCode.UNAUTHORIZED, "not authenticated within " + properties.authTimeout().toMillis()
                    + " ms: connect with ?token= or send {\"op\":\"auth\",\"token\":\"...\"} first"));
            client.closeWhenFlushed(CloseStatus.POLICY_VIOLATION.withReason("authentication timeout"));
        }
    }

    private void dropStalledClients() {
        long now = System.nanoTime();
        long limit = properties.sendTimeout().toNanos();
        for (WsClient client : clients.values()) {
            if (client.stalledNanos(now) > limit) {
                drop(client, DropReason.SEND_STALLED);
            }
        }
    }

    /** Never blocks: the close, which may wait for the container, runs on its own virtual thread. */
    private void drop(WsClient client, DropReason reason) {
        if (!client.drop()) {
            return;
        }
        meters.dropped(reason);
        Thread.ofVirtual().name("ws-drop-" + client.id()).start(() -> {
            LOG.warn("ws: dropped {}: too slow ({})", client.describe(), reason.id());
            release(client);
            client.closeSession(CloseStatus.POLICY_VIOLATION.withReason("too slow: " + reason.id()));
        });
    }

    private void release(WsClient client) {
        client.stop();
        clients.remove(client.id(), client);
        unsubscribe(client, client.subscriptions().keySet());
    }

    private TextMessage serialise(String event, Object data) {
        try {
            return frames.event(event, data);
        } catch (JacksonException e) {
            LOG.error("ws: cannot serialise a '{}' event; not sent", event, e);
            return null;
        }
    }
}

package io.crossbook.server.ws;

import io.crossbook.server.security.AccessTokens.Caller;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One connected client: its session, who it is, what it subscribed to, and its writer, a virtual
 * thread that alone sends to the socket, draining the {@link Outbox}. Publishers never touch the
 * socket, so a client that stops reading stalls only its own writer.
 */
final class WsClient {
    private final WebSocketSession session;
    private final WsGateway gateway;
    private final Thread writer;
    private final Outbox outbox;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile Caller caller;
    private volatile ScheduledFuture<?> authDeadline;
    private volatile CloseStatus closeWhenFlushed;
    private volatile boolean sending;
    private volatile long sendingSinceNanos;
    // The front end's log budget; only the thread handling this client's inbound frames touches it.
    private long logWindowStartNanos;
    private int logsInWindow;

    WsClient(WebSocketSession session, WsProperties properties, WsGateway gateway) {
        this.session = session;
        this.gateway = gateway;
        this.writer = Thread.ofVirtual().name("ws-writer-" + session.getId()).unstarted(this::writeLoop);
        this.outbox = new Outbox(properties.queueCapacity(), properties.priceInterval().toNanos(),
                () -> LockSupport.unpark(writer));
    }

    void start() {
        writer.start();
    }

    String id() {
        return session.getId();
    }

    Outbox outbox() {
        return outbox;
    }

    Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    boolean isOpen() {
        return open.get();
    }

    Caller caller() {
        return caller;
    }

    /** Authenticated from now on: the deadline for it is lifted. */
    void authenticate(Caller caller) {
        this.caller = caller;
        cancelAuthDeadline();
    }

    void authDeadline(ScheduledFuture<?> deadline) {
        this.authDeadline = deadline;
    }

    /** For logs: the session and user, never the URI (it may carry the token). */
    String describe() {
        Caller c = caller;
        return "session " + session.getId() + (c == null ? " (unauthenticated)" : " (" + c.username() + ")");
    }

    /** Closes the session once every frame queued so far has been sent (an error frame, typically). */
    void closeWhenFlushed(CloseStatus status) {
        closeWhenFlushed = status;
        LockSupport.unpark(writer);
    }

    /** How long the send in progress has been blocked; 0 when the writer is not sending. */
    long stalledNanos(long nowNanos) {
        return sending ? nowNanos - sendingSinceNanos : 0;
    }

    /**
     * Ends delivery; {@code true} for the one caller that ended it. The writer stops after the send
     * in progress, if any.
     */
    boolean stop() {
        boolean stopped = open.compareAndSet(true, false);
        if (stopped) {
            cancelAuthDeadline();
            LockSupport.unpark(writer);
        }
        return stopped;
    }

    /**
     * Ends delivery for being too slow; {@code true} once per client, even if the container closed
     * the session first (as Tomcat does when its own send timeout expires).
     */
    boolean drop() {
        stop();
        return dropped.compareAndSet(false, true);
    }

    /** Closes the socket; may block while the container gives up on a stalled send. */
    void closeSession(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            // the connection is already gone: nothing left to release
        }
    }

    /** Counts a front-end log op against {@code perSecond}; {@code false} when over budget. */
    boolean tryLog(long nowNanos, int perSecond) {
        if (logsInWindow == 0 || nowNanos - logWindowStartNanos >= 1_000_000_000L) {
            logWindowStartNanos = nowNanos;
            logsInWindow = 0;
        }
        return ++logsInWindow <= perSecond;
    }

    private void cancelAuthDeadline() {
        ScheduledFuture<?> deadline = authDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    private void writeLoop() {
        while (open.get()) {
            TextMessage frame = outbox.next(System.nanoTime());
            CloseStatus close = closeWhenFlushed;
            if (frame != null) {
                send(frame);
            } else if (close != null) {
                if (stop()) {
                    closeSession(close);
                }
            } else {
                long due = outbox.nextDueNanos();
                if (due == Outbox.NONE) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, due - System.nanoTime());
                }
            }
        }
    }

    private void send(TextMessage frame) {
        long started = System.nanoTime();
        sendingSinceNanos = started;
        sending = true;
        try {
            session.sendMessage(frame);
            gateway.sent();
        } catch (IOException | RuntimeException e) {
            gateway.sendFailed(this, System.nanoTime() - started);
        } finally {
            sending = false;
        }
    }
}

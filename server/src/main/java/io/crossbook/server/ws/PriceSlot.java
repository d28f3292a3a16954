package io.crossbook.server.ws;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.socket.TextMessage;

/**
 * The newest unsent {@code price_update} of one instrument for one client. Publishers only swap
 * {@link #latest}; the client's writer owns the rest, so the hot path shares no lock with sends.
 * A slot is in the client's outbox exactly while {@code latest} is set.
 */
final class PriceSlot {
    final AtomicReference<TextMessage> latest = new AtomicReference<>();
    /** Set when the client unsubscribes: whatever is still queued is discarded. */
    volatile boolean detached;

    /** Writer-owned: when the last frame of this instrument was sent, if ever. */
    boolean sent;
    long sentAtNanos;
}

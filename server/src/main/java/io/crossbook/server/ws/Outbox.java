package io.crossbook.server.ws;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.socket.TextMessage;

/**
 * One client's outbound frames in publication order, bounded, with price updates coalesced per
 * instrument: the first update after a quiet period goes out at once, later ones at most once per
 * interval, the newest value winning. Any thread may offer without blocking; only the client's
 * writer calls {@link #next} and {@link #nextDueNanos}, with the current {@code System.nanoTime()}.
 */
final class Outbox {
    /** {@link #nextDueNanos()} when no coalesced price is waiting. */
    static final long NONE = Long.MAX_VALUE;

    /** {@link TextMessage}s and {@link PriceSlot}s, in the order they became ready. */
    private final Queue<Object> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedFrames = new AtomicInteger();
    /** Writer-owned: price slots sent less than an interval ago and updated since. */
    private final List<PriceSlot> waiting = new ArrayList<>();
    private final int capacity;
    private final long intervalNanos;
    private final Runnable wakeWriter;

    Outbox(int capacity, long intervalNanos, Runnable wakeWriter) {
        this.capacity = capacity;
        this.intervalNanos = intervalNanos;
        this.wakeWriter = wakeWriter;
    }

    /** Queues a frame; {@code false} when the client already has {@code capacity} frames waiting. */
    boolean offer(TextMessage frame) {
        if (queuedFrames.incrementAndGet() > capacity) {
            queuedFrames.decrementAndGet();
            return false;
        }
        ready.offer(frame);
        wakeWriter.run();
        return true;
    }

    /** Makes {@code frame} the slot's newest price; {@code true} when it replaced one never sent (coalesced). */
    boolean offerPrice(PriceSlot slot, TextMessage frame) {
        if (slot.latest.getAndSet(frame) != null) {
            return true;
        }
        ready.offer(slot);
        wakeWriter.run();
        return false;
    }

    /** The frame to send now, or {@code null} when nothing may be sent before {@link #nextDueNanos()}. */
    TextMessage next(long nowNanos) {
        for (Iterator<PriceSlot> it = waiting.iterator(); it.hasNext(); ) {
            PriceSlot slot = it.next();
            if (nowNanos - slot.sentAtNanos >= intervalNanos) {
                it.remove();
                TextMessage frame = take(slot, nowNanos);
                if (frame != null) {
                    return frame;
                }
            }
        }
        Object item;
        while ((item = ready.poll()) != null) {
            if (item instanceof TextMessage frame) {
                queuedFrames.decrementAndGet();
                return frame;
            }
            PriceSlot slot = (PriceSlot) item;
            if (slot.sent && nowNanos - slot.sentAtNanos < intervalNanos && !slot.detached) {
                waiting.add(slot);
                continue;
            }
            TextMessage frame = take(slot, nowNanos);
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    /** When the earliest waiting price may be sent, or {@link #NONE}. */
    long nextDueNanos() {
        long due = NONE;
        for (PriceSlot slot : waiting) {
            long slotDue = slot.sentAtNanos + intervalNanos;
            if (due == NONE || slotDue - due < 0) {
                due = slotDue;
            }
        }
        return due;
    }

    private static TextMessage take(PriceSlot slot, long nowNanos) {
        TextMessage frame = slot.latest.getAndSet(null);
        if (frame == null || slot.detached) {
            return null;
        }
        slot.sent = true;
        slot.sentAtNanos = nowNanos;
        return frame;
    }
}

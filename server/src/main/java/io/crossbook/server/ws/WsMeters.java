package io.crossbook.server.ws;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The gateway's counters, kept in {@link LongAdder}s (cheap from many writer threads) and exposed
 * as {@code crossbook.ws.*} meters: {@code crossbook_ws_clients}, {@code crossbook_ws_sent_total},
 * {@code crossbook_ws_coalesced_total} and {@code crossbook_ws_dropped_total{reason}} in Prometheus.
 */
final class WsMeters {
    final LongAdder sent = new LongAdder();
    final LongAdder coalesced = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
    private final IntSupplier clients;

    WsMeters(MeterRegistry registry, IntSupplier clients) {
        this.clients = clients;
        Gauge.builder("crossbook.ws.clients", () -> clients.getAsInt())
                .description("Connected WebSocket clients").register(registry);
        FunctionCounter.builder("crossbook.ws.sent", sent, LongAdder::sum)
                .description("Frames sent to WebSocket clients").register(registry);
        FunctionCounter.builder("crossbook.ws.coalesced", coalesced, LongAdder::sum)
                .description("Price updates replaced by a newer one before they were sent").register(registry);
        for (DropReason reason : DropReason.values()) {
            LongAdder count = new LongAdder();
            dropped.put(reason, count);
            FunctionCounter.builder("crossbook.ws.dropped", count, LongAdder::sum).tag("reason", reason.id())
                    .description("WebSocket clients closed for being too slow").register(registry);
        }
    }

    void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    WsStats stats() {
        long drops = dropped.values().stream().mapToLong(LongAdder::sum).sum();
        return new WsStats(clients.getAsInt(), sent.sum(), coalesced.sum(), drops);
    }
}

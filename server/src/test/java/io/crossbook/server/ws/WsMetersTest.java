package io.crossbook.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class WsMetersTest {

    @Test
    void countersAppearInPrometheusUnderCrossbookWs() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        WsMeters meters = new WsMeters(registry, () -> 3);
        meters.sent.add(120);
        meters.coalesced.add(7);
        meters.dropped(DropReason.QUEUE_OVERFLOW);
        meters.dropped(DropReason.SEND_STALLED);
        meters.dropped(DropReason.SEND_STALLED);

        assertThat(registry.scrape()).contains(
                "crossbook_ws_clients 3.0",
                "crossbook_ws_sent_total 120.0",
                "crossbook_ws_coalesced_total 7.0",
                "crossbook_ws_dropped_total{reason=\"queue_overflow\"} 1.0",
                "crossbook_ws_dropped_total{reason=\"send_stalled\"} 2.0");
        assertThat(meters.stats()).isEqualTo(new WsStats(3, 120, 7, 3));
    }
}

package io.crossbook.server.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * REST latency percentiles and error rates, for {@code /api/system/status} and Prometheus
 * ({@code crossbook_api_requests_seconds}). Percentiles decay over Micrometer's default window of
 * a few minutes; error rates count the last minute.
 */
@Component
public class ApiMetrics {
    private static final int WINDOW_SECONDS = 60;

    private final Timer latency;
    private final long[] bucketSecond = new long[WINDOW_SECONDS];
    private final long[] requests = new long[WINDOW_SECONDS];
    private final long[] clientErrors = new long[WINDOW_SECONDS];
    private final long[] serverErrors = new long[WINDOW_SECONDS];

    public ApiMetrics(MeterRegistry registry) {
        latency = Timer.builder("crossbook.api.requests")
                .description("REST API request latency, from the first filter to the response")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    /** The API latency and error rates right now. */
    public record Snapshot(long count, double p50Millis, double p95Millis, double p99Millis,
                           long requestsLastMinute, double clientErrorRate, double serverErrorRate) {
    }

    void record(long nanos, int status) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
        long second = System.currentTimeMillis() / 1000;
        synchronized (this) {
            int i = (int) (second % WINDOW_SECONDS);
            if (bucketSecond[i] != second) {
                bucketSecond[i] = second;
                requests[i] = 0;
                clientErrors[i] = 0;
                serverErrors[i] = 0;
            }
            requests[i]++;
            if (status >= 500) {
                serverErrors[i]++;
            } else if (status >= 400) {
                clientErrors[i]++;
            }
        }
    }

    public Snapshot snapshot() {
        HistogramSnapshot h = latency.takeSnapshot();
        double[] p = new double[3];
        for (ValueAtPercentile v : h.percentileValues()) {
            int i = v.percentile() == 0.5 ? 0 : v.percentile() == 0.95 ? 1 : 2;
            p[i] = round(v.value(TimeUnit.NANOSECONDS) / 1e6);
        }
        long now = System.currentTimeMillis() / 1000;
        long total = 0;
        long client = 0;
        long server = 0;
        synchronized (this) {
            for (int i = 0; i < WINDOW_SECONDS; i++) {
                if (now - bucketSecond[i] < WINDOW_SECONDS) {
                    total += requests[i];
                    client += clientErrors[i];
                    server += serverErrors[i];
                }
            }
        }
        return new Snapshot(h.count(), p[0], p[1], p[2], total,
                total == 0 ? 0 : round((double) client / total), total == 0 ? 0 : round((double) server / total));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

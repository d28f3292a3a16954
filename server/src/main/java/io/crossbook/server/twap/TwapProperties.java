package io.crossbook.server.twap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.twap.*}: the shortest interval a plan may have, the most slices it may be
 * split into, and how many slices in a row may execute nothing before a plan fails. Defaults are
 * in application.yml.
 */
@ConfigurationProperties("crossbook.twap")
public record TwapProperties(Duration minInterval, int maxSlices, int maxFailedSlices) {
    public static final TwapProperties DEFAULTS = new TwapProperties(Duration.ofSeconds(1), 10_000, 3);

    public TwapProperties {
        if (minInterval == null || minInterval.toMillis() < 1) {
            throw new IllegalArgumentException("crossbook.twap.min-interval must be at least 1ms, not " + minInterval);
        }
        if (maxSlices < 1) {
            throw new IllegalArgumentException("crossbook.twap.max-slices must be at least 1, not " + maxSlices);
        }
        if (maxFailedSlices < 1) {
            throw new IllegalArgumentException("crossbook.twap.max-failed-slices must be at least 1, not " + maxFailedSlices);
        }
    }
}

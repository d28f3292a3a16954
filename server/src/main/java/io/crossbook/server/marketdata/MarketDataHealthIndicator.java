package io.crossbook.server.marketdata;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Market data in the actuator's health ({@code marketData}): always {@code UP}, as in
 * {@code /health}, with each exchange's readiness as details, so an exchange being unreachable
 * never takes the process out of service.
 */
@Component("marketData")
public class MarketDataHealthIndicator implements HealthIndicator {
    private final MarketDataService marketData;

    public MarketDataHealthIndicator(MarketDataService marketData) {
        this.marketData = marketData;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (ExchangeStatus e : marketData.exchanges()) {
            health.withDetail(e.venue().id(), Map.of("ready", e.ready(), "detail", e.detail()));
        }
        return health.build();
    }
}

package io.crossbook.server.marketdata;

import io.crossbook.core.clean.CleaningRules;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.market-data.*}: the feeds to collect, each {@code venue:market:SYMBOL,SYMBOL},
 * and QingXi's bounds.
 */
@ConfigurationProperties("crossbook.market-data")
public record MarketDataProperties(List<String> feeds, double maxJumpPercent, Duration jumpWindow, Duration staleAfter) {

    public MarketDataProperties {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
    }

    public CleaningRules cleaningRules() {
        return new CleaningRules(maxJumpPercent / 100, jumpWindow, staleAfter);
    }
}

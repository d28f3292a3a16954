package io.crossbook.server.marketdata;

import io.crossbook.core.clean.CleaningRules;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.market-data.*}: the feeds to collect live, each {@code venue:market:SYMBOL,SYMBOL},
 * the venue-markets to serve from recordings instead, and QingXi's bounds.
 */
@ConfigurationProperties("crossbook.market-data")
public record MarketDataProperties(List<String> feeds, double maxJumpPercent, Duration jumpWindow, Duration staleAfter,
                                   Replay replay) {

    public MarketDataProperties {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        replay = replay == null ? new Replay(null, null, false, null) : replay;
    }

    public CleaningRules cleaningRules() {
        return new CleaningRules(maxJumpPercent / 100, jumpWindow, staleAfter);
    }

    /**
     * {@code crossbook.market-data.replay.*}, what {@code crossbook serve --source} sets: each
     * source {@code VENUE:MARKET:FILE[,FILE...]} is replayed in place of that venue-market's live
     * feed, at {@code speed} ({@code 1x}, {@code Nx} or {@code max}), from the start again at the
     * end if {@code loop}; {@code instruments}, each {@code VENUE:MARKET:FILE}, are recorded
     * instruments responses that give the replayed symbols their exchange metadata.
     */
    public record Replay(List<String> sources, String speed, boolean loop, List<String> instruments) {
        public Replay {
            sources = sources == null ? List.of() : List.copyOf(sources);
            instruments = instruments == null ? List.of() : List.copyOf(instruments);
            speed = speed == null ? "1x" : speed;
        }
    }
}

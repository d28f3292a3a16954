package io.crossbook.server.system;

import io.crossbook.server.marketdata.Collector;
import io.crossbook.server.marketdata.FeedLoad;
import io.crossbook.server.marketdata.MarketDataService;
import io.crossbook.server.marketdata.PriceCacheStats;
import io.crossbook.server.marketdata.PriceService;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** QingXi's collectors as one module: started and stopped together, healthy when all are up. */
@Component
@Order(10)
class MarketDataModule implements SystemModule {
    private final MarketDataService marketData;
    private final PriceService prices;

    MarketDataModule(MarketDataService marketData, PriceService prices) {
        this.marketData = marketData;
        this.prices = prices;
    }

    /** Book update rates and feed-thread lag per collector, and the price snapshot cache. */
    record Figures(List<FeedLoad> collectors, PriceCacheStats priceCache) {
    }

    @Override
    public String name() {
        return "marketData";
    }

    @Override
    public Health health() {
        List<Collector> all = marketData.collectors();
        List<Collector> running = all.stream().filter(Collector::running).toList();
        long up = running.stream().filter(c -> c.status().state().up()).count();
        String detail = up + " of " + all.size() + " collectors up";
        if (running.isEmpty()) {
            return new Health("STOPPED", all.isEmpty() ? "UP" : "DOWN", detail);
        }
        return new Health("RUNNING", up == running.size() ? "UP" : up == 0 ? "DOWN" : "DEGRADED", detail);
    }

    @Override
    public Object performance() {
        return new Figures(marketData.load(), prices.cacheStats());
    }

    @Override
    public void start() {
        marketData.startAll();
    }

    @Override
    public void stop() {
        marketData.stopAll();
    }
}

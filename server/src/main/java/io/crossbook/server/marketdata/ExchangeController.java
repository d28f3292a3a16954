package io.crossbook.server.marketdata;

import io.crossbook.server.api.ApiResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The exchanges Crossbook supports and how their market data stands (API.md, "Settings, exchanges"). */
@RestController
public class ExchangeController {
    private final MarketDataService marketData;
    private final TradingKeys tradingKeys;

    public ExchangeController(MarketDataService marketData, TradingKeys tradingKeys) {
        this.marketData = marketData;
        this.tradingKeys = tradingKeys;
    }

    @GetMapping("/api/exchanges")
    public ApiResponse<List<ExchangeInfo>> exchanges() {
        return ApiResponse.ok(marketData.exchanges().stream().map(e -> new ExchangeInfo(e.venue().id(), e.connected(),
                !tradingKeys.hasTradingKeys(e.venue()), e.ready(),
                e.collectors().stream().map(c -> new ExchangeInfo.MarketInfo(c.market().id(), c.id(), c.source().id(),
                        c.status().state().name(), c.symbols())).toList())).toList());
    }
}

package io.crossbook.server.marketdata;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** QingXi collectors and their live statistics (API.md, "System, data collectors, risk"). */
@RestController
@RequestMapping("/api/qingxi/collectors")
public class CollectorController {
    private final MarketDataService marketData;

    public CollectorController(MarketDataService marketData) {
        this.marketData = marketData;
    }

    @GetMapping("/list")
    public Map<String, Object> list() {
        List<CollectorStats> stats = marketData.collectors().stream().map(Collector::stats).toList();
        return Map.of("success", true, "data", stats);
    }
}

package io.crossbook.server.marketdata;

import io.crossbook.server.api.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    public ApiResponse<List<CollectorStats>> list() {
        return ApiResponse.ok(marketData.collectors().stream().map(Collector::stats).toList());
    }

    /** Idempotent: starting a running collector changes nothing. */
    @PostMapping("/start")
    public ApiResponse<CollectorStats> start(@Valid @RequestBody CollectorRequest request) {
        return ApiResponse.ok(marketData.start(request.id()));
    }

    /** Idempotent: stopping a stopped collector changes nothing. */
    @PostMapping("/stop")
    public ApiResponse<CollectorStats> stop(@Valid @RequestBody CollectorRequest request) {
        return ApiResponse.ok(marketData.stop(request.id()));
    }
}

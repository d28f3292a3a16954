package io.crossbook.server.arbitrage;

import io.crossbook.server.api.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Monitored pairs and their live spreads (API.md "Prices and monitoring"). */
@RestController
@RequestMapping("/api/monitoring")
public class MonitoringController {
    private final ArbitrageService arbitrage;

    public MonitoringController(ArbitrageService arbitrage) {
        this.arbitrage = arbitrage;
    }

    @GetMapping("/pairs")
    public ApiResponse<List<PairView>> pairs() {
        return ApiResponse.ok(arbitrage.pairs());
    }

    @PostMapping("/pairs")
    public ApiResponse<Map<String, String>> create(@RequestBody PairRequest request) {
        return ApiResponse.ok(Map.of("id", arbitrage.create(request)));
    }

    @PutMapping("/pairs/{id}")
    public ApiResponse<Map<String, String>> update(@PathVariable String id, @RequestBody PairRequest request) {
        arbitrage.update(id, request);
        return ApiResponse.ok(Map.of("id", id));
    }

    @DeleteMapping("/pairs/{id}")
    public ApiResponse<Void> delete(@PathVariable String id) {
        arbitrage.delete(id);
        return ApiResponse.ok(null);
    }

    @GetMapping("/prices")
    public ApiResponse<List<PairPrices>> prices() {
        return ApiResponse.ok(arbitrage.prices());
    }
}

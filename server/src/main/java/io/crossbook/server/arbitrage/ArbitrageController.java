package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.TriangularPath;
import io.crossbook.server.api.ApiResponse;
import io.crossbook.store.trading.StoredOpportunity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Executions, opportunities and triangular paths (API.md "Arbitrage"). */
@RestController
@RequestMapping("/api/arbitrage")
public class ArbitrageController {
    private final ArbitrageService arbitrage;

    public ArbitrageController(ArbitrageService arbitrage) {
        this.arbitrage = arbitrage;
    }

    /** Executes both legs of a pair once, now, and answers when both are over. */
    @PostMapping("/execute/{pairId}")
    public ApiResponse<ExecutionView> execute(@PathVariable String pairId) {
        return ApiResponse.ok(arbitrage.execute(pairId));
    }

    @GetMapping("/opportunities")
    public ApiResponse<List<StoredOpportunity>> opportunities(@RequestParam(required = false) String pairId,
                                                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ApiResponse.ok(arbitrage.opportunities(pairId, limit));
    }

    @GetMapping("/executions")
    public ApiResponse<List<ExecutionView>> executions(@RequestParam(required = false) String pairId,
                                                       @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ApiResponse.ok(arbitrage.executions(pairId, limit));
    }

    @GetMapping("/triangular")
    public ApiResponse<List<TriangularPath>> triangular() {
        return ApiResponse.ok(arbitrage.triangular());
    }
}

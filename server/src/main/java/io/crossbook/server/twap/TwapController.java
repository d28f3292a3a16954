package io.crossbook.server.twap;

import io.crossbook.server.api.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** TWAP plans (API.md "TWAP"): create, list, status, control, and each plan's slices. */
@RestController
@RequestMapping("/api/twap")
public class TwapController {
    private final TwapService twap;

    public TwapController(TwapService twap) {
        this.twap = twap;
    }

    /** Stores a new plan, pending until started. */
    @PostMapping("/plans")
    public ApiResponse<Map<String, String>> create(@RequestBody TwapRequest request) {
        return ApiResponse.ok(Map.of("planId", twap.create(request)));
    }

    @GetMapping("/plans")
    public ApiResponse<List<TwapView>> plans(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ApiResponse.ok(twap.plans(limit));
    }

    @GetMapping("/{planId}/status")
    public ApiResponse<TwapView> status(@PathVariable String planId) {
        return ApiResponse.ok(twap.status(planId));
    }

    /** {@code {"action": "start" | "pause" | "resume" | "cancel"}}; answers with the plan's status after it. */
    @PostMapping("/{planId}/control")
    public ApiResponse<TwapView> control(@PathVariable String planId, @RequestBody Control control) {
        return ApiResponse.ok(twap.control(planId, control.action()));
    }

    @GetMapping("/{planId}/slices")
    public ApiResponse<List<TwapSliceView>> slices(@PathVariable String planId) {
        return ApiResponse.ok(twap.slices(planId));
    }

    public record Control(String action) {
    }
}

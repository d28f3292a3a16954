package io.crossbook.server.risk;

import io.crossbook.core.risk.RiskLimits;
import io.crossbook.core.risk.TradingState;
import io.crossbook.server.api.ApiResponse;
import io.crossbook.store.risk.StoredAlert;
import io.crossbook.store.risk.StoredLimitChange;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Risk (API.md "System, data collectors, risk"): status, limits, alerts, kill switch; mutations need admin. */
@RestController
@Validated
@RequestMapping("/api/risk")
public class RiskController {
    private final RiskService risk;

    public RiskController(RiskService risk) {
        this.risk = risk;
    }

    public record KillSwitchRequest(@NotNull Boolean engaged, String reason) {
    }

    public record StateRequest(@NotNull TradingState state, String reason) {
    }

    public record ResumeRequest(String pairId, String venue) {
    }

    @GetMapping("/status")
    public ApiResponse<RiskService.Status> status() {
        return ApiResponse.ok(risk.status());
    }

    @GetMapping("/limits")
    public ApiResponse<RiskLimits> limits() {
        return ApiResponse.ok(risk.limits());
    }

    /** Changes the limits given in the body and leaves the others; answers with all of them. */
    @PutMapping("/limits")
    public ApiResponse<RiskLimits> updateLimits(@RequestBody JsonNode changes, Authentication user) {
        return ApiResponse.ok(risk.updateLimits(changes, user.getName()));
    }

    /** Who changed which limit when, old → new, newest first. */
    @GetMapping("/limits/changes")
    public ApiResponse<List<StoredLimitChange>> limitChanges(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ApiResponse.ok(risk.limitChanges(limit));
    }

    @GetMapping("/alerts")
    public ApiResponse<List<StoredAlert>> alerts(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                                 @RequestParam(required = false) String severity,
                                                 @RequestParam(required = false) String pairId) {
        return ApiResponse.ok(risk.alerts(limit, severity, pairId));
    }

    @PostMapping("/kill-switch")
    public ApiResponse<RiskService.KillSwitch> killSwitch(@RequestBody @Validated KillSwitchRequest request,
                                                          Authentication user) {
        return ApiResponse.ok(risk.killSwitch(request.engaged(), request.reason(), user.getName()));
    }

    @PostMapping("/state")
    public ApiResponse<Map<String, TradingState>> state(@RequestBody @Validated StateRequest request,
                                                        Authentication user) {
        return ApiResponse.ok(Map.of("state", risk.setState(request.state(), request.reason(), user.getName())));
    }

    /** Ends the pauses of a pair (breaker, anomaly, deviation) or of a venue (breaker). */
    @PostMapping("/resume")
    public ApiResponse<Map<String, Boolean>> resume(@RequestBody ResumeRequest request) {
        return ApiResponse.ok(Map.of("resumed", risk.resume(request.pairId(), request.venue())));
    }
}

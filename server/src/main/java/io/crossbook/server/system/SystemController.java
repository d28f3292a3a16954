package io.crossbook.server.system;

import ch.qos.logback.classic.Level;
import io.crossbook.server.api.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** System control and the recent log (API.md "System, data collectors, risk"). */
@RestController
@RequestMapping("/api/system")
public class SystemController {
    private final SystemService system;

    public SystemController(SystemService system) {
        this.system = system;
    }

    @PostMapping("/start")
    public ApiResponse<SystemService.SystemStatus> start() {
        return ApiResponse.ok(system.start());
    }

    @PostMapping("/stop")
    public ApiResponse<SystemService.SystemStatus> stop() {
        return ApiResponse.ok(system.stop());
    }

    @GetMapping("/status")
    public ApiResponse<SystemService.SystemStatus> status() {
        return ApiResponse.ok(system.status());
    }

    /** The newest log events at {@code level} or above (default INFO), newest first. */
    @GetMapping("/logs")
    public ApiResponse<List<RecentLogs.LogEntry>> logs(
            @RequestParam(defaultValue = "INFO")
            @Pattern(regexp = "(?i)trace|debug|info|warn|error", message = "must be one of trace, debug, info, warn, error")
            String level,
            @RequestParam(defaultValue = "100") @Min(1) @Max(RecentLogs.CAPACITY) int limit) {
        return ApiResponse.ok(RecentLogs.recent(Level.toLevel(level), limit));
    }
}

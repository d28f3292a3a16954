package io.crossbook.server.marketdata;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: liveness ({@code UP} whenever the process answers) and each exchange's
 * readiness. Always HTTP 200: an exchange that is not ready is information, not a failure of
 * this process.
 */
@RestController
public class HealthController {
    private final MarketDataService marketData;

    public HealthController(MarketDataService marketData) {
        this.marketData = marketData;
    }

    public record HealthReport(String status, Map<String, Readiness> exchanges) {
    }

    /** {@code ready}: connected and every book in sync; {@code detail}: each collector's state. */
    public record Readiness(boolean ready, String detail) {
    }

    @GetMapping("/health")
    public HealthReport health() {
        Map<String, Readiness> exchanges = new LinkedHashMap<>();
        for (ExchangeStatus e : marketData.exchanges()) {
            exchanges.put(e.venue().id(), new Readiness(e.ready(), e.detail()));
        }
        return new HealthReport("UP", exchanges);
    }
}

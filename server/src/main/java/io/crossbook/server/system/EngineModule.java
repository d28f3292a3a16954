package io.crossbook.server.system;

import io.crossbook.server.arbitrage.ArbitrageService;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The trading engine: its thread, the pairs it prices and the journal that persists its orders,
 * executions and opportunities. It runs for the life of the server; system stop halts the
 * market data that feeds it.
 */
@Component
@Order(15)
class EngineModule implements SystemModule {
    private final ArbitrageService arbitrage;

    EngineModule(ArbitrageService arbitrage) {
        this.arbitrage = arbitrage;
    }

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public Health health() {
        Map<String, Object> f = arbitrage.figures();
        if (!arbitrage.running()) {
            return new Health("STOPPED", "DOWN", "the engine thread is not running");
        }
        long dropped = ((Number) f.get("journalDropped")).longValue();
        String detail = f.get("pairs") + " pairs (" + f.get("unresolvedPairs") + " waiting for instrument metadata), "
                + f.get("triangularCycles") + " triangular cycles, journal backlog " + f.get("journalBacklog");
        return dropped > 0 ? new Health("RUNNING", "DEGRADED", detail + ", " + dropped + " journal rows lost")
                : Health.up("RUNNING", detail);
    }

    @Override
    public Object performance() {
        return arbitrage.figures();
    }
}

package io.crossbook.server.system;

import io.crossbook.core.risk.TradingState;
import io.crossbook.server.arbitrage.ArbitrageService;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The risk engine, inside the engine: its status is the trading state. HALTED (the kill switch)
 * is down, REDUCING degraded; details are at {@code GET /api/risk/status}.
 */
@Component
@Order(16)
class RiskModule implements SystemModule {
    private final ArbitrageService arbitrage;

    RiskModule(ArbitrageService arbitrage) {
        this.arbitrage = arbitrage;
    }

    @Override
    public String name() {
        return "risk";
    }

    @Override
    public Health health() {
        TradingState state = arbitrage.risk().state();
        return switch (state) {
            case ACTIVE -> Health.up(state.name(), "every order passes the pre-trade checks");
            case REDUCING -> new Health(state.name(), "DEGRADED", "only orders that reduce an exposure may go");
            case HALTED -> new Health(state.name(), "DOWN", "the kill switch is engaged: no order may go");
        };
    }

    @Override
    public Object performance() {
        return Map.of("state", arbitrage.risk().state().name());
    }
}

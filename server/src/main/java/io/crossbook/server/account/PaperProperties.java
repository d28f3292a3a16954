package io.crossbook.server.account;

import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.paper.*}: the starting {@code balances} of the paper accounts, per exchange and asset,
 * e.g. {@code crossbook.paper.balances.binance.USDT: "10000"} (or {@code CROSSBOOK_PAPER_BALANCES_BINANCE_USDT}).
 * Amounts are exact decimals; quote them in YAML so they are never read as binary floating point.
 * A paper order fills against the book as it is {@code latency} after it was sent; perpetual
 * positions lock {@code perpMarginRate} of their notional (1 = fully collateralised, 0.1 = 10x).
 */
@ConfigurationProperties("crossbook.paper")
public record PaperProperties(Map<Venue, Map<String, BigDecimal>> balances, Duration latency, BigDecimal perpMarginRate) {

    public PaperProperties {
        balances = balances == null ? Map.of() : Map.copyOf(balances);
        latency = latency == null ? Duration.ofMillis(50) : latency;
        perpMarginRate = perpMarginRate == null ? BigDecimal.ONE : perpMarginRate;
        if (latency.isNegative()) {
            throw new IllegalArgumentException("crossbook.paper.latency must not be negative");
        }
        if (perpMarginRate.signum() <= 0 || perpMarginRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("crossbook.paper.perp-margin-rate must be above 0 and at most 1, not "
                    + perpMarginRate.toPlainString());
        }
    }
}

package io.crossbook.server.risk;

import io.crossbook.core.risk.RiskLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.risk.*}: the configured risk limits. They are the defaults: a limit an admin
 * sets through {@code PUT /api/risk/limits} is stored and wins over its configured value.
 */
@ConfigurationProperties("crossbook.risk")
public record RiskProperties(RiskLimits limits) {
    public RiskProperties {
        limits = limits == null ? RiskLimits.DEFAULTS : limits;
    }
}

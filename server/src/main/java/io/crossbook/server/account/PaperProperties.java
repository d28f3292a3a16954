package io.crossbook.server.account;

import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.paper.*}: the starting {@code balances} of the paper accounts, per exchange and asset,
 * e.g. {@code crossbook.paper.balances.binance.USDT: "10000"} (or {@code CROSSBOOK_PAPER_BALANCES_BINANCE_USDT}).
 * Amounts are exact decimals; quote them in YAML so they are never read as binary floating point.
 */
@ConfigurationProperties("crossbook.paper")
public record PaperProperties(Map<Venue, Map<String, BigDecimal>> balances) {

    public PaperProperties {
        balances = balances == null ? Map.of() : Map.copyOf(balances);
    }
}

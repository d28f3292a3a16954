package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.FeeSchedule;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.fees.taker.<venue>.<market>}: the taker fee rate of your account tier, a
 * fraction ({@code 0.001} = 0.1 %), e.g. {@code CROSSBOOK_FEES_TAKER_BINANCE_SPOT=0.00075} with BNB
 * discount. Unset venue-markets keep the exchange's regular-tier rate ({@link FeeSchedule#defaults()}).
 */
@ConfigurationProperties("crossbook.fees")
public record FeeProperties(Map<Venue, Map<Market, BigDecimal>> taker) {

    public FeeProperties {
        taker = taker == null ? Map.of() : Map.copyOf(taker);
    }

    public FeeSchedule schedule() {
        FeeSchedule fees = FeeSchedule.defaults();
        for (var venue : taker.entrySet()) {
            for (var market : venue.getValue().entrySet()) {
                fees = fees.withTaker(venue.getKey(), market.getKey(), market.getValue());
            }
        }
        return fees;
    }
}

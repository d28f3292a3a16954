package io.crossbook.venues.funding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What a funding quote can be. */
class FundingQuoteTest {

    @Test
    void aSpotInstrumentHasNoFundingRate() {
        assertThatThrownBy(() -> new FundingQuote(Venue.OKX, Market.SPOT, "BTC-USDT", new BigDecimal("0.0001"),
                1_703_088_000_000L, 1_703_070_685_309L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spot instruments have no funding rate");
    }

    @Test
    void theSettlementIsATime() {
        assertThatThrownBy(() -> new FundingQuote(Venue.OKX, Market.LINEAR, "BTC-USDT-SWAP", new BigDecimal("0.0001"),
                0, 1_703_070_685_309L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nextFundingTimeMs must be a time, not 0");
    }
}

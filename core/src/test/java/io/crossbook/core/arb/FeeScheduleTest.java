package io.crossbook.core.arb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeeScheduleTest {
    static final InstrumentId BINANCE_SPOT = new InstrumentId(Venue.BINANCE, Market.SPOT, "BTCUSDT");

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "BINANCE, SPOT,    0.001",
            "BINANCE, LINEAR,  0.0005",
            "BINANCE, INVERSE, 0.0005",
            "BYBIT,   SPOT,    0.001",
            "BYBIT,   LINEAR,  0.00055",
            "BYBIT,   INVERSE, 0.00055",
            "OKX,     SPOT,    0.001",
            "OKX,     LINEAR,  0.0005",
            "OKX,     INVERSE, 0.0005"})
    void defaultsAreTheRegularTiersPublishedTakerRates(Venue venue, Market market, String rate) {
        InstrumentId id = new InstrumentId(venue, market, "ANY");

        assertThat(FeeSchedule.defaults().taker(id)).isEqualByComparingTo(rate);
        assertThat(FeeSchedule.defaults().takerRate(id)).isEqualTo(Double.parseDouble(rate));
    }

    @Test
    void everyVenueAndMarketHasADefault() {
        for (Venue venue : Venue.values()) {
            for (Market market : Market.values()) {
                assertThat(FeeSchedule.defaults().taker(new InstrumentId(venue, market, "X"))).isNotNull();
            }
        }
    }

    @Test
    void withTakerReturnsAChangedCopyAndLeavesTheOriginalAlone() {
        FeeSchedule vip = FeeSchedule.defaults().withTaker(Venue.BINANCE, Market.SPOT, new BigDecimal("0.00075"));

        assertThat(vip.taker(BINANCE_SPOT)).isEqualByComparingTo("0.00075");
        assertThat(vip.takerRate(BINANCE_SPOT)).isEqualTo(0.00075);
        assertThat(vip.taker(new InstrumentId(Venue.BINANCE, Market.LINEAR, "BTCUSDT"))).isEqualByComparingTo("0.0005");
        assertThat(FeeSchedule.defaults().taker(BINANCE_SPOT)).isEqualByComparingTo("0.001");
    }

    @Test
    void aZeroRateIsAllowed() {
        FeeSchedule free = FeeSchedule.defaults().withTaker(Venue.BINANCE, Market.SPOT, BigDecimal.ZERO);

        assertThat(free.takerRate(BINANCE_SPOT)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.0001", "0.01", "0.1", "1"})
    void rejectsRatesOutsideZeroToOnePercentNamingTheVenueAndMarket(String rate) {
        FeeSchedule defaults = FeeSchedule.defaults();

        assertThatThrownBy(() -> defaults.withTaker(Venue.BYBIT, Market.LINEAR, new BigDecimal(rate)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bybit:linear")
                .hasMessageContaining(rate);
        assertThat(defaults.taker(new InstrumentId(Venue.BYBIT, Market.LINEAR, "BTCUSDT"))).isEqualByComparingTo("0.00055");
    }

    @Test
    void rejectsAMissingRate() {
        assertThatThrownBy(() -> FeeSchedule.defaults().withTaker(Venue.OKX, Market.SPOT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("okx:spot");
    }
}

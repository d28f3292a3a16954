package io.crossbook.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradingPropertiesTest {

    @Test
    void defaultsToPaperTradingAFiveSecondWindowAndTheProductionHosts() {
        TradingProperties defaults = new TradingProperties(null, null, null, null, null, null, null);

        assertThat(defaults.mode()).isEqualTo(TradingMode.PAPER);
        assertThat(defaults.recvWindow()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.endpoint(Venue.BINANCE)).isEqualTo(URI.create("https://api.binance.com"));
        assertThat(defaults.endpoint(Venue.BYBIT)).isEqualTo(URI.create("https://api.bybit.com"));
        assertThat(defaults.endpoint(Venue.OKX)).isEqualTo(URI.create("https://www.okx.com"));
        assertThat(defaults.privateStreams().binanceSpot()).isEqualTo(URI.create("wss://ws-api.binance.com:443/ws-api/v3"));
        assertThat(defaults.privateStreams().bybit()).isEqualTo(URI.create("wss://stream.bybit.com/v5/private"));
        assertThat(defaults.foreignEndpoints()).isEmpty();
    }

    @Test
    void anEndpointCanBeMovedOnItsOwn() {
        TradingProperties moved = new TradingProperties(TradingMode.LIVE, Duration.ofSeconds(2),
                Map.of(Venue.OKX, URI.create("https://aws.okx.com")), null, null, null, null);

        assertThat(moved.endpoint(Venue.OKX)).isEqualTo(URI.create("https://aws.okx.com"));
        assertThat(moved.endpoint(Venue.BINANCE)).isEqualTo(URI.create("https://api.binance.com"));
    }

    @Test
    void theReceiveWindowIsWhatBinanceAccepts() {
        assertThatThrownBy(() -> new TradingProperties(null, Duration.ofSeconds(61), null, null, null, null, null))
                .hasMessageContaining("crossbook.trading.recv-window must be between 1ms and 60s");
        assertThatThrownBy(() -> new TradingProperties(null, Duration.ZERO, null, null, null, null, null))
                .hasMessageContaining("recv-window");
    }

    @Test
    void thePerpetualMarginRateIsFullCollateralUnlessSetAndAFractionOfOneAtMost() {
        assertThat(new TradingProperties(null, null, null, null, null, null, null).perpMarginRate()).isEqualByComparingTo("1");
        assertThat(new TradingProperties(null, null, null, null, null, new BigDecimal("0.1"), null).perpMarginRate())
                .isEqualByComparingTo("0.1");
        assertThatThrownBy(() -> new TradingProperties(null, null, null, null, null, BigDecimal.ZERO, null))
                .hasMessage("crossbook.trading.perp-margin-rate must be above 0 and at most 1, not 0");
        assertThatThrownBy(() -> new TradingProperties(null, null, null, null, null, new BigDecimal("1.5"), null))
                .hasMessageContaining("perp-margin-rate");
    }
}

package io.crossbook.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradingPropertiesTest {

    @Test
    void defaultsToPaperTradingAFiveSecondWindowAndTheProductionHosts() {
        TradingProperties defaults = new TradingProperties(null, null, null, null, null);

        assertThat(defaults.mode()).isEqualTo(TradingMode.PAPER);
        assertThat(defaults.recvWindow()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.endpoint(Venue.BINANCE)).isEqualTo(URI.create("https://api.binance.com"));
        assertThat(defaults.endpoint(Venue.BYBIT)).isEqualTo(URI.create("https://api.bybit.com"));
        assertThat(defaults.endpoint(Venue.OKX)).isEqualTo(URI.create("https://www.okx.com"));
    }

    @Test
    void anEndpointCanBeMovedOnItsOwn() {
        TradingProperties moved = new TradingProperties(TradingMode.LIVE, Duration.ofSeconds(2),
                Map.of(Venue.OKX, URI.create("https://aws.okx.com")), null, null);

        assertThat(moved.endpoint(Venue.OKX)).isEqualTo(URI.create("https://aws.okx.com"));
        assertThat(moved.endpoint(Venue.BINANCE)).isEqualTo(URI.create("https://api.binance.com"));
    }

    @Test
    void theReceiveWindowIsWhatBinanceAccepts() {
        assertThatThrownBy(() -> new TradingProperties(null, Duration.ofSeconds(61), null, null, null))
                .hasMessageContaining("crossbook.trading.recv-window must be between 1ms and 60s");
        assertThatThrownBy(() -> new TradingProperties(null, Duration.ZERO, null, null, null))
                .hasMessageContaining("recv-window");
    }
}

package io.crossbook.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ChannelsTest {

    @Test
    void eventChannelsAreTheirEventNames() {
        for (String event : new String[] {"opportunity", "order_submitted", "order_filled", "order_failed",
                "twap_progress", "engine_alert", "trading_signal"}) {
            assertThat(Channels.parse(event)).isEqualTo(event);
        }
    }

    @Test
    void priceChannelsAreNormalisedToMeetTheCollectorsUpdates() {
        assertThat(Channels.parse("price_update:binance:BTCUSDT")).isEqualTo("price_update:binance:BTCUSDT");
        assertThat(Channels.parse("price_update:OKX:btc-usdt-swap")).isEqualTo("price_update:okx:BTC-USDT-SWAP");
        assertThat(Channels.parse("price_update:binance:BTCUSD_PERP")).isEqualTo(Channels.price("binance", "BTCUSD_PERP"));
    }

    @Test
    void badNamesSayWhatIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> Channels.parse("prices"))
                .withMessageContaining("unknown channel").withMessageContaining("engine_alert");
        assertThatIllegalArgumentException().isThrownBy(() -> Channels.parse("price_update:kraken:BTCUSDT"))
                .withMessageContaining("unknown venue 'kraken'");
        assertThatIllegalArgumentException().isThrownBy(() -> Channels.parse("price_update:binance"))
                .withMessageContaining("price_update:EXCHANGE:SYMBOL");
        assertThatIllegalArgumentException().isThrownBy(() -> Channels.parse("price_update:binance:BTC/USDT"))
                .withMessageContaining("symbol");
        assertThatIllegalArgumentException().isThrownBy(() -> Channels.parse("price_update"))
                .withMessageContaining("unknown channel");
    }
}

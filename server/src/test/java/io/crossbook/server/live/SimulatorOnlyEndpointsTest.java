package io.crossbook.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import io.crossbook.server.settings.TradingMode;
import io.crossbook.server.settings.TradingProperties;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Trading can point at hosts other than the exchanges' own (a simulator) only under the 'simulator' profile. */
class SimulatorOnlyEndpointsTest {

    @Test
    void theExchangesOwnHostsAreNotForeign() {
        TradingProperties production = new TradingProperties(TradingMode.LIVE, null,
                Map.of(Venue.OKX, URI.create("https://aws.okx.com")), null, null, null, null);

        assertThat(production.foreignEndpoints()).isEmpty();
    }

    @Test
    void aLocalEndpointIsRefusedOutsideTheSimulatorProfile() {
        TradingProperties local = new TradingProperties(TradingMode.LIVE, null,
                Map.of(Venue.BINANCE, URI.create("http://127.0.0.1:8999")), null, null, null, null);
        assertThat(local.foreignEndpoints()).containsExactly(URI.create("http://127.0.0.1:8999"));

        assertThatThrownBy(() -> new LiveTrading(local, null, null, null, null, null, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:8999").hasMessageContaining("'simulator' profile");
    }

    @Test
    void aLocalPrivateStreamIsForeignToo() {
        TradingProperties local = new TradingProperties(TradingMode.LIVE, null, null, null, null, null,
                new TradingProperties.PrivateStreams(null, URI.create("ws://127.0.0.1:8999/private/ws"), null, null));

        assertThat(local.foreignEndpoints()).containsExactly(URI.create("ws://127.0.0.1:8999/private/ws"));
    }

    @Test
    void aLookalikeHostIsForeignToo() {
        TradingProperties lookalike = new TradingProperties(TradingMode.LIVE, null,
                Map.of(Venue.BYBIT, URI.create("https://api.bybit.com.example.net")), null, null, null, null);

        assertThat(lookalike.foreignEndpoints()).containsExactly(URI.create("https://api.bybit.com.example.net"));
    }
}

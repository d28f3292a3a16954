package io.crossbook.server.cli;

import static io.crossbook.server.replay.ReplayTestData.SPOT_EXCERPT;
import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.server.marketdata.MarketDataProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;

/** What {@code serve} hands to Spring. */
class ServeCommandTest {
    static final String PREFIX = "--crossbook.market-data.replay.";

    @Test
    void withoutServeOptionsEverythingGoesToSpring() {
        assertThat(ServeCommand.springArgs(new String[] {"serve", "--server.port=9090", "--debug"}))
                .containsExactly("--server.port=9090", "--debug");
    }

    @Test
    void serveOptionsBecomeReplayPropertiesWithAbsolutePaths() {
        String[] args = ServeCommand.springArgs(new String[] {"serve", "--server.port=9090",
                "--source", "binance:linear:" + USDM_EXCERPT, "--speed=10x", "--source=BINANCE:spot:" + SPOT_EXCERPT,
                "--loop", "--debug"});

        assertThat(args).containsExactly("--server.port=9090", "--debug",
                PREFIX + "sources[0]=binance:linear:" + USDM_EXCERPT.toAbsolutePath(),
                PREFIX + "sources[1]=binance:spot:" + SPOT_EXCERPT.toAbsolutePath(),
                PREFIX + "speed=10x",
                PREFIX + "loop=true");
    }

    @Test
    void springBindsEachSourceWholeWithItsFiles() {
        String[] args = ServeCommand.springArgs(new String[] {"serve",
                "--source", "binance:linear:" + USDM_EXCERPT + "," + USDM_EXCERPT, "--speed", "max"});

        MarketDataProperties properties = new Binder(ConfigurationPropertySources.from(new SimpleCommandLinePropertySource(args)))
                .bindOrCreate("crossbook.market-data", MarketDataProperties.class);

        assertThat(properties.replay().sources())
                .containsExactly("binance:linear:" + USDM_EXCERPT.toAbsolutePath() + "," + USDM_EXCERPT.toAbsolutePath());
        assertThat(properties.replay().speed()).isEqualTo("max");
        assertThat(properties.replay().loop()).isFalse();
    }
}

package io.crossbook.server.marketdata;

import static io.crossbook.server.replay.ReplayTestData.SPOT_EXCERPT;
import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crossbook.server.events.EventSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** Which collectors the configuration makes; nothing is started here, so nothing goes to the network. */
class MarketDataServiceTest {

    static MarketDataService service(List<String> feeds, List<String> replays, String speed) {
        MarketDataProperties properties = new MarketDataProperties(feeds, 2, Duration.ofSeconds(1), Duration.ofSeconds(10),
                new MarketDataProperties.Replay(replays, speed, false, List.of()));
        return new MarketDataService(properties, new SimpleMeterRegistry(),
                new DefaultListableBeanFactory().getBeanProvider(EventSink.class));
    }

    @Test
    void aReplayedVenueMarketReplacesItsLiveFeedAndTheOthersStayLive() {
        MarketDataService md = service(List.of("binance:spot:BTCUSDT,ETHUSDT", "binance:linear:BTCUSDT", "bybit:spot:BTCUSDT"),
                List.of("binance:linear:" + USDM_EXCERPT, "BINANCE:SPOT:" + SPOT_EXCERPT), "max");

        assertThat(md.collectors()).extracting(Collector::id, c -> c.source().id(), Collector::files).containsExactly(
                tuple("binance:spot", "replay", List.of("spot_btcusdt_20240808_head3000.gz")),
                tuple("binance:linear", "replay", List.of("usdm_btcusdt_20240808_head3000.gz")),
                tuple("bybit:spot", "live", List.of()));
        assertThat(md.collector("bybit:spot").orElseThrow().symbols()).containsExactly("BTCUSDT");
        assertThat(md.collectors()).allSatisfy(c -> assertThat(c.running()).isFalse());
    }

    @Test
    void aReplayWithoutALiveFeedIsAddedAfterTheConfiguredOnes() {
        MarketDataService md = service(List.of("okx:spot:BTC-USDT"), List.of("binance:linear:" + USDM_EXCERPT), "1x");

        assertThat(md.collectors()).extracting(Collector::id).containsExactly("okx:spot", "binance:linear");
    }

    @Test
    void beforeAnythingStartsNoExchangeIsConnected() {
        MarketDataService md = service(List.of("okx:spot:BTC-USDT"), List.of("binance:linear:" + USDM_EXCERPT), "max");

        assertThat(md.exchanges()).extracting(e -> e.venue().id(), ExchangeStatus::connected, ExchangeStatus::ready,
                ExchangeStatus::detail).containsExactly(
                tuple("binance", false, false, "binance:linear stopped"),
                tuple("bybit", false, false, "no bybit market data is configured"),
                tuple("okx", false, false, "okx:spot stopped"));
        assertThat(md.load()).extracting(FeedLoad::status).containsOnly("STOPPED");
    }

    @Test
    void badReplayConfigurationStopsTheStartWithTheReason() {
        assertThatThrownBy(() -> service(List.of(), List.of("binance:linear:/no/such.gz"), "max"))
                .hasMessage("crossbook.market-data.replay.sources: --source file not found: /no/such.gz");
        assertThatThrownBy(() -> service(List.of(), List.of("binance:linear:" + USDM_EXCERPT, "binance:linear:" + USDM_EXCERPT), "max"))
                .hasMessage("crossbook.market-data.replay.sources: binance:linear is given twice; list all its files in one source");
        assertThatThrownBy(() -> service(List.of(), List.of("binance:linear:" + USDM_EXCERPT), "fast"))
                .hasMessage("crossbook.market-data.replay.speed: --speed must be max, 1x or Nx (N > 0), not 'fast'");
        assertThatThrownBy(() -> service(List.of("binance:spot:BTCUSDT", "binance:spot:ETHUSDT"), List.of(), "1x"))
                .hasMessage("crossbook.market-data.feeds lists binance:spot twice; give all its symbols in one entry");
    }
}

package io.crossbook.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.ResyncRequester;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OkxProtocolTest {
    private final OkxProtocol spot = new OkxProtocol(Market.SPOT);

    @Test
    void everyMarketUsesThePublicWebSocket() {
        for (Market market : Market.values()) {
            OkxProtocol okx = new OkxProtocol(market);
            assertThat(okx.venue()).isEqualTo(Venue.OKX);
            assertThat(okx.market()).isEqualTo(market);
            assertThat(okx.webSocketUri(List.of("BTC-USDT"))).isEqualTo(URI.create("wss://ws.okx.com:8443/ws/v5/public"));
        }
    }

    @Test
    void spotListsSpotInstrumentsAndBothSwapMarketsListSwaps() {
        assertThat(spot.instrumentsUri())
                .isEqualTo(URI.create("https://www.okx.com/api/v5/public/instruments?instType=SPOT"));
        assertThat(new OkxProtocol(Market.LINEAR).instrumentsUri())
                .isEqualTo(URI.create("https://www.okx.com/api/v5/public/instruments?instType=SWAP"));
        assertThat(new OkxProtocol(Market.INVERSE).instrumentsUri())
                .isEqualTo(URI.create("https://www.okx.com/api/v5/public/instruments?instType=SWAP"));
    }

    @Test
    void aSimulatorCanStandInForOkxsHosts() {
        OkxProtocol local = new OkxProtocol(Market.LINEAR, URI.create("http://127.0.0.1:18080"),
                URI.create("ws://127.0.0.1:18081/ws/v5/public"));

        assertThat(local.instrumentsUri())
                .isEqualTo(URI.create("http://127.0.0.1:18080/api/v5/public/instruments?instType=SWAP"));
        assertThat(local.webSocketUri(List.of("BTC-USDT-SWAP"))).isEqualTo(URI.create("ws://127.0.0.1:18081/ws/v5/public"));
    }

    @Test
    void oneSymbolSubscribesToBooksTickersAndTradesInOneFrame() {
        assertThat(spot.subscribeFrames(List.of("BTC-USDT"))).containsExactly(
                "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},"
                        + "{\"channel\":\"tickers\",\"instId\":\"BTC-USDT\"},"
                        + "{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"}]}");
    }

    @Test
    void manySymbolsAreSpreadOverFramesThatStayWithinTheSizeLimit() {
        List<String> symbols = IntStream.range(0, 300).mapToObj(i -> "COIN" + i + "-USDT-SWAP").toList();

        List<String> frames = new OkxProtocol(Market.LINEAR).subscribeFrames(symbols);

        assertThat(frames).hasSizeGreaterThan(1);
        List<String> subscribed = new ArrayList<>();
        for (String frame : frames) {
            assertThat(frame.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(OkxProtocol.MAX_FRAME_BYTES);
            JsonNode request = JsonMapper.shared().readTree(frame);
            assertThat(request.path("op").asString()).isEqualTo("subscribe");
            for (JsonNode arg : request.path("args").values()) {
                subscribed.add(arg.path("channel").asString() + ":" + arg.path("instId").asString());
            }
        }
        assertThat(subscribed).containsExactlyElementsOf(symbols.stream()
                .flatMap(s -> List.of("books:" + s, "tickers:" + s, "trades:" + s).stream()).toList());
    }

    @Test
    void aResyncUnsubscribesAndResubscribesTheBookSoThatOkxSendsASnapshot() {
        assertThat(spot.resubscribeFrames("BTC-USDT")).containsExactly(
                "{\"op\":\"unsubscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}]}",
                "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}]}");
        assertThat(spot.snapshotRequest("BTC-USDT")).isNull();
    }

    @Test
    void theConnectionIsKeptAliveWithTextPingsWellWithinOkxs30Seconds() {
        assertThat(spot.pingFrame()).isEqualTo("ping");
        assertThat(spot.pingInterval()).isLessThan(Duration.ofSeconds(30));
        assertThat(spot.isPong("pong")).isTrue();
        assertThat(spot.isPong("{\"event\":\"subscribe\"}")).isFalse();
        assertThat(spot.maxConnectionAge()).as("OKX sets none").isNull();
    }

    @Test
    void fetchingInstrumentsFitsOkxsTwentyRequestsPerTwoSeconds() {
        assertThat(spot.instrumentsWeight()).isEqualTo(1);
        assertThat(spot.restWeightPerMinute()).isEqualTo(600);
    }

    @Test
    void theHandlerServesTheProtocolsMarket() {
        FeedHandler<?> handler = new OkxProtocol(Market.INVERSE)
                .newHandler(Map.of(), CleaningRules.DEFAULT, MarketDataListener.NONE, ResyncRequester.NONE);

        assertThat(handler).isInstanceOf(OkxFeedHandler.class);
        assertThat(handler.venue()).isEqualTo(Venue.OKX);
        assertThat(handler.market()).isEqualTo(Market.INVERSE);
    }
}

package io.crossbook.venues.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.ResyncRequester;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What Crossbook sends to Bybit and how it talks to it, per Bybit's v5 "Connect" page. */
class BybitProtocolTest {
    private final BybitProtocol spot = new BybitProtocol(Market.SPOT);
    private final BybitProtocol linear = new BybitProtocol(Market.LINEAR);

    @Test
    void coversSpotAndLinearButNotInverse() {
        assertThat(spot.venue()).isEqualTo(Venue.BYBIT);
        assertThat(linear.market()).isEqualTo(Market.LINEAR);
        assertThatThrownBy(() -> new BybitProtocol(Market.INVERSE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spot and linear");
    }

    @Test
    void connectsToThePublicStreamOfItsMarket() {
        assertThat(spot.webSocketUri(List.of("BTCUSDT"))).isEqualTo(URI.create("wss://stream.bybit.com/v5/public/spot"));
        assertThat(linear.webSocketUri(List.of("BTCUSDT"))).isEqualTo(URI.create("wss://stream.bybit.com/v5/public/linear"));
    }

    @Test
    void subscribesDepthBestQuoteAndTradesOfEverySymbolInRequestsOfAtMostTenArgs() {
        List<String> symbols = IntStream.range(0, 7).mapToObj(i -> "SYM" + i + "USDT").toList();

        List<JsonNode> frames = spot.subscribeFrames(symbols).stream().map(JsonMapper.shared()::readTree).toList();

        assertThat(frames).hasSize(3); // 21 topics
        List<String> args = new ArrayList<>();
        for (JsonNode frame : frames) {
            assertThat(frame.path("op").asString()).isEqualTo("subscribe");
            assertThat(frame.path("args").size()).isBetween(1, 10);
            frame.path("args").forEach(a -> args.add(a.asString()));
        }
        assertThat(args).hasSize(21).doesNotHaveDuplicates()
                .contains("orderbook.200.SYM0USDT", "orderbook.1.SYM0USDT", "publicTrade.SYM0USDT",
                        "orderbook.200.SYM6USDT", "orderbook.1.SYM6USDT", "publicTrade.SYM6USDT");
    }

    @Test
    void linearFramesHaveTheSameShape() {
        assertThat(linear.subscribeFrames(List.of("BTCUSDT"))).containsExactly(
                "{\"op\":\"subscribe\",\"args\":[\"orderbook.200.BTCUSDT\",\"orderbook.1.BTCUSDT\",\"publicTrade.BTCUSDT\"]}");
    }

    @Test
    void refusesMoreTopicsThanOneConnectionMayCarry() {
        List<String> symbols = IntStream.range(0, 1000).mapToObj(i -> "SYMBOL" + i + "USDT").toList();

        assertThatThrownBy(() -> linear.subscribeFrames(symbols))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("21000");
    }

    @Test
    void resubscribingTouchesOnlyTheDepthTopicOfThatSymbol() {
        assertThat(spot.resubscribeFrames("ETHUSDT")).containsExactly(
                "{\"op\":\"unsubscribe\",\"args\":[\"orderbook.200.ETHUSDT\"]}",
                "{\"op\":\"subscribe\",\"args\":[\"orderbook.200.ETHUSDT\"]}");
        assertThat(spot.snapshotRequest("ETHUSDT")).as("snapshots come over the socket").isNull();
    }

    @Test
    void pingsEveryTwentySecondsAndRecognisesThePongsOfSpotAndLinear() {
        assertThat(spot.pingFrame()).isEqualTo("{\"op\":\"ping\"}");
        assertThat(spot.pingInterval()).isEqualTo(Duration.ofSeconds(20));

        String spotPong = "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"0970e817-426e-429a-a679-ff7f55e0b16a\",\"op\":\"ping\"}";
        String linearPong = "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"465772b1-7630-4fdc-a492-e003e6f0f260\",\"req_id\":\"\",\"op\":\"ping\"}";
        String otherPublicPong = "{\"args\":[\"1672916271846\"],\"op\":\"pong\"}";
        assertThat(spot.isPong(spotPong)).isTrue();
        assertThat(linear.isPong(linearPong)).isTrue();
        assertThat(linear.isPong(otherPublicPong)).isTrue();
    }

    @Test
    void subscribeAcknowledgementsAndMarketDataAreNotPongs() {
        Fixtures.ccxtSubscribeAcks().forEach(ack -> assertThat(spot.isPong(ack)).isFalse());
        Fixtures.ccxtMessages("orderbook.1.").forEach(m -> assertThat(spot.isPong(m)).isFalse());
        assertThat(spot.isPong("pong, but not JSON")).isFalse();
    }

    @Test
    void listsInstrumentsOfItsCategoryInPagesOfAThousand() {
        assertThat(spot.instrumentsUri())
                .isEqualTo(URI.create("https://api.bybit.com/v5/market/instruments-info?category=spot&limit=1000"));
        assertThat(linear.instrumentsUri())
                .isEqualTo(URI.create("https://api.bybit.com/v5/market/instruments-info?category=linear&limit=1000"));
    }

    @Test
    void followsTheNextPageCursorAsItComesUntilItIsEmpty() {
        String page = Fixtures.text("http_get_instruments_linear.json");

        assertThat(linear.nextInstrumentsUri(page.replace("\"nextPageCursor\": null", "\"nextPageCursor\": \"first%3DBTCUSDT%26last%3DETHUSDT\"")))
                .isEqualTo(URI.create("https://api.bybit.com/v5/market/instruments-info?category=linear&limit=1000"
                        + "&cursor=first%3DBTCUSDT%26last%3DETHUSDT"));
        assertThat(linear.nextInstrumentsUri(page)).as("null cursor").isNull();
        assertThat(linear.nextInstrumentsUri(page.replace("\"nextPageCursor\": null", "\"nextPageCursor\": \"\""))).isNull();
        assertThat(spot.nextInstrumentsUri(Fixtures.text("http_get_instruments_spot.json"))).isNull();
    }

    @Test
    void anEmptyPageEndsTheListWhateverItsCursor() {
        String empty = """
                {"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[],"nextPageCursor":"first%3D%26last%3D"},
                 "retExtInfo":{},"time":1700000000000}""";

        assertThat(linear.nextInstrumentsUri(empty)).isNull();
    }

    @Test
    void speaksToOtherHostsUnderBybitsOwnPaths() {
        BybitProtocol local = new BybitProtocol(Market.LINEAR, URI.create("http://127.0.0.1:18080"), URI.create("ws://127.0.0.1:18081"));

        assertThat(local.instrumentsUri())
                .isEqualTo(URI.create("http://127.0.0.1:18080/v5/market/instruments-info?category=linear&limit=1000"));
        assertThat(local.webSocketUri(List.of("BTCUSDT"))).isEqualTo(URI.create("ws://127.0.0.1:18081/v5/public/linear"));
        assertThat(local.subscribeFrames(List.of("BTCUSDT"))).isEqualTo(linear.subscribeFrames(List.of("BTCUSDT")));
    }

    @Test
    void budgetsRestCallsByBybitsIpLimitAndSetsNoConnectionAge() {
        assertThat(spot.restWeightPerMinute()).as("600 requests per 5 s").isEqualTo(7200);
        assertThat(spot.instrumentsWeight()).isEqualTo(1);
        assertThat(spot.maxConnectionAge()).isNull();
    }

    @Test
    void makesAHandlerForItsMarket() {
        var handler = linear.newHandler(Map.of(), CleaningRules.DEFAULT, MarketDataListener.NONE, ResyncRequester.NONE);

        assertThat(handler).isInstanceOf(BybitFeedHandler.class);
        assertThat(handler.venue()).isEqualTo(Venue.BYBIT);
        assertThat(handler.market()).isEqualTo(Market.LINEAR);
    }
}

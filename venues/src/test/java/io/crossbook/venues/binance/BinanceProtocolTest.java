package io.crossbook.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.model.Market;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where Binance's public market data is asked for: the production hosts, or any others (a local simulator). */
class BinanceProtocolTest {

    @Test
    void theProductionHostsOfEachMarket() {
        BinanceProtocol spot = new BinanceProtocol(Market.SPOT);
        BinanceProtocol usdm = new BinanceProtocol(Market.LINEAR);
        BinanceProtocol coinm = new BinanceProtocol(Market.INVERSE);

        assertThat(spot.instrumentsUri()).hasToString("https://api.binance.com/api/v3/exchangeInfo");
        assertThat(spot.webSocketUri(List.of("BTCUSDT"))).hasToString("wss://stream.binance.com:9443/stream?streams="
                + "btcusdt@depth@100ms/btcusdt@bookTicker/btcusdt@trade");
        assertThat(usdm.snapshotRequest("BTCUSDT").uri()).hasToString("https://fapi.binance.com/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
        assertThat(usdm.webSocketUri(List.of("BTCUSDT"))).hasToString("wss://fstream.binance.com/public/stream?streams="
                + "btcusdt@depth@0ms/btcusdt@bookTicker/btcusdt@trade");
        assertThat(coinm.instrumentsUri()).hasToString("https://dapi.binance.com/dapi/v1/exchangeInfo");
        assertThat(coinm.webSocketUri(List.of("BTCUSD_PERP"))).asString().startsWith("wss://dstream.binance.com/stream?streams=");
    }

    @Test
    void otherHostsServeTheSamePaths() {
        BinanceProtocol usdm = new BinanceProtocol(Market.LINEAR, URI.create("http://127.0.0.1:8080/"), URI.create("ws://127.0.0.1:8081"));

        assertThat(usdm.instrumentsUri()).hasToString("http://127.0.0.1:8080/fapi/v1/exchangeInfo");
        assertThat(usdm.snapshotRequest("ETHUSDT").uri()).hasToString("http://127.0.0.1:8080/fapi/v1/depth?symbol=ETHUSDT&limit=1000");
        assertThat(usdm.webSocketUri(List.of("ETHUSDT"))).hasToString("ws://127.0.0.1:8081/public/stream?streams="
                + "ethusdt@depth@0ms/ethusdt@bookTicker/ethusdt@trade");
    }
}

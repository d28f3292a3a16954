package io.crossbook.venues.binance;

import static io.crossbook.venues.binance.BinanceDocExamples.ORDER_TRADE_UPDATE_EXPIRED_IN_MATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.HttpStandIn;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The USDⓈ-M user data stream: its listen key, kept alive over REST, and the order updates it brings. */
class BinanceFuturesPrivateProtocolTest {
    private static final String KEY = "KEY-0123456789-abcdef";
    private static final String LISTEN_KEY = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1";

    private HttpStandIn binance;
    private BinanceFuturesPrivateProtocol protocol;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws IOException {
        binance = HttpStandIn.start();
        binance.answer("POST", "/fapi/v1/listenKey", BinanceDocExamples.FUTURES_LISTEN_KEY);
        binance.answer("PUT", "/fapi/v1/listenKey", BinanceDocExamples.FUTURES_LISTEN_KEY);
        protocol = new BinanceFuturesPrivateProtocol(new SignedRestClient(HttpClient.newHttpClient()), binance.uri(),
                URI.create("wss://fstream.binance.com/private/ws/"), ApiCredentials.of(KEY, "SECRET-0123456789"),
                BinanceSpotPrivateProtocolTest.limiter());
    }

    @AfterEach
    void stop() {
        binance.close();
    }

    @Test
    void connectsToTheListenKeyAskedForWithTheApiKeyAlone() {
        assertThat(protocol.connectUri()).isEqualTo(URI.create("wss://fstream.binance.com/private/ws/" + LISTEN_KEY));

        HttpStandIn.Request sent = binance.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("X-MBX-APIKEY")).isEqualTo(KEY);
        assertThat(sent.query()).isEmpty();
        assertThat(protocol.openingFrames()).isEmpty();
        assertThat(protocol.isReady("{}")).isTrue();
    }

    @Test
    void keepsTheListenKeyAliveOnceItHasOne() {
        protocol.keepAlive();
        assertThat(binance.requests).isEmpty();

        protocol.connectUri();
        protocol.keepAlive();

        assertThat(binance.requests).extracting(HttpStandIn.Request::method).containsExactly("POST", "PUT");
        assertThat(binance.last().header("X-MBX-APIKEY")).isEqualTo(KEY);
    }

    @Test
    void anOrderUpdateWithoutAFillIsTheOrdersState() {
        protocol.read(ORDER_TRADE_UPDATE_EXPIRED_IN_MATCH, listener);

        assertThat(listener.received).containsExactly(new ExchangeOrder("BTCUSDT", "TEST", "8886774", OrderSide.SELL,
                OrderStatus.EXPIRED, new BigDecimal("0.001"), BigDecimal.ZERO, null, null, 1568879465650L));
    }

    @Test
    void aTradeUpdateIsAFillWithItsTradeIdThenTheOrdersState() {
        String fill = BinanceDocExamples.withFields(ORDER_TRADE_UPDATE_EXPIRED_IN_MATCH, "o", "o", "LIMIT", "p", "7100.5",
                "x", "TRADE", "X", "FILLED", "l", "0.001", "z", "0.001", "L", "7100.5", "ap", "7100.5", "n", "0.00284020",
                "t", 4242);

        protocol.read(fill, listener);

        assertThat(listener.received).containsExactly(
                new ExchangeTrade("BTCUSDT", "TEST", "8886774", "4242", new BigDecimal("0.001"), new BigDecimal("7100.5"),
                        new BigDecimal("0.00284020"), "USDT", 1568879465650L),
                new ExchangeOrder("BTCUSDT", "TEST", "8886774", OrderSide.SELL, OrderStatus.FILLED, new BigDecimal("0.001"),
                        new BigDecimal("0.001"), new BigDecimal("7100.5"), new BigDecimal("7100.5"), 1568879465650L));
    }

    @Test
    void aFillWithoutCommissionHasAZeroFee() {
        String fill = BinanceDocExamples.withFields(ORDER_TRADE_UPDATE_EXPIRED_IN_MATCH, "o", "x", "TRADE", "X", "FILLED",
                "l", "0.001", "z", "0.001", "L", "7100.5", "t", 4243);
        String withoutCommission = fill.replace("\"N\":\"USDT\",\"n\":\"0\",", "");

        protocol.read(withoutCommission, listener);

        assertThat(listener.received.getFirst()).isInstanceOfSatisfying(ExchangeTrade.class, t -> {
            assertThat(t.fee()).isZero();
            assertThat(t.feeAsset()).isEmpty();
        });
    }

    @Test
    void readsEventsInACombinedStreamsEnvelopeToo() {
        protocol.read("{\"stream\":\"" + LISTEN_KEY + "\",\"data\":" + ORDER_TRADE_UPDATE_EXPIRED_IN_MATCH + "}", listener);

        assertThat(listener.received).hasSize(1);
    }

    @Test
    void anExpiredListenKeyDropsTheConnectionToFetchANewOne() {
        String expired = "{\"e\":\"listenKeyExpired\",\"E\":1699596037418,\"listenKey\":\"" + LISTEN_KEY + "\"}";

        assertThatThrownBy(() -> protocol.read(expired, listener)).isInstanceOfSatisfying(ExchangeRejectedException.class,
                e -> assertThat(e.exchangeCode()).isEqualTo("listenKeyExpired"));
    }

    @Test
    void accountUpdatesAreNotOrderUpdates() {
        protocol.read("{\"e\":\"ACCOUNT_UPDATE\",\"E\":1564745798939,\"T\":1564745798938,\"a\":{\"m\":\"ORDER\",\"B\":[],\"P\":[]}}",
                listener);

        assertThat(listener.received).isEmpty();
    }
}

package io.crossbook.venues.okx;

import static io.crossbook.venues.okx.OkxTradingAnswers.DOC_FILLS;
import static io.crossbook.venues.okx.OkxTradingAnswers.DOC_ORDERS_PUSH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import io.crossbook.venues.trading.PrivateStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * OKX's private stream: the login and subscription, the acknowledgements ("WebSocket > Login" and
 * "Subscribe" of the v5 documentation) and the {@code orders} channel's pushes.
 */
class OkxPrivateProtocolTest {
    private static final String API_KEY = "985d5b66-57ce-40fb-b714-afc0b9787083";
    private static final String SECRET = "22582BD0CFF14C41EDBF1AB98506286D";
    private static final String PASSPHRASE = "123456789";
    private static final URI SIMULATOR = URI.create("ws://127.0.0.1:8443/ws/v5/private");

    private final OkxPrivateProtocol okx = new OkxPrivateProtocol(SIMULATOR, new ApiCredentials(API_KEY, SECRET, PASSPHRASE),
            Clock.fixed(Instant.ofEpochMilli(1538054050975L), ZoneOffset.UTC));
    private final Recorder listener = new Recorder();

    @Test
    void connectsWhereItIsToldAndPingsWellWithinOkxsThirtySeconds() {
        assertThat(okx.connectUri()).isEqualTo(SIMULATOR);
        assertThat(OkxPrivateProtocol.PRIVATE_WS).isEqualTo(URI.create("wss://ws.okx.com:8443/ws/v5/private"));
        assertThat(okx.pingFrame()).isEqualTo("ping");
        assertThat(okx.pingInterval()).isLessThan(Duration.ofSeconds(30));
    }

    /**
     * The signature is {@code openssl dgst -sha256 -hmac 22582BD0CFF14C41EDBF1AB98506286D -binary | base64}
     * over {@code 1538054050GET/users/self/verify}: the timestamp in whole seconds.
     */
    @Test
    void logsInWithATimestampInSecondsSignedOverTheVerifyPathThenSubscribesToEveryOrder() {
        assertThat(okx.openingFrames()).containsExactly(
                "{\"op\":\"login\",\"args\":[{\"apiKey\":\"" + API_KEY + "\",\"passphrase\":\"" + PASSPHRASE
                        + "\",\"timestamp\":\"1538054050\",\"sign\":\"+LdIr8lkkvhr5hoA3g9TMC0+uQJ849ftAcocA/ouu4M=\"}]}",
                "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"orders\",\"instType\":\"ANY\"}]}");
    }

    @Test
    void isReadyOnlyOnceTheOrdersSubscriptionIsAcknowledged() {
        assertThat(okx.isReady("{\"event\":\"login\",\"code\":\"0\",\"msg\":\"\",\"connId\":\"a4d3ae55\"}")).isFalse();
        assertThat(okx.isReady("pong")).isFalse();
        assertThat(okx.isReady("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"orders\",\"instType\":\"ANY\"},"
                + "\"connId\":\"a4d3ae55\"}")).isTrue();
    }

    @Test
    void theSubscriptionWaitsForTheLoginsAcknowledgement() {
        assertThat(okx.subscribeAfterLogin()).isTrue();
        assertThat(okx.isLoggedIn("{\"event\":\"login\",\"code\":\"0\",\"msg\":\"\",\"connId\":\"a4d3ae55\"}")).isTrue();
        assertThat(okx.isLoggedIn("pong")).isFalse();
        assertThatThrownBy(() -> okx.isLoggedIn("{\"event\":\"login\",\"code\":\"60009\",\"msg\":\"Login failed.\"}"))
                .isInstanceOf(ExchangeRejectedException.class);
    }

    @Test
    void aRefusedLoginIsTheExchangesRefusalWithItsCode() {
        assertThatThrownBy(() -> okx.isReady("{\"event\":\"error\",\"code\":\"60009\",\"msg\":\"Login failed.\","
                + "\"connId\":\"a4d3ae55\"}"))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
                    assertThat(e.exchangeCode()).isEqualTo("60009");
                    assertThat(e.exchangeMessage()).isEqualTo("Login failed.");
                });
    }

    @Test
    void aFillPushGivesTheFillFirstAndThenTheOrdersNewState() {
        okx.read(DOC_ORDERS_PUSH, listener);

        assertThat(listener.events).containsExactly(
                new ExchangeTrade("BTC-USDT", "", "452197707845865472", "242589207", new BigDecimal("0.001"),
                        new BigDecimal("31527.1"), new BigDecimal("0.02522168"), "USDT", 1654084353263L),
                new ExchangeOrder("BTC-USDT", "", "452197707845865472", OrderSide.SELL, OrderStatus.FILLED,
                        new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("31527.1"),
                        new BigDecimal("31527.1"), 1654084353264L));
    }

    @ParameterizedTest
    @CsvSource({"live,NEW", "partially_filled,PARTIALLY_FILLED", "filled,FILLED", "canceled,CANCELED",
            "mmp_canceled,CANCELED"})
    void okxsOrderStatesAreOurs(String state, OrderStatus status) {
        okx.read(push(state, "0", "", ""), listener);

        assertThat(listener.events).singleElement()
                .isInstanceOfSatisfying(ExchangeOrder.class, order -> assertThat(order.status()).isEqualTo(status));
    }

    @Test
    void anOrderWithoutAFillIsOnlyAnOrder() {
        okx.read(push("canceled", "0", "", ""), listener);

        assertThat(listener.events).containsExactly(new ExchangeOrder("BTC-USDT-SWAP", "c9", "7001", OrderSide.BUY,
                OrderStatus.CANCELED, new BigDecimal("3"), BigDecimal.ZERO, null, new BigDecimal("50000.5"), 1708587373362L));
    }

    @Test
    void aFillSeenOnTheStreamIsTheSameAsTheOneReadOverRest() {
        String push = push("partially_filled", "0.00192834", "744876980", "51858")
                .replace("\"instId\":\"BTC-USDT-SWAP\"", "\"instId\":\"BTC-USDT\"")
                .replace("\"ordId\":\"7001\"", "\"ordId\":\"680800019749904384\"")
                .replace("\"clOrdId\":\"c9\"", "\"clOrdId\":\"\"");

        okx.read(push, listener);

        ExchangeTrade overRest = OkxOrderReader.restFill(JsonMapper.shared().readTree(DOC_FILLS).path("data").path(0));
        assertThat(listener.events.getFirst()).isEqualTo(overRest);
    }

    @Test
    void acknowledgementsNoticesAndPongsAreNotOrders() {
        okx.read("pong", listener);
        okx.read("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"orders\",\"instType\":\"ANY\"},\"connId\":\"a4d3ae55\"}",
                listener);
        okx.read("{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\"The connection will soon be closed for a service "
                + "upgrade. Please reconnect.\",\"connId\":\"a4d3ae55\"}", listener);

        assertThat(listener.events).isEmpty();
    }

    @Test
    void anErrorOnTheStreamIsARefusalAndWhatIsNotOkxsShapeIsMalformed() {
        assertThatThrownBy(() -> okx.read("{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request\"}", listener))
                .isInstanceOf(ExchangeRejectedException.class);
        assertThatThrownBy(() -> okx.read("not json", listener)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> okx.read("{\"arg\":{\"channel\":\"orders\"}}", listener))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> okx.read(push("expired", "0", "", ""), listener))
                .isInstanceOf(MalformedMessageException.class);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void theSecretsNeverShow() {
        assertThat(okx.toString()).doesNotContain(SECRET).doesNotContain(PASSPHRASE).doesNotContain(API_KEY);
        assertThat(String.join("", okx.openingFrames())).doesNotContain(SECRET);
    }

    /** An {@code orders} push in the documented shape, values of our own: a buy of 3 contracts at 50000.5. */
    private static String push(String state, String accFillSz, String tradeId, String fillPx) {
        return """
                {"arg":{"channel":"orders","instType":"ANY"},"data":[{"instType":"SWAP","instId":"BTC-USDT-SWAP",
                 "clOrdId":"c9","ordId":"7001","side":"buy","ordType":"limit","state":"%s","sz":"3","px":"50000.5",
                 "accFillSz":"%s","avgPx":"%s","tradeId":"%s","fillSz":"%s","fillPx":"%s","fillFee":"-0.00000192834",
                 "fillFeeCcy":"BTC","fillTime":"1708587373361","uTime":"1708587373362"}]}"""
                .formatted(state, accFillSz, fillPx, tradeId, accFillSz, fillPx);
    }

    private static final class Recorder implements PrivateStream.Listener {
        final List<Object> events = new ArrayList<>();

        @Override
        public void connected() {
            events.add("connected");
        }

        @Override
        public void disconnected(String reason) {
            events.add("disconnected");
        }

        @Override
        public void order(ExchangeOrder order) {
            events.add(order);
        }

        @Override
        public void trade(ExchangeTrade trade) {
            events.add(trade);
        }
    }
}

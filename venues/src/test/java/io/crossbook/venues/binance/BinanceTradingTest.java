package io.crossbook.venues.binance;

import static io.crossbook.venues.binance.BinanceOrderQueryTest.PERP;
import static io.crossbook.venues.binance.BinanceOrderQueryTest.SPOT;
import static io.crossbook.venues.binance.BinanceOrderQueryTest.limit;
import static io.crossbook.venues.binance.BinanceOrderQueryTest.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.common.HttpStandIn;
import io.crossbook.venues.common.RateLimitedException;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountBalances;
import io.crossbook.venues.trading.ExchangeClock;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangePosition;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@link BinanceTrading} call against a local stand-in that answers Binance's documented JSON:
 * the method, path and parameters sent, the signature and key header, and what the answer becomes.
 */
class BinanceTradingTest {
    private static final String KEY = "KEY-0123456789-abcdef";
    private static final String SECRET = "SECRET-0123456789-abcdef";
    private static final long NOW = 1_700_000_000_123L;

    private HttpStandIn binance;
    private BinanceTrading trading;

    @BeforeEach
    void start() throws IOException {
        binance = HttpStandIn.start();
        URI local = binance.uri();
        trading = new BinanceTrading(new SignedRestClient(HttpClient.newHttpClient()),
                new BinanceEndpoints(local, local, URI.create("ws://127.0.0.1:1/ws-api/v3"), URI.create("ws://127.0.0.1:1/private/ws")),
                ApiCredentials.of(KEY, SECRET), new ExchangeClock(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC)),
                Duration.ofSeconds(5), BinanceSpotPrivateProtocolTest.limiter(), BinanceSpotPrivateProtocolTest.limiter());
    }

    @AfterEach
    void stop() {
        binance.close();
    }

    /** True when the query ends in the hex HMAC-SHA256, under {@code secret}, of everything before it. */
    private static boolean signedWith(String query, String secret) {
        int at = query.lastIndexOf("&signature=");
        return at > 0 && query.substring(at + "&signature=".length())
                .equals(HexFormat.of().formatHex(HmacSha256.sign(secret, query.substring(0, at))));
    }

    private void assertSigned(HttpStandIn.Request request) {
        assertThat(request.header("X-MBX-APIKEY")).isEqualTo(KEY);
        assertThat(request.decodedParams()).containsEntry("recvWindow", "5000").containsEntry("timestamp", String.valueOf(NOW));
        assertThat(signedWith(request.query(), SECRET)).as("signature of %s", request.query()).isTrue();
    }

    @Test
    void theServerTimeIsAskedUnsignedAndWithoutTheKey() {
        binance.answer("GET", "/api/v3/time", BinanceDocExamples.SPOT_TIME);

        assertThat(trading.serverTime()).isEqualTo(1499827319559L);
        assertThat(binance.last().header("X-MBX-APIKEY")).isNull();
        assertThat(binance.last().query()).isEmpty();
    }

    @Test
    void aSpotOrderIsPostedSignedAndItsResultRead() {
        binance.answer("POST", "/api/v3/order", BinanceDocExamples.SPOT_NEW_ORDER_RESULT);

        ExchangeOrder order = trading.place(market(SPOT, OrderSide.SELL, "10"));

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.exchangeOrderId()).isEqualTo("28");
        HttpStandIn.Request sent = binance.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/v3/order");
        assertThat(sent.query()).startsWith("symbol=BTCUSDT&side=SELL&type=MARKET&quantity=10&newClientOrderId=cb43"
                + "&newOrderRespType=RESULT&recvWindow=5000&timestamp=" + NOW + "&signature=");
        assertSigned(sent);
    }

    @Test
    void aPerpetualOrderGoesToUsdmFutures() {
        binance.answer("POST", "/fapi/v1/order", BinanceDocExamples.FUTURES_FILLED_ORDER);

        ExchangeOrder order = trading.place(limit(PERP, OrderSide.BUY, TimeInForce.POST_ONLY, "1", "20002"));

        assertThat(order.avgPrice()).isEqualByComparingTo("20002");
        assertThat(binance.last().path()).isEqualTo("/fapi/v1/order");
        assertThat(binance.last().decodedParams()).containsEntry("timeInForce", "GTX").containsEntry("newClientOrderId", "cb42");
        assertSigned(binance.last());
    }

    @Test
    void anOrderRefusedForLackOfBalanceSaysSo() {
        binance.answer("POST", "/api/v3/order", 400, BinanceDocExamples.SPOT_INSUFFICIENT_BALANCE);

        assertThatThrownBy(() -> trading.place(limit(SPOT, OrderSide.BUY, TimeInForce.GTC, "1", "100")))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
                    assertThat(e.insufficientFunds()).isTrue();
                    assertThat(e.exchangeCode()).isEqualTo("-2010");
                });
    }

    @Test
    void aMarginRefusalOnUsdmSaysSo() {
        binance.answer("POST", "/fapi/v1/order", 400, BinanceDocExamples.FUTURES_MARGIN_INSUFFICIENT);

        assertThatThrownBy(() -> trading.place(market(PERP, OrderSide.BUY, "1")))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.insufficientFunds()).isTrue());
    }

    @Test
    void anOrderIsLookedUpByItsClientId() {
        binance.answer("GET", "/api/v3/order", BinanceDocExamples.SPOT_QUERY_ORDER);

        ExchangeOrder order = trading.query(SPOT, "myOrder1");

        assertThat(order.clientOrderId()).isEqualTo("myOrder1");
        assertThat(order.status()).isEqualTo(OrderStatus.NEW);
        assertThat(binance.last().decodedParams()).containsEntry("symbol", "BTCUSDT").containsEntry("origClientOrderId", "myOrder1");
        assertSigned(binance.last());
    }

    @Test
    void anOrderBinanceDoesNotKnowIsNull() {
        binance.answer("GET", "/fapi/v1/order", 400, BinanceDocExamples.ORDER_DOES_NOT_EXIST);

        assertThat(trading.query(PERP, "cb42")).isNull();
        assertThat(binance.last().path()).isEqualTo("/fapi/v1/order");
    }

    @Test
    void anOrdersFillsAreReadByItsExchangeId() {
        binance.answer("GET", "/api/v3/myTrades", BinanceDocExamples.SPOT_MY_TRADES);

        assertThat(trading.trades(SPOT, "cb42", "100234")).extracting(ExchangeTrade::tradeId, ExchangeTrade::fee,
                ExchangeTrade::feeAsset).containsExactly(tuple("28457", new BigDecimal("10.10000000"), "BNB"));
        assertThat(binance.last().decodedParams()).containsEntry("symbol", "BTCUSDT").containsEntry("orderId", "100234")
                .containsEntry("limit", "1000");
        assertSigned(binance.last());
    }

    @Test
    void withoutTheExchangesIdTheOrderIsLookedUpFirst() {
        binance.answer("GET", "/fapi/v1/order", BinanceDocExamples.FUTURES_FILLED_ORDER);
        binance.answer("GET", "/fapi/v1/userTrades", BinanceDocExamples.FUTURES_USER_TRADES);

        assertThat(trading.trades(PERP, "testMaker1", null)).singleElement()
                .satisfies(t -> assertThat(t.clientOrderId()).isEqualTo("testMaker1"));
        assertThat(binance.requests).extracting(HttpStandIn.Request::path).containsExactly("/fapi/v1/order", "/fapi/v1/userTrades");
        assertThat(binance.last().decodedParams()).containsEntry("orderId", "292864710");
    }

    @Test
    void noFillsForAnOrderBinanceDoesNotKnow() {
        binance.answer("GET", "/api/v3/order", 400, BinanceDocExamples.ORDER_DOES_NOT_EXIST);

        assertThat(trading.trades(SPOT, "cb42", null)).isEmpty();
        assertThat(binance.requests).hasSize(1);
    }

    @Test
    void aCancelIsSentByClientId() {
        binance.answer("DELETE", "/api/v3/order", "{}");

        trading.cancel(SPOT, "cb42");

        assertThat(binance.last().method()).isEqualTo("DELETE");
        assertThat(binance.last().decodedParams()).containsEntry("symbol", "BTCUSDT").containsEntry("origClientOrderId", "cb42");
        assertSigned(binance.last());
    }

    @Test
    void cancellingAnOrderThatIsClosedOrUnknownIsNotAFailure() {
        binance.answer("DELETE", "/fapi/v1/order", 400, BinanceDocExamples.UNKNOWN_ORDER_SENT);
        assertThatCode(() -> trading.cancel(PERP, "cb42")).doesNotThrowAnyException();

        binance.answer("DELETE", "/fapi/v1/order", 400, BinanceDocExamples.ORDER_DOES_NOT_EXIST);
        assertThatCode(() -> trading.cancel(PERP, "cb42")).doesNotThrowAnyException();
    }

    @Test
    void anyOtherCancelRefusalIsAFailure() {
        binance.answer("DELETE", "/api/v3/order", 400,
                "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");

        assertThatThrownBy(() -> trading.cancel(SPOT, "cb42")).isInstanceOfSatisfying(ExchangeRejectedException.class,
                e -> assertThat(e.exchangeCode()).isEqualTo("-1021"));
    }

    @Test
    void openOrdersAreReadPerMarket() {
        binance.answer("GET", "/api/v3/openOrders", BinanceDocExamples.SPOT_OPEN_ORDERS);
        binance.answer("GET", "/fapi/v1/openOrders", BinanceDocExamples.FUTURES_OPEN_ORDERS);

        assertThat(trading.openOrders(Market.SPOT)).extracting(ExchangeOrder::clientOrderId).containsExactly("myOrder1");
        assertThat(binance.last().decodedParams()).doesNotContainKey("symbol");
        assertThat(trading.openOrders(Market.LINEAR)).extracting(ExchangeOrder::clientOrderId).containsExactly("abc");
        assertSigned(binance.last());
    }

    @Test
    void balancesAreTheSpotAccountAndApartFromItTheUsdmWalletWhoseAvailableBalanceIsTheMargin() {
        binance.answer("GET", "/api/v3/account", """
                {"accountType":"SPOT","balances":[{"asset":"BTC","free":"1.5","locked":"0"},
                 {"asset":"USDT","free":"100.25","locked":"10"},{"asset":"ETH","free":"0","locked":"0"}]}""");
        binance.answer("GET", "/fapi/v3/balance", BinanceDocExamples.FUTURES_BALANCE);

        AccountBalances balances = trading.balances();
        assertThat(balances.spot()).containsExactly(new Balance("BTC", new BigDecimal("1.5"), BigDecimal.ZERO),
                new Balance("USDT", new BigDecimal("100.25"), BigDecimal.TEN));
        assertThat(balances.margin()).containsExactly(new Balance("USDT", new BigDecimal("23.72469206"), new BigDecimal("122583.62668697")));
        assertThat(balances.availableMargin("USDT")).isEqualByComparingTo("23.72469206");
        assertThat(balances.holdings()).as("both wallets, summed per asset").containsExactly(
                new Balance("BTC", new BigDecimal("1.5"), BigDecimal.ZERO),
                new Balance("USDT", new BigDecimal("123.97469206"), new BigDecimal("122593.62668697")));
        assertThat(binance.requests).extracting(HttpStandIn.Request::path).containsExactly("/api/v3/account", "/fapi/v3/balance");
        assertThat(binance.requests.getFirst().decodedParams()).containsEntry("omitZeroBalances", "true");
    }

    @Test
    void positionsAreTheUsdmOnesThatAreNotFlat() {
        binance.answer("GET", "/fapi/v3/positionRisk", BinanceDocExamples.FUTURES_POSITIONS);

        assertThat(trading.positions()).extracting(ExchangePosition::symbol, ExchangePosition::qty).containsExactly(
                tuple("ADAUSDT", new BigDecimal("30")),
                tuple("COMPUSDT", new BigDecimal("-1.000")));
        assertSigned(binance.last());
    }

    @Test
    void a429PausesThatMarketsBudgetOnly() {
        binance.answer("GET", "/api/v3/order", new HttpStandIn.Reply(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}",
                Map.of("Retry-After", "30")));
        binance.answer("GET", "/fapi/v1/order", BinanceDocExamples.FUTURES_FILLED_ORDER);

        assertThatThrownBy(() -> trading.query(SPOT, "cb42")).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> trading.query(SPOT, "cb42")).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("not sent");
        assertThat(binance.requests).hasSize(1);
        assertThat(trading.query(PERP, "testMaker1")).isNotNull();
    }

    @Test
    void coinMarginedContractsAreNotTraded() {
        assertThatThrownBy(() -> trading.place(market(BinanceOrderQueryTest.instrument(Market.INVERSE), OrderSide.BUY, "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COIN-M");
        assertThatThrownBy(() -> trading.openOrders(Market.INVERSE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(binance.requests).isEmpty();
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(trading.toString()).doesNotContain(SECRET).doesNotContain(KEY);
    }
}

package io.crossbook.venues.bybit;

import static io.crossbook.venues.bybit.BybitTradingExamples.BTCUSDT_LINEAR;
import static io.crossbook.venues.bybit.BybitTradingExamples.BTCUSDT_SPOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.common.HttpStandIn;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.ExchangeClock;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What each call sends to Bybit: method, path, parameters, and the v5 signature over them, at a fixed
 * clock, per the "Place Order", "Cancel Order", "Get Open &amp; Closed Orders", "Get Trade History",
 * "Get Position Info", "Get Wallet Balance" and "Get Bybit Server Time" pages.
 */
class BybitTradingRequestTest {
    static final ApiCredentials KEYS = ApiCredentials.of("BYBITKEY1234567890", "bybit-test-secret-0123456789");
    private static final long NOW = 1672211928338L;

    private final HttpStandIn bybit = HttpStandIn.start()
            .answer("POST", BybitTrading.CREATE, BybitTradingExamples.CREATE)
            .answer("POST", BybitTrading.CANCEL, BybitTradingExamples.CANCEL)
            .answer("GET", BybitTrading.REALTIME, BybitTradingExamples.REALTIME.replace("page_args%3Dfd4300ae-7847-404e-b947-b46980a4d140%26symbol%3D6%26", ""))
            .answer("GET", BybitTrading.EXECUTIONS, BybitTradingExamples.EXECUTIONS.replace("132766%3A2%2C132766%3A2", ""))
            .answer("GET", BybitTrading.POSITIONS, BybitTradingExamples.POSITIONS)
            .answer("GET", BybitAccount.PATH, BybitTradingExamples.WALLET)
            .answer("GET", BybitTrading.TIME, BybitTradingExamples.TIME);
    private final BybitTrading trading = trading(bybit, new ExchangeClock(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC)));

    static BybitTrading trading(HttpStandIn bybit, ExchangeClock clock) {
        return new BybitTrading(new SignedRestClient(HttpClient.newHttpClient()), bybit.uri(),
                URI.create("ws://127.0.0.1:9/v5/private"), KEYS, clock, Duration.ofMillis(5000),
                new AccountLimiter(Venue.BYBIT, BybitTrading.LIMITS), id -> null);
    }

    @AfterEach
    void stop() {
        bybit.close();
    }

    @Test
    void aSpotLimitOrderIsSentAsSignedJsonWithPlainDecimals() {
        trading.place(new OrderRequest("cb001", BTCUSDT_SPOT, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("1E-3"), new BigDecimal("3.00001E+4")));

        HttpStandIn.Request sent = bybit.to(BybitTrading.CREATE).getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.query()).isEmpty();
        assertThat(sent.body()).isEqualTo("{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"qty\":\"0.001\",\"price\":\"30000.1\",\"timeInForce\":\"GTC\",\"orderLinkId\":\"cb001\"}");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.header("X-BAPI-TIMESTAMP")).isEqualTo(Long.toString(NOW));
        assertSignedOver(sent, sent.body());
    }

    @Test
    void linearLimitOrdersAreOneWayAndCarryTheirTimeInForce() {
        trading.place(limit("cb002", BTCUSDT_LINEAR, OrderSide.SELL, TimeInForce.IOC));
        trading.place(limit("cb003", BTCUSDT_LINEAR, OrderSide.BUY, TimeInForce.POST_ONLY));

        var sent = bybit.to(BybitTrading.CREATE);
        assertThat(sent.get(0).body()).isEqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"side\":\"Sell\","
                + "\"orderType\":\"Limit\",\"qty\":\"0.5\",\"price\":\"27000\",\"timeInForce\":\"IOC\",\"positionIdx\":0,"
                + "\"orderLinkId\":\"cb002\"}");
        assertThat(sent.get(1).json().path("timeInForce").asString()).isEqualTo("PostOnly");
        assertThat(sent.get(1).json().path("side").asString()).isEqualTo("Buy");
    }

    @Test
    void aSpotMarketBuyIsSizedInTheBaseCoinAndSendsNoTimeInForceOrPrice() {
        trading.place(new OrderRequest("cb004", BTCUSDT_SPOT, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC,
                new BigDecimal("0.010"), null));

        assertThat(bybit.to(BybitTrading.CREATE).getFirst().body()).isEqualTo("{\"category\":\"spot\",\"symbol\":\"BTCUSDT\","
                + "\"side\":\"Buy\",\"orderType\":\"Market\",\"qty\":\"0.010\",\"marketUnit\":\"baseCoin\",\"orderLinkId\":\"cb004\"}");
    }

    @Test
    void aLinearMarketOrderNeedsNoMarketUnit() {
        trading.place(new OrderRequest("cb005", BTCUSDT_LINEAR, OrderSide.SELL, OrderType.MARKET, TimeInForce.GTC,
                new BigDecimal("2"), null));

        assertThat(bybit.to(BybitTrading.CREATE).getFirst().body()).isEqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\","
                + "\"side\":\"Sell\",\"orderType\":\"Market\",\"qty\":\"2\",\"positionIdx\":0,\"orderLinkId\":\"cb005\"}");
    }

    @Test
    void refusesWhatBybitCannotTakeWithoutSendingIt() {
        Instrument inverse = new Instrument(Venue.BYBIT, Market.INVERSE, "BTCUSD", "BTC", "USD", new BigDecimal("0.5"),
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE);

        assertThatThrownBy(() -> trading.place(new OrderRequest("cb006", BTCUSDT_SPOT, OrderSide.BUY, OrderType.MARKET,
                TimeInForce.POST_ONLY, BigDecimal.ONE, null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("post-only");
        assertThatThrownBy(() -> trading.place(limit("cb007", inverse, OrderSide.BUY, TimeInForce.GTC)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inverse");
        assertThatThrownBy(() -> trading.openOrders(Market.INVERSE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(bybit.requests).isEmpty();
    }

    @Test
    void queriesAnOrderByItsLinkIdWithTheSignatureOverTheQueryString() {
        trading.query(BTCUSDT_LINEAR, "cb008");

        HttpStandIn.Request sent = bybit.to(BybitTrading.REALTIME).getFirst();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.query()).isEqualTo("category=linear&symbol=BTCUSDT&orderLinkId=cb008");
        assertSignedOver(sent, sent.query());
    }

    @Test
    void readsFillsByTheExchangesOrderIdWhenKnownAndByTheLinkIdOtherwise() {
        trading.trades(BTCUSDT_SPOT, "cb009", "1321003749386327552");
        trading.trades(BTCUSDT_SPOT, "cb009", null);

        var sent = bybit.to(BybitTrading.EXECUTIONS);
        assertThat(sent.get(0).params()).containsExactly(entry("category", "spot"), entry("symbol", "BTCUSDT"),
                entry("orderId", "1321003749386327552"), entry("limit", "100"));
        assertThat(sent.get(1).params()).containsEntry("orderLinkId", "cb009").doesNotContainKey("orderId");
    }

    @Test
    void cancelsByTheLinkId() {
        trading.cancel(BTCUSDT_SPOT, "cb010");

        HttpStandIn.Request sent = bybit.to(BybitTrading.CANCEL).getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.body()).isEqualTo("{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"orderLinkId\":\"cb010\"}");
        assertSignedOver(sent, sent.body());
    }

    @Test
    void listsOpenOrdersPerCategoryAndLinearOnesBySettleCoin() {
        trading.openOrders(Market.SPOT);
        trading.openOrders(Market.LINEAR);

        var sent = bybit.to(BybitTrading.REALTIME);
        assertThat(sent.get(0).query()).isEqualTo("category=spot&openOnly=0&limit=50");
        assertThat(sent.get(1).query()).isEqualTo("category=linear&settleCoin=USDT&openOnly=0&limit=50");
    }

    @Test
    void readsLinearPositionsAndTheUnifiedWallet() {
        trading.positions();
        trading.balances();

        assertThat(bybit.to(BybitTrading.POSITIONS).getFirst().query()).isEqualTo("category=linear&settleCoin=USDT&limit=200");
        HttpStandIn.Request wallet = bybit.to(BybitAccount.PATH).getFirst();
        assertThat(wallet.query()).isEqualTo("accountType=UNIFIED");
        assertSignedOver(wallet, wallet.query());
    }

    @Test
    void asksTheServerTimeUnsigned() {
        assertThat(trading.serverTime()).isEqualTo(1688639403423L);

        HttpStandIn.Request sent = bybit.to(BybitTrading.TIME).getFirst();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.header("X-BAPI-API-KEY")).isNull();
        assertThat(sent.header("X-BAPI-SIGN")).isNull();
    }

    @Test
    void tradesOnBybitsProductionHostAndNamesNoSecret() {
        BybitTrading production = new BybitTrading(new SignedRestClient(HttpClient.newHttpClient()), KEYS,
                new ExchangeClock(Clock.systemUTC()), Duration.ofMillis(5000),
                new AccountLimiter(Venue.BYBIT, BybitTrading.LIMITS), id -> null);

        assertThat(production.venue()).isEqualTo(Venue.BYBIT);
        assertThat(production).hasToString("BybitTrading[https://api.bybit.com, ApiCredentials[apiKey=BYBI****7890]]");
    }

    /** The v5 signature: hex HMAC-SHA256 of timestamp, key, receive window and payload, checked from scratch. */
    static void assertSignedOver(HttpStandIn.Request sent, String payload) {
        String timestamp = sent.header("X-BAPI-TIMESTAMP");
        assertThat(sent.header("X-BAPI-API-KEY")).isEqualTo(KEYS.apiKey());
        assertThat(sent.header("X-BAPI-RECV-WINDOW")).isEqualTo("5000");
        assertThat(timestamp).isNotNull();
        assertThat(sent.header("X-BAPI-SIGN")).isEqualTo(HexFormat.of().formatHex(
                HmacSha256.sign(KEYS.secret(), timestamp + KEYS.apiKey() + "5000" + payload)));
    }

    private static OrderRequest limit(String id, Instrument instrument, OrderSide side, TimeInForce timeInForce) {
        return new OrderRequest(id, instrument, side, OrderType.LIMIT, timeInForce,
                side == OrderSide.BUY ? new BigDecimal("0.25") : new BigDecimal("0.5"), new BigDecimal("27000"));
    }
}

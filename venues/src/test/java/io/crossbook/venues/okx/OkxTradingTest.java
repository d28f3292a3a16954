package io.crossbook.venues.okx;

import static io.crossbook.venues.okx.OkxTradingAnswers.DOC_CANCEL;
import static io.crossbook.venues.okx.OkxTradingAnswers.DOC_FILLS;
import static io.crossbook.venues.okx.OkxTradingAnswers.DOC_ORDER;
import static io.crossbook.venues.okx.OkxTradingAnswers.DOC_PENDING;
import static io.crossbook.venues.okx.OkxTradingAnswers.DOC_PLACE;
import static io.crossbook.venues.okx.OkxTradingAnswers.DOC_TIME;
import static io.crossbook.venues.okx.OkxTradingAnswers.SPOT;
import static io.crossbook.venues.okx.OkxTradingAnswers.SWAP;
import static io.crossbook.venues.okx.OkxTradingAnswers.refused;
import static io.crossbook.venues.okx.OkxTradingAnswers.refusedOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.ExchangeUnavailableException;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.common.HttpStandIn;
import io.crossbook.venues.common.RateLimitedException;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountBalances;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.ExchangeClock;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangePosition;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import io.crossbook.venues.trading.PrivateStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@link OkxTrading} call against a loopback server answering OKX's documented JSON: the request's
 * method, path, parameters and signature, and what is made of the answer.
 */
class OkxTradingTest {
    private static final String API_KEY = "37c541a1-c4f9-4be2-a9b2-0f3a4e3c5d6e";
    private static final String SECRET = "22582BD0CFF14C41EDBF1AB98506286D";
    private static final String PASSPHRASE = "Passphrase-1";
    private static final Instant NOW = Instant.parse("2024-02-22T07:36:13.361Z");
    private static final Duration RECV_WINDOW = Duration.ofSeconds(5);

    private final HttpStandIn okx = HttpStandIn.start();
    private final ExchangeClock clock = new ExchangeClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final AccountLimiter limiter = new AccountLimiter(Venue.OKX, OkxTrading.LIMITS);
    private final OkxTrading trading = new OkxTrading(new SignedRestClient(HttpClient.newHttpClient()), okx.uri(),
            URI.create("ws://127.0.0.1:9/ws/v5/private"), new ApiCredentials(API_KEY, SECRET, PASSPHRASE), clock,
            RECV_WINDOW, limiter);

    @AfterEach
    void stop() {
        okx.close();
    }

    @Test
    void placesAnOrderSignedAndWithTheDeadlineAfterWhichOkxMustNotCarryItOut() {
        okx.answer(OkxTrading.ORDER, DOC_PLACE);

        ExchangeOrder placed = trading.place(new OrderRequest("oktswap6", SWAP, OrderSide.BUY, OrderType.LIMIT,
                TimeInForce.GTC, new BigDecimal("2"), new BigDecimal("51000.5")));

        HttpStandIn.Request request = okx.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v5/trade/order");
        assertThat(request.body()).isEqualTo("{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\","
                + "\"ordType\":\"limit\",\"sz\":\"2\",\"px\":\"51000.5\",\"clOrdId\":\"oktswap6\"}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertSigned(request);
        assertThat(request.header("expTime")).isEqualTo(String.valueOf(NOW.toEpochMilli() + RECV_WINDOW.toMillis()));
        assertThat(placed).isEqualTo(new ExchangeOrder("BTC-USDT-SWAP", "oktswap6", "312269865356374016", OrderSide.BUY,
                OrderStatus.NEW, new BigDecimal("2"), BigDecimal.ZERO, null, new BigDecimal("51000.5"), 1695190491421L));
    }

    @Test
    void anOrderRefusedForLackOfBalanceSaysSoWithOkxsCodeAndMessage() {
        okx.answer(OkxTrading.ORDER, refusedOrder("51008", "Order failed. Insufficient USDT balance in account"));

        assertThatThrownBy(() -> trading.place(limitBuy("b15")))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
                    assertThat(e.exchangeCode()).isEqualTo("51008");
                    assertThat(e.exchangeMessage()).isEqualTo("Order failed. Insufficient USDT balance in account");
                    assertThat(e.insufficientFunds()).isTrue();
                });
    }

    @Test
    void anyOtherRefusalKeepsTheOrdersOwnCodeAndIsNotForLackOfFunds() {
        okx.answer(OkxTrading.ORDER, refusedOrder("51121", "Order quantity must be a multiple of the lot size."));

        assertThatThrownBy(() -> trading.place(limitBuy("b15")))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
                    assertThat(e.exchangeCode()).isEqualTo("51121");
                    assertThat(e.insufficientFunds()).isFalse();
                    assertThat(e).hasMessage("okx refused the request (HTTP 200, code 51121): "
                            + "Order quantity must be a multiple of the lot size.");
                });
    }

    @Test
    void aRateLimitPausesTheAccountSoThatNothingMoreIsSentUntilItHasPassed() {
        okx.answer(OkxTrading.ORDER, 429, "{\"msg\":\"Too Many Requests\",\"code\":\"50011\"}");

        assertThatThrownBy(() -> trading.place(limitBuy("r1"))).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> trading.query(SPOT, "r1"))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("not sent");
        assertThat(okx.requests).hasSize(1);
    }

    @Test
    void okxsRateLimitCodeInAnOrdinaryAnswerPausesTheAccountToo() {
        okx.answer(OkxTrading.ORDER, refusedOrder("50011", "Rate limit reached. Please refer to API documentation"));

        assertThatThrownBy(() -> trading.place(limitBuy("r2")))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> trading.balances()).isInstanceOf(RateLimitedException.class).hasMessageContaining("not sent");
        assertThat(okx.requests).hasSize(1);
    }

    @Test
    void anOrderAnsweredWithAServerErrorMayHaveBeenPlaced() {
        okx.answer(OkxTrading.ORDER, 503, "{\"code\":\"50001\",\"msg\":\"Service temporarily unavailable\"}");

        assertThatThrownBy(() -> trading.place(limitBuy("u1")))
                .isInstanceOfSatisfying(ExchangeUnavailableException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    }

    @Test
    void queriesAnOrderByItsClientId() {
        okx.answer(OkxTrading.ORDER, DOC_ORDER);

        ExchangeOrder order = trading.query(SPOT, "q1");

        HttpStandIn.Request request = okx.last();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/v5/trade/order");
        assertThat(request.query()).isEqualTo("instId=BTC-USDT&clOrdId=q1");
        assertSigned(request);
        assertThat(request.header("expTime")).as("only orders carry a deadline").isNull();
        // The documentation's example was sized in USDT (tgtCcy quote_ccy): sz is what OKX wrote.
        assertThat(order).isEqualTo(new ExchangeOrder("BTC-USDT", "", "680800019749904384", OrderSide.BUY,
                OrderStatus.FILLED, new BigDecimal("100"), new BigDecimal("0.00192834"), new BigDecimal("51858"), null,
                1708587373362L));
    }

    @Test
    void anOrderOkxDoesNotKnowIsNull() {
        okx.answer(OkxTrading.ORDER, refused("51603", "Order does not exist"));

        assertThat(trading.query(SPOT, "never-sent")).isNull();
    }

    @Test
    void readsTheFillsOfAnOrderWithTheFeePaidPositive() {
        okx.answer(OkxTrading.FILLS, DOC_FILLS);

        List<ExchangeTrade> fills = trading.trades(SPOT, "", "680800019749904384");

        HttpStandIn.Request request = okx.last();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/v5/trade/fills");
        assertThat(request.query()).isEqualTo("instType=SPOT&instId=BTC-USDT&ordId=680800019749904384&limit=100");
        assertSigned(request);
        assertThat(fills).containsExactly(new ExchangeTrade("BTC-USDT", "", "680800019749904384", "744876980",
                new BigDecimal("0.00192834"), new BigDecimal("51858"), new BigDecimal("0.00000192834"), "BTC",
                1708587373361L));
    }

    @Test
    void withoutTheExchangesOrderIdTheOrderIsLookedUpFirst() {
        okx.answer(OkxTrading.ORDER, DOC_ORDER).answer(OkxTrading.FILLS, DOC_FILLS);

        List<ExchangeTrade> fills = trading.trades(SPOT, "q1", null);

        assertThat(okx.requests).extracting(HttpStandIn.Request::path)
                .containsExactly("/api/v5/trade/order", "/api/v5/trade/fills");
        assertThat(okx.last().query()).contains("ordId=680800019749904384");
        assertThat(fills).extracting(ExchangeTrade::tradeId).containsExactly("744876980");
    }

    @Test
    void theFillsOfAnOrderOkxDoesNotKnowAreNone() {
        okx.answer(OkxTrading.ORDER, refused("51603", "Order does not exist"));

        assertThat(trading.trades(SPOT, "never-sent", null)).isEmpty();
        assertThat(okx.requests).hasSize(1);
    }

    @Test
    void aFullPageOfFillsIsFollowedByTheFillsBeforeItsLastBill() {
        String fullPage = IntStream.range(0, OkxTrading.PAGE).mapToObj(i -> """
                {"instId":"BTC-USDT-SWAP","clOrdId":"big1","ordId":"7","tradeId":"%d","billId":"%d","fillSz":"1",
                 "fillPx":"50000","fee":"-0.25","feeCcy":"USDT","fillTime":"1708587373361"}""".formatted(1000 + i, 9000 + i))
                .collect(Collectors.joining(",", "{\"code\":\"0\",\"msg\":\"\",\"data\":[", "]}"));
        okx.answer(OkxTrading.FILLS, fullPage).answer(OkxTrading.FILLS, DOC_FILLS);

        List<ExchangeTrade> fills = trading.trades(SWAP, "big1", "7");

        assertThat(fills).hasSize(OkxTrading.PAGE + 1);
        assertThat(okx.requests).extracting(HttpStandIn.Request::query).containsExactly(
                "instType=SWAP&instId=BTC-USDT-SWAP&ordId=7&limit=100",
                "instType=SWAP&instId=BTC-USDT-SWAP&ordId=7&after=9099&limit=100");
        assertThat(fills.getFirst().fee()).isEqualByComparingTo("0.25");
    }

    @Test
    void cancelsByClientId() {
        okx.answer(OkxTrading.CANCEL, DOC_CANCEL);

        trading.cancel(SWAP, "oktswap6");

        HttpStandIn.Request request = okx.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v5/trade/cancel-order");
        assertThat(request.body()).isEqualTo("{\"instId\":\"BTC-USDT-SWAP\",\"clOrdId\":\"oktswap6\"}");
        assertSigned(request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"51400", "51401", "51402", "51603"})
    void cancellingAnOrderAlreadyFilledCancelledOrUnknownIsNoFailure(String code) {
        okx.answer(OkxTrading.CANCEL, refusedOrder(code, "Order cancellation failed"));

        trading.cancel(SPOT, "b15");

        assertThat(okx.requests).hasSize(1);
    }

    @Test
    void anOrderUnknownToTheWholeCancelAnswerIsNoFailureEither() {
        okx.answer(OkxTrading.CANCEL, refused("51603", "Order does not exist"));

        trading.cancel(SPOT, "b15");

        assertThat(okx.requests).hasSize(1);
    }

    @Test
    void anyOtherCancelRefusalIsAFailure() {
        okx.answer(OkxTrading.CANCEL, refusedOrder("51000", "Parameter clOrdId error"));

        assertThatThrownBy(() -> trading.cancel(SPOT, "b15"))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.exchangeCode()).isEqualTo("51000"));
    }

    @Test
    void listsTheOpenOrdersOfAMarket() {
        okx.answer(OkxTrading.PENDING, DOC_PENDING);

        List<ExchangeOrder> open = trading.openOrders(Market.SPOT);

        assertThat(okx.last().query()).isEqualTo("instType=SPOT&limit=100");
        assertSigned(okx.last());
        assertThat(open).containsExactly(new ExchangeOrder("BTC-USDT", "", "301835739059335168", OrderSide.BUY,
                OrderStatus.NEW, new BigDecimal("1"), BigDecimal.ZERO, null, new BigDecimal("59200"), 1618235248028L));
    }

    @Test
    void theOpenSwapOrdersAreTheLinearOnes() {
        okx.answer(OkxTrading.PENDING, """
                {"code":"0","msg":"","data":[
                 {"instId":"BTC-USDT-SWAP","clOrdId":"s1","ordId":"11","side":"sell","state":"partially_filled","sz":"5",
                  "accFillSz":"2","avgPx":"51000.1","px":"51000.1","uTime":"1708587373362"},
                 {"instId":"BTC-USD-SWAP","clOrdId":"s2","ordId":"12","side":"buy","state":"live","sz":"1",
                  "accFillSz":"0","avgPx":"","px":"40000","uTime":"1708587373362"}]}""");

        List<ExchangeOrder> open = trading.openOrders(Market.LINEAR);

        assertThat(okx.last().query()).isEqualTo("instType=SWAP&limit=100");
        assertThat(open).containsExactly(new ExchangeOrder("BTC-USDT-SWAP", "s1", "11", OrderSide.SELL,
                OrderStatus.PARTIALLY_FILLED, new BigDecimal("5"), new BigDecimal("2"), new BigDecimal("51000.1"),
                new BigDecimal("51000.1"), 1708587373362L));
    }

    @Test
    void coinMarginedSwapsAreNotTradedHere() {
        assertThatThrownBy(() -> trading.openOrders(Market.INVERSE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trading.query(OkxTradingAnswers.INVERSE, "x1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(okx.requests).isEmpty();
    }

    @Test
    void readsTheBalancesSigned() {
        okx.answer(OkxAccount.PATH, """
                {"code":"0","msg":"","data":[{"details":[
                  {"availBal":"1000.5","cashBal":"1200.5","ccy":"USDT","frozenBal":"200"},
                  {"availBal":"0","cashBal":"0","ccy":"ETH","frozenBal":"0"}]}]}""");

        AccountBalances balances = trading.balances();
        assertThat(balances.spot()).containsExactly(new Balance("USDT", new BigDecimal("1000.5"), new BigDecimal("200")));
        assertThat(balances.unified()).as("one trading account margins swaps too").isTrue();
        assertThat(balances.availableMargin("USDT")).isEqualByComparingTo("1000.5");
        assertThat(okx.last().method()).isEqualTo("GET");
        assertSigned(okx.last());
    }

    @Test
    void positionsAreSignedInOrderUnitsAndOnlyTheOpenLinearOnes() {
        okx.answer(OkxTrading.POSITIONS, """
                {"code":"0","msg":"","data":[
                 {"instId":"BTC-USDT-SWAP","instType":"SWAP","mgnMode":"cross","posSide":"net","pos":"-3","avgPx":"51000.1"},
                 {"instId":"ETH-USDT-SWAP","instType":"SWAP","mgnMode":"cross","posSide":"net","pos":"0","avgPx":""},
                 {"instId":"BTC-USD-SWAP","instType":"SWAP","mgnMode":"cross","posSide":"net","pos":"5","avgPx":"50000"},
                 {"instId":"ETH-USDC-SWAP","instType":"SWAP","mgnMode":"cross","posSide":"short","pos":"2","avgPx":"2566.31"},
                 {"instId":"SOL-USDT-SWAP","instType":"SWAP","mgnMode":"cross","posSide":"long","pos":"4","avgPx":"101.5"}]}""");

        List<ExchangePosition> positions = trading.positions();

        assertThat(okx.last().path()).isEqualTo("/api/v5/account/positions");
        assertThat(okx.last().query()).isEqualTo("instType=SWAP");
        assertSigned(okx.last());
        assertThat(positions).containsExactly(
                new ExchangePosition("BTC-USDT-SWAP", new BigDecimal("-3"), new BigDecimal("51000.1")),
                new ExchangePosition("ETH-USDC-SWAP", new BigDecimal("-2"), new BigDecimal("2566.31")),
                new ExchangePosition("SOL-USDT-SWAP", new BigDecimal("4"), new BigDecimal("101.5")));
    }

    @Test
    void theServerTimeComesFromThePublicEndpointUnsigned() {
        okx.answer(OkxTrading.TIME, DOC_TIME);

        assertThat(trading.serverTime()).isEqualTo(1597026383085L);
        assertThat(okx.last().path()).isEqualTo("/api/v5/public/time");
        assertThat(okx.last().headers()).doesNotContainKeys("ok-access-key", "ok-access-sign", "ok-access-passphrase");
    }

    @Test
    void theSecretNeverAppearsInWhatIsShown() {
        okx.answer(OkxTrading.ORDER, refusedOrder("50113", "Invalid signature " + SECRET + " " + PASSPHRASE));

        assertThatThrownBy(() -> trading.place(limitBuy("s1")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(PASSPHRASE));
        assertThat(trading.toString()).doesNotContain(SECRET).doesNotContain(PASSPHRASE).doesNotContain(API_KEY);
    }

    @Test
    void thePrivateStreamIsStartedAndNotConnectedBeforeOkxAcknowledgesTheSubscription() {
        try (PrivateStream stream = trading.openPrivateStream(new PrivateStream.Listener() {
            @Override
            public void connected() {
            }

            @Override
            public void disconnected(String reason) {
            }

            @Override
            public void order(ExchangeOrder order) {
            }

            @Override
            public void trade(ExchangeTrade trade) {
            }
        })) {
            assertThat(stream.isConnected()).isFalse();
        }
    }

    private static OrderRequest limitBuy(String clientOrderId) {
        return new OrderRequest(clientOrderId, SPOT, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("0.01"), new BigDecimal("50000"));
    }

    /** OKX's headers, with the signature over timestamp, method, path with query, and body. */
    private static void assertSigned(HttpStandIn.Request request) {
        assertThat(request.header("OK-ACCESS-KEY")).isEqualTo(API_KEY);
        assertThat(request.header("OK-ACCESS-PASSPHRASE")).isEqualTo(PASSPHRASE);
        String timestamp = request.header("OK-ACCESS-TIMESTAMP");
        assertThat(timestamp).isEqualTo("2024-02-22T07:36:13.361Z");
        String requestPath = request.query().isEmpty() ? request.path() : request.path() + "?" + request.query();
        assertThat(request.header("OK-ACCESS-SIGN")).isEqualTo(Base64.getEncoder().encodeToString(
                HmacSha256.sign(SECRET, timestamp + request.method() + requestPath + request.body())));
    }
}

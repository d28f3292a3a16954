package io.crossbook.venues.bybit;

import static io.crossbook.venues.bybit.BybitTradingExamples.BTCUSDT_LINEAR;
import static io.crossbook.venues.bybit.BybitTradingExamples.BTCUSDT_SPOT;
import static io.crossbook.venues.bybit.BybitTradingExamples.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.ExchangeUnavailableException;
import io.crossbook.venues.common.HttpStandIn.Reply;
import io.crossbook.venues.common.HttpStandIn;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.RateLimitedException;
import io.crossbook.venues.trading.ExchangeClock;
import io.crossbook.venues.trading.OrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bybit's refusals (HTTP 200 with a non-zero {@code retCode}, codes from the v5 "Error Codes" page) as
 * {@link io.crossbook.venues.trading.TradingApi} promises them.
 */
class BybitTradingErrorsTest {
    private static final long NOW = 1672211928338L;
    private static final OrderRequest ORDER = new OrderRequest("cb100", BTCUSDT_LINEAR, OrderSide.BUY, OrderType.LIMIT,
            TimeInForce.GTC, new BigDecimal("0.010"), new BigDecimal("27000"));

    private final HttpStandIn bybit = HttpStandIn.start();
    private final ExchangeClock clock = new ExchangeClock(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    private final BybitTrading trading = BybitTradingRequestTest.trading(bybit, clock);

    @AfterEach
    void stop() {
        bybit.close();
    }

    @Test
    void lackOfAvailableBalanceIsARefusalForInsufficientFundsWithBybitsCodeAndMessage() {
        bybit.answer("POST", BybitTrading.CREATE, error(110007, "ab not enough for new order"));

        assertThatThrownBy(() -> trading.place(ORDER)).isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
            assertThat(e.insufficientFunds()).isTrue();
            assertThat(e.exchangeCode()).isEqualTo("110007");
            assertThat(e.exchangeMessage()).isEqualTo("ab not enough for new order");
        });
    }

    @Test
    void spotsInsufficientBalanceToo() {
        bybit.answer("POST", BybitTrading.CREATE, error(170131, "Insufficient balance."));

        assertThatThrownBy(() -> trading.place(new OrderRequest("cb101", BTCUSDT_SPOT, OrderSide.SELL, OrderType.MARKET,
                TimeInForce.IOC, BigDecimal.ONE, null)))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.insufficientFunds()).isTrue());
    }

    @Test
    void otherRefusalsAreNotForFunds() {
        bybit.answer("POST", BybitTrading.CREATE, error(10001, "params error: Price invalid"));

        assertThatThrownBy(() -> trading.place(ORDER)).isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
            assertThat(e.insufficientFunds()).isFalse();
            assertThat(e.exchangeCode()).isEqualTo("10001");
            assertThat(e).hasMessage("bybit refused the request (HTTP 200, code 10001): params error: Price invalid");
        });
    }

    @Test
    void anOrderNeitherListNorHistoryKnowsIsNull() {
        bybit.answer("GET", BybitTrading.REALTIME, BybitTradingExamples.EMPTY_LIST).answer("GET", BybitTrading.HISTORY, error(110001, "order not exists or too late to cancel"));

        assertThat(trading.query(BTCUSDT_LINEAR, "cb102")).isNull();
        assertThat(bybit.to(BybitTrading.HISTORY)).hasSize(1);
    }

    @Test
    void anOrderClosedLongAgoIsFoundInTheHistory() {
        bybit.answer("GET", BybitTrading.REALTIME, error(170213, "Order does not exist."))
                .answer("GET", BybitTrading.HISTORY, BybitTradingExamples.HISTORY);

        assertThat(trading.query(BTCUSDT_SPOT, "YLxaWKMiHU").status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(bybit.to(BybitTrading.HISTORY).getFirst().params()).containsEntry("orderLinkId", "YLxaWKMiHU");
    }

    @Test
    void cancellingAnUnknownOrAlreadyClosedOrderIsNotAFailure() {
        bybit.answer("POST", BybitTrading.CANCEL, error(110001, "order not exists or too late to cancel"))
                .answer("POST", BybitTrading.CANCEL, error(170213, "Order does not exist."))
                .answer("POST", BybitTrading.CANCEL, error(110008, "The order has been completed or cancelled."))
                .answer("POST", BybitTrading.CANCEL, error(10001, "params error"));

        assertThatCode(() -> trading.cancel(BTCUSDT_LINEAR, "cb103")).doesNotThrowAnyException();
        assertThatCode(() -> trading.cancel(BTCUSDT_SPOT, "cb103")).doesNotThrowAnyException();
        assertThatCode(() -> trading.cancel(BTCUSDT_LINEAR, "cb103")).doesNotThrowAnyException();
        assertThatThrownBy(() -> trading.cancel(BTCUSDT_LINEAR, "cb103")).isInstanceOf(ExchangeRejectedException.class);
    }

    @Test
    void tooManyVisitsPausesTheAccountUntilBybitsResetTime() {
        bybit.answer("POST", BybitTrading.CREATE, new Reply(200, error(10006, "Too many visits!"),
                Map.of(BybitTrading.RESET_HEADER, Long.toString(NOW + 60_000))));

        assertThatThrownBy(() -> trading.place(ORDER)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
            assertThat(e.outcomeUnknown()).as("a rate-limited request was not carried out").isFalse();
        });
        assertThatThrownBy(() -> trading.openOrders(BTCUSDT_LINEAR.market())).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("not sent");
        assertThat(bybit.requests).as("the limiter held the second request back").hasSize(1);
    }

    @Test
    void withoutAResetTimeTheAccountWaitsOneSecond() {
        bybit.answer("GET", BybitTrading.REALTIME, error(10006, "Too many visits!"));

        assertThatThrownBy(() -> trading.query(BTCUSDT_LINEAR, "cb104"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void http403IsBybitsIpBanForTenMinutes() {
        bybit.answer("GET", BybitTrading.REALTIME, new Reply(403, "access too frequent", Map.of()));

        assertThatThrownBy(() -> trading.openOrders(BTCUSDT_SPOT.market())).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.banned()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10));
        });
        assertThatThrownBy(() -> trading.balances()).isInstanceOf(RateLimitedException.class);
        assertThat(bybit.requests).hasSize(1);
    }

    @Test
    void aTimestampOutsideTheReceiveWindowSyncsTheClockAndSendsOnceMore() {
        bybit.answer("POST", BybitTrading.CREATE, error(10002, "invalid request, please check your server timestamp or recv_window param"))
                .answer("POST", BybitTrading.CREATE, BybitTradingExamples.CREATE)
                .answer("GET", BybitTrading.TIME, BybitTradingExamples.TIME);

        assertThat(trading.place(ORDER).exchangeOrderId()).isEqualTo("1321003749386327552");

        var sent = bybit.to(BybitTrading.CREATE);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).header("X-BAPI-TIMESTAMP")).isEqualTo(Long.toString(NOW));
        assertThat(sent.get(1).header("X-BAPI-TIMESTAMP")).as("Bybit's time, from /v5/market/time").isEqualTo("1688639403423");
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
    }

    @Test
    void aSecondTimestampRefusalIsARefusal() {
        bybit.answer("GET", BybitTrading.POSITIONS, error(10002, "invalid request, please check your server timestamp or recv_window param"))
                .answer("GET", BybitTrading.TIME, BybitTradingExamples.TIME);

        assertThatThrownBy(() -> trading.positions()).isInstanceOfSatisfying(ExchangeRejectedException.class,
                e -> assertThat(e.exchangeCode()).isEqualTo("10002"));
        assertThat(bybit.to(BybitTrading.POSITIONS)).hasSize(2);
    }

    @Test
    void aServerTimeoutUnderHttp200LeavesTheOutcomeUnknown() {
        bybit.answer("POST", BybitTrading.CREATE, error(10016, "Internal System Error."));

        assertThatThrownBy(() -> trading.place(ORDER)).isInstanceOfSatisfying(ExchangeUnavailableException.class,
                e -> assertThat(e.outcomeUnknown()).isTrue());
    }

    @Test
    void anAnswerWithoutRetCodeIsMalformed() {
        bybit.answer("GET", BybitTrading.POSITIONS, "{\"result\":{}}");

        assertThatThrownBy(() -> trading.positions()).isInstanceOf(MalformedMessageException.class).hasMessageContaining("retCode");
    }
}

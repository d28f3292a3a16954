package io.crossbook.venues.binance;

import static io.crossbook.venues.binance.BinanceDocExamples.FUTURES_BALANCE;
import static io.crossbook.venues.binance.BinanceDocExamples.FUTURES_FILLED_ORDER;
import static io.crossbook.venues.binance.BinanceDocExamples.FUTURES_NEW_ORDER;
import static io.crossbook.venues.binance.BinanceDocExamples.FUTURES_POSITIONS;
import static io.crossbook.venues.binance.BinanceDocExamples.FUTURES_USER_TRADES;
import static io.crossbook.venues.binance.BinanceDocExamples.SPOT_MY_TRADES;
import static io.crossbook.venues.binance.BinanceDocExamples.SPOT_NEW_ORDER_RESULT;
import static io.crossbook.venues.binance.BinanceDocExamples.SPOT_QUERY_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.RestResponse;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangePosition;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Binance's documented REST answers read into orders, fills, positions and balances. */
class BinanceAnswersTest {

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    @Test
    void aSpotResultAnswerGivesTheOrderAfterMatchingWithItsAveragePrice() {
        assertThat(BinanceAnswers.spotOrder(json(SPOT_NEW_ORDER_RESULT))).isEqualTo(new ExchangeOrder("BTCUSDT",
                "6gCrw2kRUAF9CvJDGP16IP", "28", OrderSide.SELL, OrderStatus.FILLED, new BigDecimal("10.00000000"),
                new BigDecimal("10.00000000"), BigDecimal.ONE, null, 1507725176595L));
    }

    @Test
    void aSpotAveragePriceIsTheQuoteAmountOverTheFilledQuantity() {
        String partly = SPOT_QUERY_ORDER.replace("\"executedQty\":\"0.0\"", "\"executedQty\":\"0.3\"")
                .replace("\"cummulativeQuoteQty\":\"0.0\"", "\"cummulativeQuoteQty\":\"0.0299\"")
                .replace("\"status\":\"NEW\"", "\"status\":\"PARTIALLY_FILLED\"");

        ExchangeOrder order = BinanceAnswers.spotOrder(json(partly));

        assertThat(order.avgPrice()).isEqualByComparingTo("0.09966666666666666666666666666666667");
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void aSpotQueryAnswerGivesTheRestingLimitOrder() {
        assertThat(BinanceAnswers.spotOrder(json(SPOT_QUERY_ORDER))).isEqualTo(new ExchangeOrder("LTCBTC", "myOrder1", "1",
                OrderSide.BUY, OrderStatus.NEW, new BigDecimal("1.0"), new BigDecimal("0.0"), null, new BigDecimal("0.1"),
                1499827319559L));
    }

    @Test
    void aUsdmOrderWithNothingFilledHasNoAveragePriceAndAZeroPriceIsNoLimit() {
        assertThat(BinanceAnswers.futuresOrder(json(FUTURES_NEW_ORDER))).isEqualTo(new ExchangeOrder("BTCUSDT", "testOrder",
                "22542179", OrderSide.BUY, OrderStatus.NEW, new BigDecimal("10"), BigDecimal.ZERO, null, null, 1566818724722L));
    }

    @Test
    void aFilledUsdmOrderCarriesBinancesAveragePrice() {
        assertThat(BinanceAnswers.futuresOrder(json(FUTURES_FILLED_ORDER))).isEqualTo(new ExchangeOrder("BTCUSDT", "testMaker1",
                "292864710", OrderSide.BUY, OrderStatus.FILLED, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("20002"),
                new BigDecimal("20002"), 1692849639460L));
    }

    @Test
    void spotFillsCarryTradeIdCommissionAndAsset() {
        assertThat(BinanceAnswers.trades(json(SPOT_MY_TRADES), "cb42")).containsExactly(new ExchangeTrade("BNBBTC", "cb42",
                "100234", "28457", new BigDecimal("12.00000000"), new BigDecimal("4.00000100"), new BigDecimal("10.10000000"),
                "BNB", 1499865549590L));
    }

    @Test
    void usdmFillsKeepTheCommissionsSignAsWritten() {
        assertThat(BinanceAnswers.trades(json(FUTURES_USER_TRADES), "cb42")).containsExactly(new ExchangeTrade("BTCUSDT", "cb42",
                "25851813", "698759", new BigDecimal("0.002"), new BigDecimal("7819.01"), new BigDecimal("-0.07819010"),
                "USDT", 1569514978020L));
    }

    @Test
    void positionsAreSignedAndFlatOnesLeftOut() {
        assertThat(BinanceAnswers.positions(json(FUTURES_POSITIONS))).containsExactly(
                new ExchangePosition("ADAUSDT", new BigDecimal("30"), new BigDecimal("0.385")),
                new ExchangePosition("COMPUSDT", new BigDecimal("-1.000"), new BigDecimal("70.92841")));
    }

    @Test
    void theUsdmWalletIsFreeWhatIsAvailableAndHoldsTheRestAsMargin() {
        assertThat(BinanceAnswers.futuresBalances(json(FUTURES_BALANCE))).containsExactly(
                new Balance("USDT", new BigDecimal("23.72469206"), new BigDecimal("122583.62668697")));
    }

    @Test
    void unrealisedProfitAboveTheWalletLocksNothing() {
        String profitable = "[{\"asset\":\"USDT\",\"balance\":\"100\",\"availableBalance\":\"120\"}]";

        assertThat(BinanceAnswers.futuresBalances(json(profitable)))
                .containsExactly(new Balance("USDT", new BigDecimal("120"), BigDecimal.ZERO));
    }

    @Test
    void everyBinanceStatusHasItsMeaning() {
        assertThat(BinanceAnswers.status("NEW")).isEqualTo(OrderStatus.NEW);
        assertThat(BinanceAnswers.status("PENDING_NEW")).isEqualTo(OrderStatus.NEW);
        assertThat(BinanceAnswers.status("PARTIALLY_FILLED")).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(BinanceAnswers.status("FILLED")).isEqualTo(OrderStatus.FILLED);
        assertThat(BinanceAnswers.status("CANCELED")).isEqualTo(OrderStatus.CANCELED);
        assertThat(BinanceAnswers.status("REJECTED")).isEqualTo(OrderStatus.REJECTED);
        assertThat(BinanceAnswers.status("EXPIRED")).isEqualTo(OrderStatus.EXPIRED);
        assertThat(BinanceAnswers.status("EXPIRED_IN_MATCH")).isEqualTo(OrderStatus.EXPIRED);
        assertThatThrownBy(() -> BinanceAnswers.status("PENDING_CANCEL")).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void anOrderAnswerWithoutItsQuantityIsMalformed() {
        assertThatThrownBy(() -> BinanceAnswers.spotOrder(json(SPOT_QUERY_ORDER.replace("\"origQty\":\"1.0\",", ""))))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("origQty");
    }

    @Test
    void lackOfFundsIsToldFromOtherRefusals() {
        ExchangeRejectedException balance = refusal(BinanceDocExamples.SPOT_INSUFFICIENT_BALANCE);
        ExchangeRejectedException margin = refusal(BinanceDocExamples.FUTURES_MARGIN_INSUFFICIENT);
        ExchangeRejectedException wouldTake = refusal("{\"code\":-2010,\"msg\":\"Order would immediately match and take.\"}");
        ExchangeRejectedException clock = refusal("{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");

        assertThat(balance.insufficientFunds()).isTrue();
        assertThat(balance.exchangeCode()).isEqualTo("-2010");
        assertThat(balance.exchangeMessage()).isEqualTo("Account has insufficient balance for requested action.");
        assertThat(margin.insufficientFunds()).isTrue();
        assertThat(margin.exchangeCode()).isEqualTo("-2019");
        assertThat(wouldTake.insufficientFunds()).isFalse();
        assertThat(clock.insufficientFunds()).isFalse();
        assertThat(clock.exchangeCode()).isEqualTo("-1021");
    }

    private static ExchangeRejectedException refusal(String body) {
        RestResponse response = new RestResponse("POST api.binance.com/api/v3/order", 400, body);
        return BinanceRequests.rejection(response, response.json());
    }
}

package io.crossbook.venues.bybit;

import static io.crossbook.venues.bybit.BybitTradingExamples.BTCUSDT_SPOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bybit's order and execution objects, from the documented examples. */
class BybitOrdersTest {
    @Test
    void readsARestingLimitOrderOfTheOpenOrdersExample() {
        assertThat(BybitOrders.order(first(BybitTradingExamples.REALTIME))).isEqualTo(new ExchangeOrder("ETHUSDT",
                "test-000005", "fd4300ae-7847-404e-b947-b46980a4d140", OrderSide.BUY, OrderStatus.NEW, new BigDecimal("0.10"),
                new BigDecimal("0.00"), null, new BigDecimal("1600.00"), 1684738540561L));
    }

    @Test
    void aPostOnlyOrderThatWouldHaveTakenIsCancelledWithNoAveragePrice() {
        ExchangeOrder order = BybitOrders.order(first(BybitTradingExamples.HISTORY));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.clientOrderId()).isEqualTo("YLxaWKMiHU");
        assertThat(order.avgPrice()).as("avgPrice \"0\": nothing filled").isNull();
        assertThat(order.limitPrice()).isEqualByComparingTo("26864.40");
        assertThat(order.updateTime()).isEqualTo(1684476068372L);
    }

    @Test
    void aMarketOrderHasNoLimitPriceButItsAveragePrice() {
        ExchangeOrder order = BybitOrders.order(JsonMapper.shared().readTree(BybitTradingExamples.STREAM_OPTION_ORDER)
                .path("data").get(0));

        assertThat(order.limitPrice()).as("72.5 is Bybit's protective price, not ours").isNull();
        assertThat(order.avgPrice()).isEqualByComparingTo("75");
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.side()).isEqualTo(OrderSide.SELL);
    }

    @Test
    void mapsEveryDocumentedOrderStatus() {
        assertThat(BybitOrders.status("New")).isEqualTo(OrderStatus.NEW);
        assertThat(BybitOrders.status("PartiallyFilled")).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(BybitOrders.status("Untriggered")).isEqualTo(OrderStatus.NEW);
        assertThat(BybitOrders.status("Triggered")).isEqualTo(OrderStatus.NEW);
        assertThat(BybitOrders.status("Filled")).isEqualTo(OrderStatus.FILLED);
        assertThat(BybitOrders.status("Cancelled")).isEqualTo(OrderStatus.CANCELED);
        assertThat(BybitOrders.status("PartiallyFilledCanceled")).isEqualTo(OrderStatus.CANCELED);
        assertThat(BybitOrders.status("Deactivated")).isEqualTo(OrderStatus.CANCELED);
        assertThat(BybitOrders.status("Rejected")).isEqualTo(OrderStatus.REJECTED);
        assertThatThrownBy(() -> BybitOrders.status("Expired")).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("Expired");
    }

    @Test
    void readsAFillWithItsExecutionIdAndTheSettleCoinAsFeeCurrency() {
        ExchangeTrade trade = BybitOrders.trade(first(BybitTradingExamples.EXECUTIONS), BybitTradingExamples.ETHPERP_LINEAR);

        assertThat(trade).isEqualTo(new ExchangeTrade("ETHPERP", "", "8c065341-7b52-4ca9-ac2c-37e31ac55c94",
                "e0cbe81d-0f18-5866-9415-cf319b5dab3b", new BigDecimal("0.1"), new BigDecimal("1190.15"),
                new BigDecimal("0.071409"), "USDC", 1672282722429L));
    }

    @Test
    void spotFeesArePaidInWhatTheFillBrings() {
        assertThat(BybitOrders.feeAsset(spotFill("Buy", false, "0.001", ""), BTCUSDT_SPOT)).isEqualTo("BTC");
        assertThat(BybitOrders.feeAsset(spotFill("Sell", false, "0.001", ""), BTCUSDT_SPOT)).isEqualTo("USDT");
        assertThat(BybitOrders.feeAsset(spotFill("Buy", true, "0.0002", ""), BTCUSDT_SPOT)).isEqualTo("BTC");
    }

    @Test
    void spotMakerRebatesAreCreditedTheOtherWayRound() {
        assertThat(BybitOrders.feeAsset(spotFill("Buy", true, "-0.0001", ""), BTCUSDT_SPOT)).isEqualTo("USDT");
        assertThat(BybitOrders.feeAsset(spotFill("Sell", true, "-0.0001", ""), BTCUSDT_SPOT)).isEqualTo("BTC");
        assertThat(BybitOrders.feeAsset(spotFill("Sell", false, "-0.0001", ""), BTCUSDT_SPOT))
                .as("only a maker fill earns the rebate").isEqualTo("USDT");
    }

    @Test
    void aNamedFeeCurrencyWinsAndWithoutOneTheInstrumentIsNeeded() {
        assertThat(BybitOrders.feeAsset(spotFill("Buy", false, "0.001", "MNT"), null)).isEqualTo("MNT");
        assertThatThrownBy(() -> BybitOrders.feeAsset(spotFill("Buy", false, "0.001", ""), null))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("BTCUSDT");
    }

    @Test
    void fundingPaymentsAreNotFills() {
        assertThat(BybitOrders.isFill(first(BybitTradingExamples.EXECUTIONS))).isTrue();
        assertThat(BybitOrders.isFill(JsonMapper.shared().readTree("{\"execType\":\"Funding\"}"))).isFalse();
    }

    @Test
    void anOrderWithoutItsIdIsMalformed() {
        assertThatThrownBy(() -> BybitOrders.order(JsonMapper.shared().readTree(
                "{\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"orderStatus\":\"New\",\"updatedTime\":\"1\"}")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("orderId");
    }

    /** A spot fill in the execution list's shape (values made up). */
    private static JsonNode spotFill(String side, boolean maker, String feeRate, String feeCurrency) {
        return JsonMapper.shared().readTree("""
                {"symbol":"BTCUSDT","orderId":"1","orderLinkId":"a","side":"%s","execId":"e1","execPrice":"50000",
                 "execQty":"0.005","execFee":"0.000025","execTime":"1","isMaker":%s,"feeRate":"%s","feeCurrency":"%s",
                 "execType":"Trade"}""".formatted(side, maker, feeRate, feeCurrency));
    }

    private static JsonNode first(String answer) {
        return JsonMapper.shared().readTree(answer).path("result").path("list").get(0);
    }
}

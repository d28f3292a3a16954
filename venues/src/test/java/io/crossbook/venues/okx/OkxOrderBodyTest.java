package io.crossbook.venues.okx;

import static io.crossbook.venues.okx.OkxTradingAnswers.INVERSE;
import static io.crossbook.venues.okx.OkxTradingAnswers.SPOT;
import static io.crossbook.venues.okx.OkxTradingAnswers.SWAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The body of {@code POST /api/v5/trade/order} for each order type and time in force. */
class OkxOrderBodyTest {

    @Test
    void aGoodTillCancelledLimitOrderIsOkxsLimitWithItsPriceAndOurClientId() {
        OrderRequest order = new OrderRequest("a1", SPOT, OrderSide.SELL, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("0.5"), new BigDecimal("51858"));

        assertThat(OkxTrading.orderBody(order)).isEqualTo(
                "{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"side\":\"sell\",\"ordType\":\"limit\",\"sz\":\"0.5\","
                        + "\"px\":\"51858\",\"clOrdId\":\"a1\"}");
    }

    @Test
    void immediateOrCancelAndPostOnlyAreOrderTypesOfTheirOwn() {
        OrderRequest ioc = new OrderRequest("b2", SWAP, OrderSide.BUY, OrderType.LIMIT, TimeInForce.IOC,
                new BigDecimal("3"), new BigDecimal("51000.5"));
        OrderRequest postOnly = new OrderRequest("c3", SWAP, OrderSide.SELL, OrderType.LIMIT, TimeInForce.POST_ONLY,
                new BigDecimal("3"), new BigDecimal("51000.5"));

        assertThat(OkxTrading.orderBody(ioc)).isEqualTo(
                "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\",\"ordType\":\"ioc\",\"sz\":\"3\","
                        + "\"px\":\"51000.5\",\"clOrdId\":\"b2\"}");
        assertThat(OkxTrading.orderBody(postOnly)).isEqualTo(
                "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"sell\",\"ordType\":\"post_only\",\"sz\":\"3\","
                        + "\"px\":\"51000.5\",\"clOrdId\":\"c3\"}");
    }

    @Test
    void aSpotMarketBuyIsSizedInTheBaseCurrencyLikeEveryOtherOrder() {
        OrderRequest order = new OrderRequest("d4", SPOT, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC,
                new BigDecimal("1E-5"), null);

        assertThat(OkxTrading.orderBody(order)).isEqualTo(
                "{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"side\":\"buy\",\"ordType\":\"market\",\"sz\":\"0.00001\","
                        + "\"clOrdId\":\"d4\",\"tgtCcy\":\"base_ccy\"}");
    }

    @Test
    void spotMarketSellsAndSwapMarketOrdersAreAlreadySizedInOrderUnits() {
        OrderRequest spotSell = new OrderRequest("e5", SPOT, OrderSide.SELL, OrderType.MARKET, TimeInForce.GTC,
                new BigDecimal("0.25"), null);
        OrderRequest swapBuy = new OrderRequest("f6", SWAP, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC,
                new BigDecimal("7"), null);

        assertThat(OkxTrading.orderBody(spotSell)).isEqualTo(
                "{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"side\":\"sell\",\"ordType\":\"market\",\"sz\":\"0.25\","
                        + "\"clOrdId\":\"e5\"}");
        assertThat(OkxTrading.orderBody(swapBuy)).isEqualTo(
                "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\",\"ordType\":\"market\",\"sz\":\"7\","
                        + "\"clOrdId\":\"f6\"}");
    }

    @Test
    void aPostOnlyMarketOrderAndCoinMarginedSwapsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> OkxTrading.orderBody(new OrderRequest("g7", SPOT, OrderSide.BUY, OrderType.MARKET,
                TimeInForce.POST_ONLY, BigDecimal.ONE, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("post-only");
        assertThatThrownBy(() -> OkxTrading.orderBody(new OrderRequest("h8", INVERSE, OrderSide.BUY, OrderType.LIMIT,
                TimeInForce.GTC, BigDecimal.ONE, new BigDecimal("50000"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coin-margined");
    }
}

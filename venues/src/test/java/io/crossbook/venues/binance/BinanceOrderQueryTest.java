package io.crossbook.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The parameters each order type and time in force becomes on spot and USDⓈ-M. */
class BinanceOrderQueryTest {
    static final Instrument SPOT = instrument(Market.SPOT);
    static final Instrument PERP = instrument(Market.LINEAR);

    static Instrument instrument(Market market) {
        return new Instrument(Venue.BINANCE, market, "BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
                new BigDecimal("0.00001"), new BigDecimal("5"), BigDecimal.ONE);
    }

    static OrderRequest limit(Instrument instrument, OrderSide side, TimeInForce tif, String qty, String price) {
        return new OrderRequest("cb42", instrument, side, OrderType.LIMIT, tif, new BigDecimal(qty), new BigDecimal(price));
    }

    static OrderRequest market(Instrument instrument, OrderSide side, String qty) {
        return new OrderRequest("cb43", instrument, side, OrderType.MARKET, TimeInForce.IOC, new BigDecimal(qty), null);
    }

    @Test
    void aSpotMarketOrderSendsItsQuantityAndNoTimeInForce() {
        assertThat(BinanceTrading.spotOrderQuery(market(SPOT, OrderSide.BUY, "0.01"))).isEqualTo(
                "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&newClientOrderId=cb43&newOrderRespType=RESULT");
    }

    @Test
    void spotLimitOrdersCarryGtcOrIoc() {
        assertThat(BinanceTrading.spotOrderQuery(limit(SPOT, OrderSide.SELL, TimeInForce.GTC, "0.5", "65000.10"))).isEqualTo(
                "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.5&price=65000.10&newClientOrderId=cb42"
                        + "&newOrderRespType=RESULT");
        assertThat(BinanceTrading.spotOrderQuery(limit(SPOT, OrderSide.BUY, TimeInForce.IOC, "0.5", "65000")))
                .contains("&type=LIMIT&timeInForce=IOC&");
    }

    @Test
    void aSpotPostOnlyOrderIsALimitMakerWithoutTimeInForce() {
        assertThat(BinanceTrading.spotOrderQuery(limit(SPOT, OrderSide.BUY, TimeInForce.POST_ONLY, "0.5", "64000"))).isEqualTo(
                "symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.5&price=64000&newClientOrderId=cb42&newOrderRespType=RESULT");
    }

    @Test
    void usdmLimitOrdersCarryGtcIocOrGtxForPostOnly() {
        assertThat(BinanceTrading.futuresOrderQuery(limit(PERP, OrderSide.BUY, TimeInForce.GTC, "0.002", "60000.5"))).isEqualTo(
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.002&price=60000.5&newClientOrderId=cb42"
                        + "&newOrderRespType=RESULT");
        assertThat(BinanceTrading.futuresOrderQuery(limit(PERP, OrderSide.SELL, TimeInForce.IOC, "0.002", "60000")))
                .contains("&type=LIMIT&timeInForce=IOC&");
        assertThat(BinanceTrading.futuresOrderQuery(limit(PERP, OrderSide.SELL, TimeInForce.POST_ONLY, "0.002", "60000")))
                .contains("&type=LIMIT&timeInForce=GTX&");
    }

    @Test
    void aUsdmMarketOrderSendsNoTimeInForce() {
        assertThat(BinanceTrading.futuresOrderQuery(market(PERP, OrderSide.SELL, "0.003"))).isEqualTo(
                "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.003&newClientOrderId=cb43&newOrderRespType=RESULT");
    }

    @Test
    void decimalsGoOutPlainNeverInExponentForm() {
        OrderRequest tiny = new OrderRequest("cb44", SPOT, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("1E-8"), new BigDecimal("6.5E+4"));

        assertThat(BinanceTrading.spotOrderQuery(tiny)).contains("&quantity=0.00000001&price=65000&");
    }

    @Test
    void aPostOnlyMarketOrderIsRefusedBeforeAnythingIsSent() {
        OrderRequest contradiction = new OrderRequest("cb45", SPOT, OrderSide.BUY, OrderType.MARKET, TimeInForce.POST_ONLY,
                BigDecimal.ONE, null);

        assertThatThrownBy(() -> BinanceTrading.spotOrderQuery(contradiction))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be post-only");
        assertThatThrownBy(() -> BinanceTrading.futuresOrderQuery(contradiction))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be post-only");
    }
}

package io.crossbook.venues.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code GET /v5/market/instruments-info}, on the response shapes of Bybit's docs. */
class BybitInstrumentsTest {

    @Test
    void spotTakesTheLotFromBasePrecisionAndTheMinimumNotionalFromMinOrderAmt() {
        List<Instrument> instruments = new BybitProtocol(Market.SPOT).parseInstruments(Fixtures.text("http_get_instruments_spot.json"));

        assertThat(instruments).extracting(Instrument::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        Instrument btc = instruments.getFirst();
        assertThat(btc.venue()).isEqualTo(Venue.BYBIT);
        assertThat(btc.market()).isEqualTo(Market.SPOT);
        assertThat(btc.base()).isEqualTo("BTC");
        assertThat(btc.quote()).isEqualTo("USDT");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
        assertThat(btc.lotSize()).isEqualByComparingTo("0.0001");
        assertThat(btc.minQty()).isEqualByComparingTo("0.001");
        assertThat(btc.minNotional()).isEqualByComparingTo("10");
        assertThat(btc.contractSize()).isEqualByComparingTo("1");
        assertThat(btc.priceScale()).isEqualTo(1);
        assertThat(btc.qtyScale()).isEqualTo(4);
        assertThat(instruments.get(1).lotSize()).isEqualByComparingTo("0.00001");
        assertThat(instruments.get(1).tickSize()).isEqualByComparingTo("0.01");
    }

    @Test
    void linearTakesTheLotFromQtyStepAndTheMinimumNotionalFromMinNotionalValue() {
        List<Instrument> instruments = new BybitProtocol(Market.LINEAR).parseInstruments(Fixtures.text("http_get_instruments_linear.json"));

        assertThat(instruments).extracting(Instrument::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        Instrument btc = instruments.getFirst();
        assertThat(btc.market()).isEqualTo(Market.LINEAR);
        assertThat(btc.tickSize()).isEqualByComparingTo("0.5");
        assertThat(btc.lotSize()).isEqualByComparingTo("0.001");
        assertThat(btc.minQty()).isEqualByComparingTo("0.001");
        assertThat(btc.minNotional()).isEqualByComparingTo("5");
        assertThat(btc.contractSize()).isEqualByComparingTo("1");
        Instrument eth = instruments.get(1);
        assertThat(eth.tickSize()).isEqualByComparingTo("0.05");
        assertThat(eth.lotSize()).isEqualByComparingTo("0.01");
        assertThat(eth.minQty()).isEqualByComparingTo("0.01");
    }

    @Test
    void instrumentsNotTradingAreLeftOut() {
        String body = Fixtures.text("http_get_instruments_linear.json").replaceFirst("\"Trading\"", "\"Closed\"");

        assertThat(new BybitProtocol(Market.LINEAR).parseInstruments(body))
                .extracting(Instrument::symbol).containsExactly("ETHUSDT");
    }

    @Test
    void aMissingMinimumNotionalIsZero() {
        String body = Fixtures.text("http_get_instruments_spot.json").replaceFirst("\"minOrderAmt\": \"10\",", "");

        assertThat(new BybitProtocol(Market.SPOT).parseInstruments(body).getFirst().minNotional()).isZero();
    }

    @Test
    void anErrorResponseIsReportedWithBybitsMessage() {
        String body = "{\"retCode\":10001,\"retMsg\":\"params error\",\"result\":{},\"time\":1700000000000}";

        assertThatThrownBy(() -> new BybitProtocol(Market.SPOT).parseInstruments(body))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10001")
                .hasMessageContaining("params error");
    }

    @Test
    void anInstrumentWithoutATickSizeIsReportedByName() {
        String body = Fixtures.text("http_get_instruments_spot.json").replaceFirst("\"tickSize\": \"0.1\"", "\"tickSize\": \"\"");

        assertThatThrownBy(() -> new BybitProtocol(Market.SPOT).parseInstruments(body))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BTCUSDT")
                .hasMessageContaining("tickSize");
    }
}

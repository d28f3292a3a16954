package io.crossbook.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instrument metadata from OKX's recorded {@code /api/v5/public/instruments} responses of 2022-05-13. */
class OkxInstrumentsTest {
    private static final Path EXCERPT = OkxTestData.resource("okx/OKX.0.excerpt");

    @Test
    void spotInstrumentsCarryOkxsTickLotAndMinimumSize() {
        List<Instrument> spot = parse(Market.SPOT, OkxTestData.instrumentsResponse(EXCERPT, "SPOT"));

        assertThat(spot).extracting(Instrument::symbol).containsExactly("BTC-USDT", "ETH-USDT", "SHIB-USDT", "ETH-BTC");
        Instrument btc = spot.getFirst();
        assertThat(btc.venue()).isEqualTo(Venue.OKX);
        assertThat(btc.market()).isEqualTo(Market.SPOT);
        assertThat(btc.base()).isEqualTo("BTC");
        assertThat(btc.quote()).isEqualTo("USDT");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
        assertThat(btc.lotSize()).isEqualByComparingTo("0.00000001");
        assertThat(btc.minQty()).isEqualByComparingTo("0.00001");
        assertThat(btc.minNotional()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(btc.contractSize()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(btc.priceScale()).isEqualTo(1);
        assertThat(btc.qtyScale()).isEqualTo(8);

        Instrument shib = spot.get(2);
        assertThat(shib.tickSize()).isEqualByComparingTo("0.00000001");
        assertThat(shib.lotSize()).isEqualByComparingTo("1");
        assertThat(shib.minQty()).isEqualByComparingTo("50000");
    }

    @Test
    void linearSwapsAreTheUsdtMarginedOnesInContractsOfTheBaseCurrency() {
        List<Instrument> linear = parse(Market.LINEAR, OkxTestData.instrumentsResponse(EXCERPT, "SWAP"));

        assertThat(linear).extracting(Instrument::symbol)
                .containsExactly("BTC-USDT-SWAP", "ETH-USDT-SWAP", "SHIB-USDT-SWAP");
        Instrument btc = linear.getFirst();
        assertThat(btc.market()).isEqualTo(Market.LINEAR);
        assertThat(btc.base()).isEqualTo("BTC");
        assertThat(btc.quote()).isEqualTo("USDT");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
        assertThat(btc.lotSize()).isEqualByComparingTo("1");
        assertThat(btc.minQty()).isEqualByComparingTo("1");
        assertThat(btc.contractSize()).isEqualByComparingTo("0.01");
        assertThat(linear.get(2).contractSize()).isEqualByComparingTo("1000000");
    }

    @Test
    void inverseSwapsAreTheCoinMarginedOnesInContractsOfUsd() {
        List<Instrument> inverse = parse(Market.INVERSE, OkxTestData.instrumentsResponse(EXCERPT, "SWAP"));

        assertThat(inverse).extracting(Instrument::symbol).containsExactly("BTC-USD-SWAP", "UNI-USD-SWAP");
        Instrument btc = inverse.getFirst();
        assertThat(btc.market()).isEqualTo(Market.INVERSE);
        assertThat(btc.base()).isEqualTo("BTC");
        assertThat(btc.quote()).isEqualTo("USD");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
        assertThat(btc.contractSize()).isEqualByComparingTo("100");
        assertThat(inverse.get(1).tickSize()).isEqualByComparingTo("0.001");
        assertThat(inverse.get(1).contractSize()).isEqualByComparingTo("10");
    }

    @Test
    void instrumentsThatAreNotLiveAreLeftOut() {
        String body = OkxTestData.instrumentsResponse(EXCERPT, "SPOT")
                .replaceFirst("\"state\":\"live\"", "\"state\":\"suspend\"");

        assertThat(parse(Market.SPOT, body)).extracting(Instrument::symbol)
                .containsExactly("ETH-USDT", "SHIB-USDT", "ETH-BTC");
    }

    @Test
    void anErrorResponseIsReportedWithOkxsCodeAndMessage() {
        String body = "{\"code\":\"50011\",\"data\":[],\"msg\":\"Rate limit reached. Please refer to API documentation "
                + "and throttle requests accordingly.\"}";

        assertThatThrownBy(() -> parse(Market.SPOT, body))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50011")
                .hasMessageContaining("Rate limit reached");
    }

    @Test
    void theWholeRecordedResponsesSplitIntoSpotLinearAndInverse() {
        Path full = OkxTestData.shared(OkxTestData.FULL_INSTRUMENTS);
        String spotBody = OkxTestData.instrumentsResponse(full, "SPOT");
        String swapBody = OkxTestData.instrumentsResponse(full, "SWAP");

        List<Instrument> linear = parse(Market.LINEAR, swapBody);
        List<Instrument> inverse = parse(Market.INVERSE, swapBody);

        assertThat(parse(Market.SPOT, spotBody)).hasSize(513);
        assertThat(linear).hasSize(126).allSatisfy(i -> assertThat(i.quote()).isEqualTo("USDT"));
        assertThat(inverse).hasSize(40).allSatisfy(i -> assertThat(i.quote()).isEqualTo("USD"));
        assertThat(inverse).allSatisfy(i -> assertThat(i.symbol()).isEqualTo(i.base() + "-USD-SWAP"));
        assertThat(linear).allSatisfy(i -> assertThat(i.symbol()).isEqualTo(i.base() + "-USDT-SWAP"));
    }

    @Test
    void theCurrentDocumentedResponseShapeParsesToo() {
        String body = read(OkxTestData.shared("okx/docs_examples/http_get_instruments_swap.json"));

        List<Instrument> linear = parse(Market.LINEAR, body);

        assertThat(linear).extracting(Instrument::symbol).containsExactly("ETH-USDT-SWAP", "BTC-USDT-SWAP");
        assertThat(linear.getFirst().lotSize()).isEqualByComparingTo("0.01");
        assertThat(linear.getFirst().qtyScale()).isEqualTo(2);
        assertThat(parse(Market.INVERSE, body)).extracting(Instrument::symbol).containsExactly("BTC-USD-SWAP");
    }

    private static List<Instrument> parse(Market market, String body) {
        return new OkxProtocol(market).parseInstruments(body);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

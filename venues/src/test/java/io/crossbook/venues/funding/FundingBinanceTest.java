package io.crossbook.venues.funding;

import static io.crossbook.venues.funding.FundingExamples.FETCHED_AT_MS;
import static io.crossbook.venues.funding.FundingExamples.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.MalformedMessageException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Reading Binance's {@code premiumIndex} answers, on the examples of Binance's docs. */
class FundingBinanceTest {
    private final BinanceFunding binance = new BinanceFunding();

    @Test
    void usdmAnswersOneObjectWhoseLastFundingRateIsSettledAtNextFundingTime() {
        FundingQuote quote = binance.parse(Market.LINEAR, "BTCUSDT", text("binance_usdm_premium_index.json"), FETCHED_AT_MS);

        assertThat(quote).isEqualTo(new FundingQuote(Venue.BINANCE, Market.LINEAR, "BTCUSDT",
                new BigDecimal("0.00038246"), 1_597_392_000_000L, FETCHED_AT_MS));
    }

    @Test
    void coinmAnswersAnArrayFromWhichThePerpetualIsTaken() {
        FundingQuote quote = binance.parse(Market.INVERSE, "BTCUSD_PERP", text("binance_coinm_premium_index.json"),
                FETCHED_AT_MS);

        assertThat(quote).isEqualTo(new FundingQuote(Venue.BINANCE, Market.INVERSE, "BTCUSD_PERP",
                new BigDecimal("0.00071003"), 1_596_096_000_000L, FETCHED_AT_MS));
    }

    @Test
    void aDeliveryContractHasNoFundingRate() {
        assertThatThrownBy(() -> binance.parse(Market.INVERSE, "BTCUSD_200925", text("binance_coinm_premium_index.json"),
                FETCHED_AT_MS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSD_200925 on binance inverse has no funding rate: it is not a perpetual swap");
    }

    @Test
    void aRefusalCarriesBinancesCodeAndMessage() {
        assertThatThrownBy(() -> binance.parse(Market.LINEAR, "BTCUSDX", "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}",
                FETCHED_AT_MS))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
                    assertThat(e.venue()).isEqualTo(Venue.BINANCE);
                    assertThat(e.exchangeCode()).isEqualTo("-1121");
                    assertThat(e.exchangeMessage()).isEqualTo("Invalid symbol.");
                })
                .hasMessage("binance refused the request (HTTP 200, code -1121): Invalid symbol.");
    }

    @Test
    void anAnswerAboutAnotherSymbolIsNotTakenForTheOneAsked() {
        assertThatThrownBy(() -> binance.parse(Market.LINEAR, "ETHUSDT", text("binance_usdm_premium_index.json"),
                FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Binance premiumIndex answer for ETHUSDT has no entry for ETHUSDT");
    }

    @Test
    void aRateAsAJsonNumberIsRefusedBecauseItWouldNotBeExact() {
        String body = text("binance_usdm_premium_index.json").replace("\"0.00038246\"", "0.00038246");

        assertThatThrownBy(() -> binance.parse(Market.LINEAR, "BTCUSDT", body, FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Binance premiumIndex answer for BTCUSDT has no decimal string lastFundingRate");
    }

    @Test
    void aPerpetualWithoutNextFundingTimeIsMalformed() {
        String body = text("binance_usdm_premium_index.json").replace("1597392000000", "0");

        assertThatThrownBy(() -> binance.parse(Market.LINEAR, "BTCUSDT", body, FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Binance premiumIndex answer for BTCUSDT: nextFundingTime is not a time in ms: 0");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        String truncated = text("binance_usdm_premium_index.json").substring(0, 60);

        assertThatThrownBy(() -> binance.parse(Market.LINEAR, "BTCUSDT", truncated, FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("Binance premiumIndex answer for BTCUSDT is not JSON: ");
    }
}

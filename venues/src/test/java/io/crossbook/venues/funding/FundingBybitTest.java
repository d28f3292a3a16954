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

/** Reading Bybit's {@code /v5/market/tickers} answers, on the example of Bybit's docs. */
class FundingBybitTest {
    private static final String INVERSE = text("bybit_tickers_inverse.json");
    /** Bybit documents one response for linear and inverse and gives an inverse example only. */
    private static final String LINEAR = INVERSE.replace("\"inverse\"", "\"linear\"").replace("\"BTCUSD\"", "\"BTCUSDT\"");

    private final BybitFunding bybit = new BybitFunding();

    @Test
    void inverseFundingRateIsSettledAtNextFundingTime() {
        assertThat(bybit.parse(Market.INVERSE, "BTCUSD", INVERSE, FETCHED_AT_MS)).isEqualTo(new FundingQuote(
                Venue.BYBIT, Market.INVERSE, "BTCUSD", new BigDecimal("-0.001034"), 1_672_387_200_000L, FETCHED_AT_MS));
    }

    @Test
    void linearIsReadTheSameWay() {
        assertThat(bybit.parse(Market.LINEAR, "BTCUSDT", LINEAR, FETCHED_AT_MS)).isEqualTo(new FundingQuote(
                Venue.BYBIT, Market.LINEAR, "BTCUSDT", new BigDecimal("-0.001034"), 1_672_387_200_000L, FETCHED_AT_MS));
    }

    @Test
    void aRefusalCarriesBybitsCodeAndMessage() {
        String refusal = "{\"retCode\":10001,\"retMsg\":\"Not supported symbols\",\"result\":{},\"retExtInfo\":{},"
                + "\"time\":1726147060461}";

        assertThatThrownBy(() -> bybit.parse(Market.LINEAR, "BTCUSDX", refusal, FETCHED_AT_MS))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
                    assertThat(e.venue()).isEqualTo(Venue.BYBIT);
                    assertThat(e.exchangeCode()).isEqualTo("10001");
                    assertThat(e.exchangeMessage()).isEqualTo("Not supported symbols");
                })
                .hasMessage("bybit refused the request (HTTP 200, code 10001): Not supported symbols");
    }

    @Test
    void anAnswerWithoutRetCodeIsMalformed() {
        assertThatThrownBy(() -> bybit.parse(Market.INVERSE, "BTCUSD", INVERSE.replace("\"retCode\"", "\"code\""),
                FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Bybit tickers answer for BTCUSD has no retCode");
    }

    @Test
    void anAnswerWithoutAListIsMalformed() {
        assertThatThrownBy(() -> bybit.parse(Market.INVERSE, "BTCUSD", "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{}}",
                FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Bybit tickers answer for BTCUSD has no list array");
    }

    @Test
    void aRateThatIsNotADecimalIsMalformed() {
        assertThatThrownBy(() -> bybit.parse(Market.INVERSE, "BTCUSD", INVERSE.replace("\"-0.001034\"", "\"-0.1%\""),
                FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Bybit tickers answer for BTCUSD: fundingRate is not a decimal: '-0.1%'");
    }

    @Test
    void aNextFundingTimeThatIsNotATimeIsMalformed() {
        assertThatThrownBy(() -> bybit.parse(Market.INVERSE, "BTCUSD", INVERSE.replace("\"1672387200000\"", "\"soon\""),
                FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Bybit tickers answer for BTCUSD: nextFundingTime is not a time in ms: \"soon\"");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> bybit.parse(Market.INVERSE, "BTCUSD", "<html>502 Bad Gateway</html>", FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("Bybit tickers answer for BTCUSD is not JSON: ");
    }
}

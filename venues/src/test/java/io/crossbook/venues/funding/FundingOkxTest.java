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

/** Reading OKX's {@code /api/v5/public/funding-rate} answers, on the example of OKX's docs. */
class FundingOkxTest {
    private static final String LINEAR = text("okx_funding_rate.json");
    /** OKX's example answers for BTC-USDT-SWAP; coin-margined swaps answer in the same shape. */
    private static final String INVERSE = LINEAR.replace("\"BTC-USDT-SWAP\"", "\"BTC-USD-SWAP\"");

    private final OkxFunding okx = new OkxFunding();

    @Test
    void fundingRateIsSettledAtFundingTimeNotAtTheNextFundingTimeAfterIt() {
        assertThat(okx.parse(Market.LINEAR, "BTC-USDT-SWAP", LINEAR, FETCHED_AT_MS)).isEqualTo(new FundingQuote(
                Venue.OKX, Market.LINEAR, "BTC-USDT-SWAP", new BigDecimal("0.0000792386885340"), 1_703_088_000_000L,
                FETCHED_AT_MS));
    }

    @Test
    void inverseSwapsAreReadTheSameWay() {
        assertThat(okx.parse(Market.INVERSE, "BTC-USD-SWAP", INVERSE, FETCHED_AT_MS)).isEqualTo(new FundingQuote(
                Venue.OKX, Market.INVERSE, "BTC-USD-SWAP", new BigDecimal("0.0000792386885340"), 1_703_088_000_000L,
                FETCHED_AT_MS));
    }

    @Test
    void aRefusalCarriesOkxsCodeAndMessage() {
        String refusal = "{\"code\":\"51001\",\"msg\":\"Instrument ID doesn't exist\",\"data\":[]}";

        assertThatThrownBy(() -> okx.parse(Market.LINEAR, "BTC-USDX-SWAP", refusal, FETCHED_AT_MS))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
                    assertThat(e.venue()).isEqualTo(Venue.OKX);
                    assertThat(e.exchangeCode()).isEqualTo("51001");
                    assertThat(e.exchangeMessage()).isEqualTo("Instrument ID doesn't exist");
                })
                .hasMessage("okx refused the request (HTTP 200, code 51001): Instrument ID doesn't exist");
    }

    @Test
    void anAnswerWithoutCodeIsMalformed() {
        assertThatThrownBy(() -> okx.parse(Market.LINEAR, "BTC-USDT-SWAP", "{\"data\":[]}", FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("OKX funding-rate answer for BTC-USDT-SWAP has no code");
    }

    @Test
    void anAnswerAboutAnotherSwapIsNotTakenForTheOneAsked() {
        assertThatThrownBy(() -> okx.parse(Market.INVERSE, "BTC-USD-SWAP", LINEAR, FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("OKX funding-rate answer for BTC-USD-SWAP has no entry for BTC-USD-SWAP");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> okx.parse(Market.LINEAR, "BTC-USDT-SWAP", "{\"code\":\"0\",\"data\":[{", FETCHED_AT_MS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("OKX funding-rate answer for BTC-USDT-SWAP is not JSON: ");
    }
}

package io.crossbook.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.ExchangeUnavailableException;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.RestResponse;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v3/account} answers in the shape of Binance's documentation (the values are made up). */
class BinanceAccountTest {
    private static final String ENDPOINT = "GET api.binance.com/api/v3/account";

    @Test
    void readsEachAssetsFreeAndLockedAmountExactly() {
        String body = """
                {"makerCommission":15,"takerCommission":15,"buyerCommission":0,"sellerCommission":0,
                 "commissionRates":{"maker":"0.00150000","taker":"0.00150000","buyer":"0.00000000","seller":"0.00000000"},
                 "canTrade":true,"canWithdraw":true,"canDeposit":true,"brokered":false,"requireSelfTradePrevention":false,
                 "preventSor":false,"updateTime":123456789,"accountType":"SPOT",
                 "balances":[{"asset":"BTC","free":"4723846.89208129","locked":"0.00000000"},
                             {"asset":"LTC","free":"0.00000000","locked":"0.10000001"},
                             {"asset":"ETH","free":"0.00000000","locked":"0.00000000"}],
                 "permissions":["SPOT"],"uid":354937868}""";

        assertThat(BinanceAccount.parse(new RestResponse(ENDPOINT, 200, body))).containsExactly(
                new Balance("BTC", new BigDecimal("4723846.89208129"), new BigDecimal("0.00000000")),
                new Balance("LTC", new BigDecimal("0.00000000"), new BigDecimal("0.10000001")));
    }

    @Test
    void aRefusalCarriesBinancesCodeAndMessage() {
        RestResponse answer = new RestResponse(ENDPOINT, 401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}");

        assertThatThrownBy(() -> BinanceAccount.parse(answer))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
                    assertThat(e.venue()).isEqualTo(Venue.BINANCE);
                    assertThat(e.exchangeCode()).isEqualTo("-2015");
                    assertThat(e.exchangeMessage()).isEqualTo("Invalid API-key, IP, or permissions for action.");
                })
                .hasMessage("binance refused the request (HTTP 401, code -2015): Invalid API-key, IP, or permissions for action.");
    }

    @Test
    void aPageThatIsNotJsonMeansBinanceWasNotReached() {
        RestResponse firewall = new RestResponse(ENDPOINT, 403, "<html><body>403 Forbidden</body></html>");

        assertThatThrownBy(() -> BinanceAccount.parse(firewall))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("HTTP 403").hasMessageContaining("not JSON");
    }

    @Test
    void anAnswerWithoutBalancesIsMalformed() {
        assertThatThrownBy(() -> BinanceAccount.parse(new RestResponse(ENDPOINT, 200, "{\"canTrade\":true}")))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("balances");
    }
}

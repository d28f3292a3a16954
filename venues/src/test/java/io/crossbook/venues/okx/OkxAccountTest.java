package io.crossbook.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.RestResponse;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v5/account/balance} answers in the shape of OKX's documentation (the values are made up). */
class OkxAccountTest {
    private static final String ENDPOINT = "GET www.okx.com/api/v5/account/balance";

    @Test
    void readsAvailableAndFrozenBalances() {
        String body = """
                {"code":"0","data":[{"adjEq":"","borrowFroz":"","details":[
                  {"availBal":"1000.5","availEq":"","cashBal":"1200.5","ccy":"USDT","crossLiab":"","disEq":"1200.5",
                   "eq":"1200.5","eqUsd":"1200.5","fixedBal":"0","frozenBal":"200","imr":"","interest":"","isoEq":"0",
                   "isoLiab":"","isoUpl":"0","liab":"","maxLoan":"","mgnRatio":"","mmr":"","notionalLever":"",
                   "ordFrozen":"200","spotInUseAmt":"","spotIsoBal":"0","stgyEq":"0","twap":"0","uTime":"1705449605015",
                   "upl":"0","uplLiab":""},
                  {"availBal":"","cashBal":"0.3","ccy":"BTC","frozenBal":"0.1"},
                  {"availBal":"0","cashBal":"0","ccy":"ETH","frozenBal":"0"}],
                 "imr":"","isoEq":"0","mgnRatio":"","mmr":"","notionalUsd":"","ordFroz":"","totalEq":"1200.5",
                 "uTime":"1705474164160","upl":"0"}],"msg":""}""";

        assertThat(OkxAccount.parse(new RestResponse(ENDPOINT, 200, body))).containsExactly(
                new Balance("USDT", new BigDecimal("1000.5"), new BigDecimal("200")),
                new Balance("BTC", new BigDecimal("0.2"), new BigDecimal("0.1")));
    }

    @Test
    void aRefusalCarriesOkxsCodeAndMessage() {
        RestResponse answer = new RestResponse(ENDPOINT, 401, "{\"msg\":\"Invalid OK-ACCESS-KEY\",\"code\":\"50111\"}");

        assertThatThrownBy(() -> OkxAccount.parse(answer))
                .isInstanceOf(ExchangeRejectedException.class)
                .hasMessage("okx refused the request (HTTP 401, code 50111): Invalid OK-ACCESS-KEY");
    }
}

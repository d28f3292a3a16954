package io.crossbook.venues.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.RestResponse;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@code GET /v5/account/wallet-balance} answers in the shape of Bybit's documentation (the values are made up). */
class BybitAccountTest {
    private static final String ENDPOINT = "GET api.bybit.com/v5/account/wallet-balance";

    @Test
    void freeIsTheWalletBalanceLessWhatSpotOrdersLock() {
        String body = """
                {"retCode":0,"retMsg":"OK","result":{"list":[{"totalEquity":"3.31216591","accountIMRate":"0",
                 "totalMarginBalance":"3.00326056","totalInitialMargin":"0","accountType":"UNIFIED",
                 "totalAvailableBalance":"3.00326056","accountMMRate":"0","totalPerpUPL":"0","totalWalletBalance":"3.00326056",
                 "accountLTV":"0","totalMaintenanceMargin":"0","coin":[
                  {"availableToBorrow":"","bonus":"0","accruedInterest":"0","availableToWithdraw":"","totalOrderIM":"0",
                   "equity":"0.5","totalPositionMM":"0","usdValue":"30000","unrealisedPnl":"0","collateralSwitch":true,
                   "spotHedgingQty":"0","borrowAmount":"0","totalPositionIM":"0","walletBalance":"0.5",
                   "cumRealisedPnl":"0","locked":"0.1","marginCollateral":true,"coin":"BTC"},
                  {"walletBalance":"1000.25","locked":"","coin":"USDT"},
                  {"walletBalance":"0","locked":"0","coin":"ETH"}]}]},
                 "retExtInfo":{},"time":1690872862481}""";

        assertThat(BybitAccount.parse(new RestResponse(ENDPOINT, 200, body))).containsExactly(
                new Balance("BTC", new BigDecimal("0.4"), new BigDecimal("0.1")),
                new Balance("USDT", new BigDecimal("1000.25"), BigDecimal.ZERO));
    }

    @Test
    void aNonZeroRetCodeIsARefusalWithBybitsMessage() {
        RestResponse answer = new RestResponse(ENDPOINT, 401,
                "{\"retCode\":10003,\"retMsg\":\"API key is invalid.\",\"result\":{},\"retExtInfo\":{},\"time\":1714065629010}");

        assertThatThrownBy(() -> BybitAccount.parse(answer))
                .isInstanceOf(ExchangeRejectedException.class)
                .hasMessage("bybit refused the request (HTTP 401, code 10003): API key is invalid.");
    }

    @Test
    void aRefusalUnderHttp200IsStillARefusal() {
        RestResponse answer = new RestResponse(ENDPOINT, 200,
                "{\"retCode\":10004,\"retMsg\":\"error sign!\",\"result\":{},\"retExtInfo\":{},\"time\":1714065629010}");

        assertThatThrownBy(() -> BybitAccount.parse(answer))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.exchangeCode()).isEqualTo("10004"));
    }
}

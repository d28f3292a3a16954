package io.crossbook.core.risk;

import static io.crossbook.core.model.OrderSide.BUY;
import static io.crossbook.core.model.OrderSide.SELL;
import static io.crossbook.core.risk.RiskFixture.BINANCE_SPOT;
import static io.crossbook.core.risk.RiskFixture.BYBIT_PERP;
import static io.crossbook.core.risk.RiskFixture.ETH_BTC;
import static io.crossbook.core.risk.RiskFixture.OKX_SPOT;
import static io.crossbook.core.risk.RiskFixture.assertAllowed;
import static io.crossbook.core.risk.RiskFixture.assertRefused;
import static io.crossbook.core.risk.RiskFixture.assertRefusedBy;
import static io.crossbook.core.risk.RiskFixture.book;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.exec.ExecutionResult.Outcome;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Venue;
import io.crossbook.core.risk.RiskFixture.Sent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pre-trade checks, each at its boundary: an order exactly at a limit goes, one smallest step
 * past it (a lot, a tick, a cent) is refused by that rule. Orders go through the risk engine's gate
 * to a paper venue; taker fee 0.1 %, every account 10000 USDT and 0.1 BTC unless said otherwise.
 */
class RiskEngineChecksTest {
    final RiskFixture f = new RiskFixture();

    // ---- slippage ----

    @Test
    void slippageAgainstTheExpectedPriceIsAllowedAtTheLimitAndRefusedOneTickPast() {
        // maxSlippagePercent 0.5: a buy expecting 50000 may pay a VWAP up to 50000 × 1.005 = 50250
        f.show(book(BINANCE_SPOT).bid("49990.00", "1").ask("50250.00", "1"));
        Sent atLimit = f.trade(f.market(BINANCE_SPOT, BUY, "0.01", "50000"));
        assertAllowed(atLimit);
        assertThat(atLimit.fills()).singleElement().extracting(OrderEvent.Filled::price)
                .isEqualTo(new BigDecimal("50250.00"));

        // one tick worse: (50250.01 − 50000) / 50000 = 0.50002 %
        f.show(book(BINANCE_SPOT).bid("49990.00", "1").ask("50250.01", "1"));
        Sent past = f.submit(f.market(BINANCE_SPOT, BUY, "0.01", "50000"));
        assertRefused(past, "slippage");
        assertThat(past.rejected().message()).contains("50250.01").contains("50000");
    }

    @Test
    void aSellsSlippageIsMeasuredDownwardsFromTheExpectedPrice() {
        // a sell expecting 50000 may get a VWAP down to 50000 × 0.995 = 49750
        f.show(book(BINANCE_SPOT).bid("49750.00", "1").ask("50000.00", "1"));
        assertAllowed(f.trade(f.market(BINANCE_SPOT, SELL, "0.01", "50000")));

        // (50000 − 49749.99) / 50000 = 0.50002 %
        f.show(book(BINANCE_SPOT).bid("49749.99", "1").ask("50000.00", "1"));
        assertRefused(f.submit(f.market(BINANCE_SPOT, SELL, "0.01", "50000")), "slippage");
    }

    @Test
    void withoutAnExpectedPriceAMarketOrderWalkingTheBookIsMeasuredFromItsTop() {
        f.show(book(BINANCE_SPOT).bid("49990.00", "1").ask("50000.00", "0.01").ask("50500.00", "1"));
        // 0.02 takes both levels: (0.01 × 50000 + 0.01 × 50500) / 0.02 = 1005 / 0.02 = 50250, 0.5 % above the top
        Sent atLimit = f.trade(f.market(BINANCE_SPOT, BUY, "0.02"));
        assertAllowed(atLimit);
        assertThat(atLimit.fills()).extracting(OrderEvent.Filled::price)
                .containsExactly(new BigDecimal("50000.00"), new BigDecimal("50500.00"));

        // one lot more: (500 + 0.01001 × 50500) / 0.02001 = 1005.505 / 0.02001 = 50250.2499 (0.50050 %)
        assertRefused(f.submit(f.market(BINANCE_SPOT, BUY, "0.02001")), "slippage");
    }

    // ---- order_notional ----

    @Test
    void orderNotionalIsAllowedAtTheLimitAndRefusedOneLotPast() {
        f.setLimits("maxOrderNotional", "5000");
        // 0.1 × 50000 = 5000
        assertAllowed(f.trade(f.market(BINANCE_SPOT, BUY, "0.1")));
        // 0.10001 × 50000 = 5000.50
        Sent past = f.submit(f.market(BINANCE_SPOT, BUY, "0.10001"));
        assertRefused(past, "order_notional");
        assertThat(past.rejected().message()).isEqualTo(
                "order_notional: order notional 5000.50 USD exceeds maxOrderNotional 5000.00 USD");
    }

    @Test
    void theNotionalOfAWalkIsExactEvenWhenItsVwapDoesNotTerminate() {
        f.setLimits("maxOrderNotional", "900.02");
        f.show(book(BINANCE_SPOT).bid("29990.00", "1").ask("30000.00", "0.01").ask("30001.00", "1"));
        // 0.03 costs 0.01 × 30000 + 0.02 × 30001 = 300 + 600.02 = 900.02 exactly (VWAP 30000.666…)
        assertAllowed(f.trade(f.market(BINANCE_SPOT, BUY, "0.03")));
        // one lot more: 300 + 0.02001 × 30001 = 900.32001
        assertRefused(f.submit(f.market(BINANCE_SPOT, BUY, "0.03001")), "order_notional");
    }

    // ---- position_venue ----

    @Test
    void aVenuesPositionCountsItsHoldingsAndIsAllowedAtTheLimit() {
        f.setLimits("maxPositionPerVenue", "6000");
        // Binance holds 0.1 BTC: buying 0.02 at 50000 takes it to 0.12 × 50000 = 6000
        assertAllowed(f.trade(f.market(BINANCE_SPOT, BUY, "0.02")));
        assertThat(f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.12");
        // one lot more: 0.12001 × 50000 = 6000.50
        Sent past = f.submit(f.market(BINANCE_SPOT, BUY, "0.00001"));
        assertRefused(past, "position_venue");
        assertThat(past.rejected().message()).contains("BTC on binance from 0.12 to 0.12001").contains("6000.50 USD");
        // the other venues hold only 0.1 BTC each
        assertAllowed(f.submit(f.market(OKX_SPOT, BUY, "0.02")));
    }

    @Test
    void aPerpPositionAddsToTheVenuesHoldings() {
        f.setLimits("maxPositionPerVenue", "6000");
        f.show(book(BYBIT_PERP).bid("49990.0", "1").ask("50000.0", "1"));
        // Bybit holds 0.1 BTC and no position: a long of 0.02 makes 0.12 × 50000 = 6000
        assertAllowed(f.trade(f.market(BYBIT_PERP, BUY, "0.02")));
        assertThat(f.accounts.get(Venue.BYBIT).exposure("BTC")).isEqualByComparingTo("0.12");
        // one lot (0.001) more: 0.121 × 50000 = 6050
        assertRefused(f.submit(f.market(BYBIT_PERP, BUY, "0.001")), "position_venue");
    }

    @Test
    void aShortPerpPositionCountsAgainstTheHoldings() {
        f.setLimits("maxPositionPerVenue", "6000", "maxOrderNotional", "20000");
        f.show(book(BYBIT_PERP).bid("50000.0", "1").ask("50010.0", "1"));
        // 0.1 BTC held, a short of 0.22: exposure 0.1 − 0.22 = −0.12, |−0.12| × 50000 = 6000
        assertAllowed(f.trade(f.market(BYBIT_PERP, SELL, "0.22")));
        assertThat(f.accounts.get(Venue.BYBIT).exposure("BTC")).isEqualByComparingTo("-0.12");
        // −0.121 × 50000 = 6050 in absolute value
        assertRefused(f.submit(f.market(BYBIT_PERP, SELL, "0.001")), "position_venue");
        // buying back reduces it
        assertAllowed(f.submit(f.market(BYBIT_PERP, BUY, "0.001")));
    }

    @Test
    void anOrderThatReducesTheVenuesExposureIsAllowedEvenAboveTheLimit() {
        f.setLimits("maxPositionPerVenue", "1000");
        // Binance already holds 0.1 BTC, 5000 at the ask: above the limit, and a buy would add to it
        assertRefused(f.submit(f.market(BINANCE_SPOT, BUY, "0.00001")), "position_venue");
        // a sell takes it from 0.1 to 0.09 (4499.10 at the bid, still above): allowed
        Sent reduce = f.trade(f.market(BINANCE_SPOT, SELL, "0.01"));
        assertAllowed(reduce);
        assertThat(reduce.closed()).isTrue();
        assertThat(f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.09");
    }

    // ---- position_asset ----

    @Test
    void anAssetsPositionAddsUpEveryVenue() {
        f.setLimits("maxPositionPerAsset", "16000");
        // three venues hold 0.1 BTC each: buying 0.02 on Binance makes 0.32 × 50000 = 16000
        assertAllowed(f.trade(f.market(BINANCE_SPOT, BUY, "0.02")));
        // one lot more on OKX, whose own 0.1 BTC is far from any venue limit: 0.32001 × 50000 = 16000.50
        Sent past = f.submit(f.market(OKX_SPOT, BUY, "0.00001"));
        assertRefused(past, "position_asset");
        assertThat(past.rejected().message()).contains("BTC across all venues from 0.32 to 0.32001")
                .contains("16000.50 USD");
        // an order that reduces one venue's exposure is allowed
        assertAllowed(f.trade(f.market(BYBIT_PERP, SELL, "0.01")));
        assertThat(f.accounts.get(Venue.BYBIT).exposure("BTC")).isEqualByComparingTo("0.09");
        // and makes room: 0.31 + 0.01 = 0.32 × 50000 = 16000 again
        assertAllowed(f.submit(f.market(OKX_SPOT, BUY, "0.01")));
    }

    // ---- daily_loss ----

    @Test
    void theDaysRealisedLossIsAllowedAtTheLimitAndRefusedPastItUntilTheNextUtcDay() {
        // maxDailyLoss 500 (the default): two executions lose 300 and 200
        f.executed("p1", Outcome.FILLED, "-300");
        f.executed("p1", Outcome.FILLED, "-200");
        assertThat(f.status().dailyPnl()).isEqualByComparingTo("-500");
        assertAllowed(f.trade(f.market(BINANCE_SPOT, BUY, "0.01")));

        // one cent more: a loss of 500.01
        f.executed("p1", Outcome.FILLED, "-0.01");
        Sent past = f.submit(f.market(BINANCE_SPOT, BUY, "0.01"));
        assertRefused(past, "daily_loss");
        assertThat(past.rejected().message()).contains("500.01 USD exceeds maxDailyLoss 500.00 USD");
        // an order that reduces an exposure still goes
        assertAllowed(f.trade(f.market(BINANCE_SPOT, SELL, "0.01")));
        // a profit counts too: back to a loss of exactly 500
        f.executed("p1", Outcome.FILLED, "0.01");
        assertAllowed(f.trade(f.market(OKX_SPOT, BUY, "0.01")));
        f.executed("p1", Outcome.FILLED, "-0.01");

        // the last millisecond of the UTC day, then midnight
        f.at(Instant.parse("2025-06-02T23:59:59.999Z").toEpochMilli());
        assertRefused(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")), "daily_loss");
        f.at(Instant.parse("2025-06-03T00:00:00Z").toEpochMilli());
        assertAllowed(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")));
        assertThat(f.status().dailyPnl()).isEqualByComparingTo("0");
    }

    @Test
    void aLossSeededFromTheHistoryCounts() {
        f.run(() -> f.risk.seedDailyPnl(new BigDecimal("-500.01")));
        assertRefused(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")), "daily_loss");
    }

    // ---- open_orders ----

    @Test
    void openOrdersAreCountedAcrossVenuesUntilTheyClose() {
        f.setLimits("maxOpenOrders", 3);
        // limits below the ask (50000 / 50010) rest
        OrderRequest first = f.gtc(BINANCE_SPOT, BUY, "0.01", "40000");
        assertAllowed(f.trade(first));
        assertAllowed(f.trade(f.gtc(BYBIT_PERP, BUY, "0.01", "40000")));
        assertAllowed(f.trade(f.gtc(BINANCE_SPOT, BUY, "0.01", "40001")));
        assertThat(f.paper.get(Venue.BINANCE).openOrders()).hasSize(2);
        assertThat(f.status().openOrders()).isEqualTo(3);

        Sent fourth = f.submit(f.gtc(OKX_SPOT, BUY, "0.01", "40000"));
        assertRefused(fourth, "open_orders");
        assertThat(fourth.rejected().message()).isEqualTo("open_orders: 3 orders open, maxOpenOrders 3");

        f.cancel(first);
        f.settle();
        assertThat(f.status().openOrders()).isEqualTo(2);
        assertAllowed(f.submit(f.gtc(OKX_SPOT, BUY, "0.01", "40000")));
    }

    @Test
    void anOrderThatFillsStopsCountingWhenItCloses() {
        f.setLimits("maxOpenOrders", 1);
        Sent market = f.submit(f.market(BINANCE_SPOT, BUY, "0.01"));
        assertAllowed(market);
        // still in flight to the matching
        assertRefused(f.submit(f.market(OKX_SPOT, BUY, "0.01")), "open_orders");
        f.settle();
        assertThat(market.closed()).isTrue();
        assertAllowed(f.submit(f.market(OKX_SPOT, BUY, "0.01")));
    }

    @Test
    void anExecutionsLegsCountTogether() {
        f.setLimits("maxOpenOrders", 2);
        assertThat(f.check("p1")).isNull(); // 0 open + 2 legs
        assertAllowed(f.trade(f.gtc(OKX_SPOT, BUY, "0.01", "40000")));
        // 1 open + 2 legs = 3: the second leg is refused
        RiskRefusal r = f.check("p1");
        assertThat(r.rule()).isEqualTo("open_orders");
        assertThat(r.message()).isEqualTo("2 orders open, maxOpenOrders 2");
    }

    // ---- balance ----

    @Test
    void aSpotBuyMayUseTheWholeFreeQuoteIncludingTheFee() {
        RiskFixture f = new RiskFixture(Map.of(Venue.BINANCE, Map.of("USDT", "5005", "BTC", "0")));
        // one lot more than affordable: 0.10001 × 50000 = 5000.50 plus fee 5.0005 = 5005.5005 > 5005
        Sent past = f.submit(f.market(BINANCE_SPOT, BUY, "0.10001"));
        assertRefused(past, "balance");
        assertThat(past.rejected().message()).isEqualTo("balance: binance account: the order needs 5005.5005 USDT, "
                + "5005 free");
        // 0.1 × 50000 = 5000 plus the 0.1 % fee 5: exactly the 5005 USDT free
        Sent exact = f.trade(f.market(BINANCE_SPOT, BUY, "0.1"));
        assertAllowed(exact);
        assertThat(exact.closed()).isTrue();
        assertThat(f.accounts.get(Venue.BINANCE).free("USDT")).isEqualByComparingTo("0");
        assertThat(f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0.1");
    }

    @Test
    void aSpotSellNeedsTheBaseItSells() {
        // 0.1 BTC free: selling 0.10001 would need one lot more (it reduces the exposure, so only the balance stops it)
        Sent past = f.submit(f.market(BINANCE_SPOT, SELL, "0.10001"));
        assertRefused(past, "balance");
        assertThat(past.rejected().message()).endsWith("needs 0.10001 BTC, 0.1 free");
        assertAllowed(f.trade(f.market(BINANCE_SPOT, SELL, "0.1")));
        assertThat(f.accounts.get(Venue.BINANCE).free("BTC")).isEqualByComparingTo("0");
    }

    // ---- liquidity ----

    @Test
    void theSideAnOrderTakesMustHoldMinBookLiquidity() {
        // minBookLiquidity 10000 (the default): 0.2 × 50000 = 10000 on the asks
        f.show(book(BINANCE_SPOT).bid("49990.00", "0.00001").ask("50000.00", "0.2"));
        assertAllowed(f.trade(f.market(BINANCE_SPOT, BUY, "0.01")));
        // one lot less: 0.19999 × 50000 = 9999.50
        f.show(book(BINANCE_SPOT).bid("49990.00", "1").ask("50000.00", "0.19999"));
        Sent past = f.submit(f.market(BINANCE_SPOT, BUY, "0.01"));
        assertRefused(past, "liquidity");
        assertThat(past.rejected().message()).contains("9999.50 USD").contains("below minBookLiquidity 10000.00 USD");
        // the bids hold plenty: a sell goes
        assertAllowed(f.submit(f.market(BINANCE_SPOT, SELL, "0.01")));
    }

    @Test
    void anOrderDeeperThanTheBookIsRefused() {
        f.show(book(BINANCE_SPOT).bid("49990.00", "1").ask("50000.00", "0.1").ask("50001.00", "0.1"));
        assertAllowed(f.submit(f.market(BINANCE_SPOT, BUY, "0.02")));
        Sent deeper = f.submit(f.market(BINANCE_SPOT, BUY, "0.20001"));
        assertRefused(deeper, "liquidity");
        assertThat(deeper.rejected().message()).contains("holds only 0.2 of the order's 0.20001 within 2 levels");
    }

    @Test
    void withoutABookOrWithAnEmptySideNothingGoes() {
        f.books.remove(BINANCE_SPOT.id());
        Sent noBook = f.submit(f.market(BINANCE_SPOT, BUY, "0.01"));
        assertRefused(noBook, "liquidity");
        assertThat(noBook.rejected().message()).contains("has no valid book");

        f.show(book(OKX_SPOT).bid("49990.0", "1"));
        assertRefused(f.submit(f.market(OKX_SPOT, BUY, "0.01")), "liquidity");
        assertAllowed(f.submit(f.market(OKX_SPOT, SELL, "0.01")));
    }

    // ---- spread ----

    /** Buy 0.01 on Binance at 49750, sell 0.01 on the Bybit perp at {@code sell}, each at the book's top. */
    OrderRequest[] legs(String sell) {
        f.show(book(BINANCE_SPOT).bid("49740.00", "1").ask("49750.00", "1"));
        f.show(book(BYBIT_PERP).bid(sell, "1").ask("50300.0", "1"));
        return new OrderRequest[] {
            f.market(BINANCE_SPOT, BUY, "0.01", "49750"), f.market(BYBIT_PERP, SELL, "0.01", sell)};
    }

    @Test
    void anAutomaticExecutionNeedsThePairsThresholdAtSendTime() {
        f.setLimits("minSpreadPercent", "5"); // not what an automatic execution is held to
        // (50250 × 0.999 − 49750 × 1.001) / 50000 × 100 = (50199.75 − 49799.75) / 500 = 0.8 %
        assertThat(f.check("p1", true, "0.8", legs("50250.0"))).isNull();
        // one tick lower: (50249.9 × 0.999 − 49799.75) / 49999.95 × 100 = 399.9001 / 499.9995 = 0.79980 %
        RiskRefusal past = f.check("p1", true, "0.8", legs("50249.9"));
        assertThat(past.rule()).isEqualTo("spread");
        assertThat(past.message()).isEqualTo("net spread at send time 0.7998% is below the pair's threshold 0.8%");
        assertThat(f.alerts("RISK_REJECTED")).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("spread");
            assertThat(a.pairId()).isEqualTo("p1");
        });
    }

    @Test
    void aManualExecutionNeedsMinSpreadPercentWhateverThePairsThreshold() {
        f.setLimits("minSpreadPercent", "0.8");
        assertThat(f.check("p1", false, "5", legs("50250.0"))).isNull();
        RiskRefusal past = f.check("p1", false, "5", legs("50249.9"));
        assertThat(past.rule()).isEqualTo("spread");
        assertThat(past.message()).endsWith("is below minSpreadPercent 0.8%");
    }

    // ---- valuation ----

    @Test
    void anInstrumentQuotedInBtcIsRefused() {
        f.show(book(ETH_BTC).bid("0.02500", "10").ask("0.02501", "10"));
        Sent sent = f.submit(f.market(ETH_BTC, BUY, "0.1"));
        assertRefused(sent, "valuation");
        assertThat(sent.rejected().message()).contains("binance:spot:ETHBTC is quoted in BTC");
    }

    // ---- state ----

    @Test
    void haltedRefusesEveryOrderAndExecution() {
        f.run(() -> f.risk.setState(TradingState.HALTED, "test"));
        Sent buy = f.submit(f.market(BINANCE_SPOT, BUY, "0.01"));
        assertRefused(buy, "state");
        assertThat(buy.rejected().message()).isEqualTo("state: trading is HALTED (test): the kill switch refuses "
                + "every order");
        assertRefusedBy(f.submit(f.market(BINANCE_SPOT, SELL, "0.01")), "state");
        assertThat(f.check("p1").rule()).isEqualTo("state");
    }

    @Test
    void reducingRefusesAnOrderThatAddsExposureAndAllowsOneThatReduces() {
        f.run(() -> f.risk.setState(TradingState.REDUCING, "drawdown"));
        assertThat(f.alerts("TRADING_STATE")).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo("warning");
            assertThat(a.message()).isEqualTo("trading ACTIVE -> REDUCING: drawdown");
        });
        Sent buy = f.submit(f.market(BINANCE_SPOT, BUY, "0.01"));
        assertRefused(buy, "state");
        assertThat(buy.rejected().message()).contains("trading is REDUCING (drawdown)")
                .contains("BTC on binance from 0.1 to 0.11");
        assertAllowed(f.trade(f.market(BINANCE_SPOT, SELL, "0.01")));
        // Bybit holds 0.1 BTC: a short of 0.1 takes it to 0, a further lot would open the other way
        assertAllowed(f.trade(f.market(BYBIT_PERP, SELL, "0.1")));
        assertThat(f.accounts.get(Venue.BYBIT).exposure("BTC")).isEqualByComparingTo("0");
        assertRefused(f.submit(f.market(BYBIT_PERP, SELL, "0.001")), "state");
    }

    // ---- the refusal alert ----

    @Test
    void aRuleRefusingTheSameBookAgainWithinAMinuteRaisesNoSecondAlert() {
        f.setLimits("maxOrderNotional", "100");
        long t = f.now();
        assertRefused(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")), "order_notional");
        f.at(t + 59_999);
        Sent again = f.submit(f.market(BINANCE_SPOT, BUY, "0.01"));
        assertRefusedBy(again, "order_notional");
        assertThat(again.alerts()).isEmpty();
        // another book is another alert
        assertRefused(f.submit(f.market(OKX_SPOT, BUY, "0.01")), "order_notional");
        f.at(t + 60_000);
        assertRefused(f.submit(f.market(BINANCE_SPOT, BUY, "0.01")), "order_notional");
    }
}

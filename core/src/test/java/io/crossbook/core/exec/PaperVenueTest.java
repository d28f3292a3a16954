package io.crossbook.core.exec;

import static io.crossbook.core.exec.ManualScheduler.T0;
import static io.crossbook.core.exec.TestInstruments.BINANCE_SPOT;
import static io.crossbook.core.exec.TestInstruments.BYBIT_INVERSE;
import static io.crossbook.core.exec.TestInstruments.BYBIT_PERP;
import static io.crossbook.core.exec.TestInstruments.OKX_SWAP;
import static io.crossbook.core.exec.TestMarket.bookOf;
import static io.crossbook.core.model.OrderSide.BUY;
import static io.crossbook.core.model.OrderSide.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paper fills on Binance spot BTCUSDT at 10 bp taker fee, 50 ms from the engine to the matching. */
class PaperVenueTest {
    static final Duration LATENCY = Duration.ofMillis(50);
    static final long T0_MS = T0 / 1_000_000;

    final ManualScheduler time = new ManualScheduler();
    final TestMarket market = new TestMarket();
    final EventLog log = new EventLog();

    static final BookSnapshot SPOT_BOOK = bookOf(BINANCE_SPOT)
            .bid("61990.00", "0.3").bid("61980.00", "1")
            .ask("62000.00", "0.1").ask("62001.00", "0.2").ask("62003.50", "0.5")
            .build();

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static PaperAccount account(Venue venue, String usdt, String btc, String marginRate) {
        return new PaperAccount(venue, Map.of("USDT", dec(usdt), "BTC", dec(btc)), dec(marginRate));
    }

    PaperVenue venue(PaperAccount account, String takerRate) {
        return new PaperVenue(account.venue(), account, market, time, time, id -> dec(takerRate), LATENCY);
    }

    static OrderRequest marketOrder(String id, Instrument instrument, OrderSide side, String qty) {
        return new OrderRequest(id, instrument, side, OrderType.MARKET, TimeInForce.IOC, dec(qty), null);
    }

    static OrderRequest limitOrder(String id, Instrument instrument, OrderSide side, String qty, String price,
                                   TimeInForce tif) {
        return new OrderRequest(id, instrument, side, OrderType.LIMIT, tif, dec(qty), dec(price));
    }

    final PaperAccount spot = account(Venue.BINANCE, "100000", "0", "1");
    final PaperVenue binance = venue(spot, "0.001");

    {
        market.show(SPOT_BOOK);
    }

    @Test
    void aMarketBuyWalksTheAsksOneFillPerLevelAtThatLevelsPriceAfterTheLatency() {
        binance.submit(marketOrder("o1", BINANCE_SPOT, BUY, "0.25"), log);
        assertThat(log.events()).as("nothing is delivered inside submit").isEmpty();

        time.runDue();
        assertThat(log.lines()).containsExactly("o1 accepted paper-1 at +0ms");
        time.advanceTo(LATENCY);

        assertThat(log.lines()).containsExactly(
                "o1 accepted paper-1 at +0ms",
                "o1 filled 0.1 @ 62000 fee 6.2 USDT at +50ms",
                "o1 filled 0.15 @ 62001 fee 9.30015 USDT at +50ms",
                "o1 closed 0.25: filled at +50ms");
        // 100000 - (6200 + 9300.15) - (6.2 + 9.30015)
        assertThat(spot.free("USDT")).isEqualByComparingTo("84484.34985");
        assertThat(spot.free("BTC")).isEqualByComparingTo("0.25");
    }

    @Test
    void whenTheDepthRunsOutAMarketOrderFillsWhatTheBookShowsAndCancelsTheRest() {
        binance.submit(marketOrder("o1", BINANCE_SPOT, BUY, "1"), log);
        time.advanceTo(LATENCY);

        assertThat(log.lines()).containsExactly(
                "o1 accepted paper-1 at +0ms",
                "o1 filled 0.1 @ 62000 fee 6.2 USDT at +50ms",
                "o1 filled 0.2 @ 62001 fee 12.4002 USDT at +50ms",
                "o1 filled 0.5 @ 62003.5 fee 31.00175 USDT at +50ms",
                "o1 closed 0.8: remaining 0.2 cancelled: book depth exhausted at +50ms");
        // 100000 - 49601.95 × 1.001
        assertThat(spot.free("USDT")).isEqualByComparingTo("50348.44805");
        assertThat(spot.free("BTC")).isEqualByComparingTo("0.8");
    }

    @Test
    void anIocLimitOrderNeverTradesBeyondItsLimit() {
        binance.submit(limitOrder("o1", BINANCE_SPOT, BUY, "0.5", "62001.00", TimeInForce.IOC), log);
        time.advanceTo(LATENCY);

        assertThat(log.lines()).containsExactly(
                "o1 accepted paper-1 at +0ms",
                "o1 filled 0.1 @ 62000 fee 6.2 USDT at +50ms",
                "o1 filled 0.2 @ 62001 fee 12.4002 USDT at +50ms",
                "o1 closed 0.3: remaining 0.2 cancelled: limit reached at +50ms");
    }

    @Test
    void theFillTakesTheBookAsItIsWhenTheOrderArrivesNotAsItWasWhenSent() {
        binance.submit(marketOrder("o1", BINANCE_SPOT, BUY, "0.1"), log);
        time.advanceTo(Duration.ofMillis(20));
        market.show(bookOf(BINANCE_SPOT).bid("62090.00", "1").ask("62100.00", "1").build());
        time.advanceTo(LATENCY);

        assertThat(log.lines()).containsSequence(
                "o1 filled 0.1 @ 62100 fee 6.21 USDT at +50ms",
                "o1 closed 0.1: filled at +50ms");
    }

    @Test
    void consecutiveOrdersEachSeeTheDisplayedBookBecausePaperFillsDoNotDepleteIt() {
        EventLog second = new EventLog();
        binance.submit(marketOrder("o1", BINANCE_SPOT, BUY, "0.1"), log);
        binance.submit(marketOrder("o2", BINANCE_SPOT, BUY, "0.1"), second);
        time.advanceTo(LATENCY);

        assertThat(log.lines()).contains("o1 filled 0.1 @ 62000 fee 6.2 USDT at +50ms");
        assertThat(second.lines()).containsExactly(
                "o2 accepted paper-2 at +0ms",
                "o2 filled 0.1 @ 62000 fee 6.2 USDT at +50ms",
                "o2 closed 0.1: filled at +50ms");
    }

    @Test
    void aLimitIsRoundedToTheTickNeverMoreAggressivelyThanAsked() {
        spot.apply(BINANCE_SPOT, BUY, dec("0.0001"), dec("62000"), BigDecimal.ZERO); // something to sell
        binance.submit(limitOrder("o1", BINANCE_SPOT, BUY, "0.3", "62000.999", TimeInForce.IOC), log);
        binance.submit(limitOrder("o2", BINANCE_SPOT, SELL, "0.0001", "62100.001", TimeInForce.GTC), new EventLog());
        time.advanceTo(LATENCY);

        // the buy's 62000.999 became 62000.99, below the 62001 level
        assertThat(log.lines()).contains(
                "o1 filled 0.1 @ 62000 fee 6.2 USDT at +50ms",
                "o1 closed 0.1: remaining 0.2 cancelled: limit reached at +50ms");
        assertThat(binance.openOrders()).singleElement()
                .satisfies(o -> assertThat(o.limitPrice()).isEqualByComparingTo("62100.01"));
    }

    @Test
    void aQuantityThatIsNotAWholeNumberOfLotsIsRefusedNamingTheLotAndChangesNothing() {
        binance.submit(marketOrder("o1", BINANCE_SPOT, BUY, "0.000015"), log);
        time.advanceTo(Duration.ofSeconds(1));

        assertThat(log.lines()).containsExactly("o1 rejected VALIDATION_ERROR: qty 0.000015 is not a whole number of "
                + "lots of 0.00001 for binance:spot:BTCUSDT at +0ms");
        assertThat(spot.balances()).isEqualTo(Map.of("USDT", dec("100000"), "BTC", dec("0")));
        assertThat(binance.openOrders()).isEmpty();
    }

    @Test
    void anOrderBelowTheMinimumNotionalAtTheCurrentPriceIsRefused() {
        binance.submit(limitOrder("o1", BINANCE_SPOT, BUY, "0.00008", "70000", TimeInForce.IOC), log);
        time.runDue();

        assertThat(log.lines()).containsExactly("o1 rejected VALIDATION_ERROR: notional 4.96 (0.00008 at 62000) is "
                + "below the minimum 5 for binance:spot:BTCUSDT at +0ms");
    }

    @Test
    void withoutAValidBookNothingIsAccepted() {
        market.show(bookOf(BINANCE_SPOT).ask("62000.00", "1").invalid());
        binance.submit(marketOrder("o1", BINANCE_SPOT, BUY, "0.1"), log);
        PaperAccount bybitAccount = account(Venue.BYBIT, "10000", "0", "1");
        EventLog bybitLog = new EventLog();
        venue(bybitAccount, "0.00055").submit(marketOrder("p1", BYBIT_PERP, BUY, "0.1"), bybitLog);
        time.advanceTo(LATENCY);

        assertThat(log.lines()).containsExactly(
                "o1 rejected EXCHANGE_UNAVAILABLE: no valid book for binance:spot:BTCUSDT at +0ms");
        assertThat(bybitLog.lines()).containsExactly(
                "p1 rejected EXCHANGE_UNAVAILABLE: no valid book for bybit:linear:BTCUSDT at +0ms");
    }

    @Test
    void anOrderTheAccountCannotFundAtTheBooksPricesIsRefusedWithTheNumbersAndChangesNothing() {
        PaperAccount small = account(Venue.BINANCE, "1000", "0", "1");
        PaperVenue venue = venue(small, "0.001");
        EventLog sell = new EventLog();

        venue.submit(marketOrder("o1", BINANCE_SPOT, BUY, "0.1"), log);
        venue.submit(marketOrder("o2", BINANCE_SPOT, SELL, "0.1"), sell);
        time.advanceTo(LATENCY);

        assertThat(log.lines()).containsExactly("o1 rejected INSUFFICIENT_FUNDS: buy 0.1 binance:spot:BTCUSDT needs "
                + "6206.2 USDT, 1000 USDT free at +0ms");
        assertThat(sell.lines()).containsExactly("o2 rejected INSUFFICIENT_FUNDS: sell 0.1 binance:spot:BTCUSDT needs "
                + "0.1 BTC, 0 BTC free at +0ms");
        assertThat(small.balances()).isEqualTo(Map.of("USDT", dec("1000"), "BTC", dec("0")));
        assertThat(venue.openOrders()).isEmpty();
    }

    @Test
    void fundingIsCheckedAgainAtTheFillAndOnlyWhatTheAccountCanPayForFills() {
        PaperAccount account = account(Venue.BINANCE, "6300", "0", "1");
        PaperVenue venue = venue(account, "0.001");
        venue.submit(marketOrder("o1", BINANCE_SPOT, BUY, "0.1"), log); // 6206.2 at 62000: funded
        time.advanceTo(Duration.ofMillis(20));
        market.show(bookOf(BINANCE_SPOT).bid("62990.00", "1").ask("63000.00", "1").build());
        time.advanceTo(LATENCY);

        // 0.0999 × 63000 × 1.001 = 6299.9937; one more lot would be 6300.624...
        assertThat(log.lines()).containsSequence(
                "o1 filled 0.0999 @ 63000 fee 6.2937 USDT at +50ms",
                "o1 closed 0.0999: remaining 0.0001 cancelled: insufficient funds at +50ms");
        assertThat(account.free("USDT")).isEqualByComparingTo("0.0063");
    }

    @Test
    void aSpotSellWalksTheBidsAndCreditsTheProceedsLessFees() {
        PaperAccount account = account(Venue.BINANCE, "0", "1", "1");
        venue(account, "0.001").submit(marketOrder("o1", BINANCE_SPOT, SELL, "0.4"), log);
        time.advanceTo(LATENCY);

        assertThat(log.lines()).containsSequence(
                "o1 filled 0.3 @ 61990 fee 18.597 USDT at +50ms",
                "o1 filled 0.1 @ 61980 fee 6.198 USDT at +50ms",
                "o1 closed 0.4: filled at +50ms");
        assertThat(account.free("BTC")).isEqualByComparingTo("0.6");
        assertThat(account.free("USDT")).isEqualByComparingTo("24770.205"); // 18597 + 6198 - 24.795
    }

    @Test
    void aPerpOpenLocksMarginAndItsCloseRealisesThePnl() {
        PaperAccount account = account(Venue.BYBIT, "10000", "0", "0.1");
        PaperVenue bybit = venue(account, "0.00055");
        market.show(bookOf(BYBIT_PERP).bid("61999.9", "5").ask("62000.0", "5").build());
        bybit.submit(marketOrder("p1", BYBIT_PERP, BUY, "0.1"), log);
        time.advanceTo(LATENCY);

        assertThat(account.free("USDT")).isEqualByComparingTo("9376.59"); // 10000 - 620 margin - 3.41 fee
        assertThat(account.positions()).containsOnlyKeys(BYBIT_PERP.id());
        assertThat(account.positions().get(BYBIT_PERP.id())).isEqualByComparingTo("0.1");

        market.show(bookOf(BYBIT_PERP).bid("63000.0", "5").ask("63000.1", "5").build());
        bybit.submit(marketOrder("p2", BYBIT_PERP, SELL, "0.1"), log);
        time.advanceTo(Duration.ofMillis(100));

        assertThat(log.lines()).contains("p2 filled 0.1 @ 63000 fee 3.465 USDT at +100ms");
        // 9376.59 + 620 margin + 100 pnl - 3.465 fee
        assertThat(account.free("USDT")).isEqualByComparingTo("10093.125");
        assertThat(account.positions()).isEmpty();
    }

    @Test
    void contractQuantitiesAreFilledInContractsAndBookedInBase() {
        PaperAccount account = account(Venue.OKX, "10000", "0", "1");
        market.show(bookOf(OKX_SWAP).bid("61999.9", "100").ask("62000.0", "100").build());
        venue(account, "0.0005").submit(marketOrder("x1", OKX_SWAP, BUY, "2"), log);
        time.advanceTo(LATENCY);

        // 2 contracts of 0.01 BTC: notional 1240, fee 0.62
        assertThat(log.lines()).contains("x1 filled 2 @ 62000 fee 0.62 USDT at +50ms");
        assertThat(account.positions().get(OKX_SWAP.id())).isEqualByComparingTo("0.02");
        assertThat(account.free("USDT")).isEqualByComparingTo("8759.38");
    }

    @Test
    void inverseContractsAreRefused() {
        PaperVenue bybit = venue(account(Venue.BYBIT, "0", "1", "1"), "0.00055");
        bybit.submit(marketOrder("i1", BYBIT_INVERSE, BUY, "100"), log);
        time.runDue();

        assertThat(log.lines()).containsExactly("i1 rejected VALIDATION_ERROR: paper trading does not support inverse "
                + "contracts: bybit:inverse:BTCUSD at +0ms");
    }

    @Test
    void aGtcOrderTakesWhatIsWithinItsLimitThenRestsTheRemainder() {
        binance.submit(limitOrder("o1", BINANCE_SPOT, BUY, "0.5", "62001.00", TimeInForce.GTC), log);
        time.advanceTo(LATENCY);

        assertThat(log.lines()).containsExactly(
                "o1 accepted paper-1 at +0ms",
                "o1 filled 0.1 @ 62000 fee 6.2 USDT at +50ms",
                "o1 filled 0.2 @ 62001 fee 12.4002 USDT at +50ms");
        assertThat(binance.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId()).isEqualTo("o1");
            assertThat(o.filledQty()).isEqualByComparingTo("0.3");
            assertThat(o.qty()).isEqualByComparingTo("0.5");
        });
    }

    @Test
    void aRestingOrderFillsAtItsLimitForWhatALaterBookShowsAtOrThroughIt() {
        binance.submit(limitOrder("o1", BINANCE_SPOT, BUY, "0.5", "61950.00", TimeInForce.GTC), log);
        time.advanceTo(LATENCY);
        assertThat(binance.openOrders()).containsExactly(new PaperVenue.OpenOrder("o1", BINANCE_SPOT.id(), BUY,
                dec("0.5"), BigDecimal.ZERO, dec("61950.00"), T0_MS));

        binance.onBook(bookOf(BINANCE_SPOT).bid("61930.00", "1").ask("61955.00", "3").build()); // does not cross
        binance.onBook(bookOf(BYBIT_PERP).bid("61000.0", "9").ask("61000.1", "9").build()); // another venue
        time.advanceTo(Duration.ofMillis(60));
        binance.onBook(bookOf(BINANCE_SPOT).bid("61930.00", "1").ask("61940.00", "0.2").ask("61960.00", "1").build());
        time.advanceTo(Duration.ofMillis(70));
        binance.onBook(bookOf(BINANCE_SPOT).bid("61890.00", "1").ask("61900.00", "2").build());

        assertThat(log.lines()).containsExactly(
                "o1 accepted paper-1 at +0ms",
                "o1 filled 0.2 @ 61950 fee 12.39 USDT at +60ms",
                "o1 filled 0.3 @ 61950 fee 18.585 USDT at +70ms",
                "o1 closed 0.5: filled at +70ms");
        assertThat(binance.openOrders()).isEmpty();
        assertThat(spot.free("BTC")).isEqualByComparingTo("0.5");
    }

    @Test
    void aCancelClosesARestingOrderAfterTheLatencyAndAnUnknownOrFinishedIdChangesNothing() {
        binance.submit(limitOrder("o1", BINANCE_SPOT, BUY, "0.5", "61950.00", TimeInForce.GTC), log);
        time.advanceTo(Duration.ofMillis(100));
        binance.cancel("o1");
        binance.cancel("nope");
        time.advanceTo(Duration.ofMillis(150));
        binance.cancel("o1");
        time.advanceTo(Duration.ofSeconds(1));

        assertThat(log.lines()).containsExactly(
                "o1 accepted paper-1 at +0ms",
                "o1 closed 0: cancelled at +150ms");
        assertThat(binance.openOrders()).isEmpty();
    }

    @Test
    void aDuplicateClientOrderIdIsRefusedAndNothingElseHappens() {
        EventLog duplicate = new EventLog();
        binance.submit(marketOrder("o1", BINANCE_SPOT, BUY, "0.1"), log);
        binance.submit(marketOrder("o1", BINANCE_SPOT, BUY, "0.2"), duplicate);
        time.advanceTo(LATENCY);

        assertThat(duplicate.lines()).containsExactly("o1 rejected VALIDATION_ERROR: duplicate client order id at +0ms");
        assertThat(log.lines()).containsExactly(
                "o1 accepted paper-1 at +0ms",
                "o1 filled 0.1 @ 62000 fee 6.2 USDT at +50ms",
                "o1 closed 0.1: filled at +50ms");
        assertThat(spot.free("BTC")).isEqualByComparingTo("0.1");
    }

    @Test
    void aPostOnlyOrderIsRefusedIfItWouldCrossElseRestsAndIsCancelledIfTheBookCrossesItOnTheWay() {
        EventLog resting = new EventLog();
        EventLog overtaken = new EventLog();
        binance.submit(limitOrder("o1", BINANCE_SPOT, BUY, "0.1", "62000.00", TimeInForce.POST_ONLY), log);
        binance.submit(limitOrder("o2", BINANCE_SPOT, BUY, "0.1", "61995.00", TimeInForce.POST_ONLY), resting);
        time.advanceTo(LATENCY);
        binance.submit(limitOrder("o3", BINANCE_SPOT, BUY, "0.1", "61996.00", TimeInForce.POST_ONLY), overtaken);
        market.show(bookOf(BINANCE_SPOT).bid("61990.00", "1").ask("61995.00", "1").build());
        time.advanceTo(Duration.ofMillis(100));

        assertThat(log.lines()).containsExactly(
                "o1 rejected VALIDATION_ERROR: post-only buy at 62000 would cross the book at 62000 at +0ms");
        assertThat(resting.lines()).containsExactly("o2 accepted paper-1 at +0ms");
        assertThat(overtaken.lines()).containsExactly(
                "o3 accepted paper-2 at +50ms",
                "o3 closed 0: post-only order would cross the book: cancelled at +100ms");
        assertThat(binance.openOrders()).extracting(PaperVenue.OpenOrder::clientOrderId).containsExactly("o2");
    }
}

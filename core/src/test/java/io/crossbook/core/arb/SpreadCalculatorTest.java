package io.crossbook.core.arb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expected values are computed here independently, in BigDecimal, from the same levels. VWAPs must
 * equal the exact VWAP rounded to a double; the spreads, computed from those doubles, must agree
 * to 1e-12.
 */
class SpreadCalculatorTest {
    static final MathContext MC = MathContext.DECIMAL128;
    static final BigDecimal ONE_HUNDRED = BigDecimal.valueOf(100);

    /** Binance spot: tick 0.01, lot 0.00001, taker 0.1 %. */
    static final Instrument SPOT = instrument(Venue.BINANCE, Market.SPOT, "BTCUSDT", "0.01", "0.00001", "1");
    /** Bybit USDT perpetual: tick 0.1, lot 0.001, taker 0.055 %. */
    static final Instrument PERP = instrument(Venue.BYBIT, Market.LINEAR, "BTCUSDT", "0.1", "0.001", "1");
    /** OKX USDT swap: one contract is 0.01 BTC, sized in contracts (lot 0.01), taker 0.05 %. */
    static final Instrument SWAP = instrument(Venue.OKX, Market.LINEAR, "BTC-USDT-SWAP", "0.1", "0.01", "0.01");
    static final Instrument COIN_M = instrument(Venue.BINANCE, Market.INVERSE, "BTCUSD_PERP", "0.1", "1", "100");

    static final BigDecimal SPOT_FEE = new BigDecimal("0.001");
    static final BigDecimal PERP_FEE = new BigDecimal("0.00055");
    static final BigDecimal SWAP_FEE = new BigDecimal("0.0005");

    static final List<String> SPOT_BIDS = List.of("59990.00 0.2", "59980.00 1");
    static final List<String> SPOT_ASKS = List.of("60000.00 0.3", "60001.00 1");
    static final List<String> PERP_BIDS = List.of("60100.0 0.2", "60090.0 1");
    static final List<String> PERP_ASKS = List.of("60110.0 0.4", "60120.0 1");

    final SpreadCalculator calculator = new SpreadCalculator(FeeSchedule.defaults());
    final BookSnapshot spotBook = book(SPOT, SPOT_BIDS, SPOT_ASKS);
    final BookSnapshot perpBook = book(PERP, PERP_BIDS, PERP_ASKS);

    static Instrument instrument(Venue venue, Market market, String symbol, String tick, String lot, String contractSize) {
        return new Instrument(venue, market, symbol, "BTC", market == Market.INVERSE ? "USD" : "USDT",
                new BigDecimal(tick), new BigDecimal(lot), new BigDecimal(lot), BigDecimal.ONE, new BigDecimal(contractSize));
    }

    static PairConfig pair(Instrument leg1, Instrument leg2, String qty, Direction direction) {
        return new PairConfig("p1", leg1, leg2, new BigDecimal("0.1"), new BigDecimal(qty), new BigDecimal("1000000"),
                direction, true);
    }

    /** A valid book at the instrument's scales from "price qty" levels, best first. */
    static BookSnapshot book(Instrument instrument, List<String> bids, List<String> asks) {
        return book(instrument, instrument.qtyScale(), bids, asks, true);
    }

    static BookSnapshot book(Instrument instrument, int qtyScale, List<String> bids, List<String> asks, boolean valid) {
        int ps = instrument.priceScale();
        return new BookSnapshot(instrument.id(), ps, qtyScale,
                mantissas(bids, 0, ps), mantissas(bids, 1, qtyScale),
                mantissas(asks, 0, ps), mantissas(asks, 1, qtyScale),
                valid, 1, 1_723_161_256_501L, 1_723_161_255_319_702_566L);
    }

    static long[] mantissas(List<String> levels, int column, int scale) {
        return levels.stream().mapToLong(l -> FixedPoint.parse(l.split(" ")[column], scale)).toArray();
    }

    /** The exact VWAP of {@code qty} through the levels, in BigDecimal, independent of the fixed-point code. */
    static BigDecimal vwap(List<String> levels, BigDecimal qty) {
        BigDecimal remaining = qty;
        BigDecimal notional = BigDecimal.ZERO;
        for (String level : levels) {
            BigDecimal price = new BigDecimal(level.split(" ")[0]);
            BigDecimal take = remaining.min(new BigDecimal(level.split(" ")[1]));
            notional = notional.add(take.multiply(price));
            remaining = remaining.subtract(take);
        }
        assertThat(remaining.signum()).as("levels deep enough for the expectation").isZero();
        return notional.divide(qty, MC);
    }

    static BigDecimal mid(BigDecimal buy, BigDecimal sell) {
        return buy.add(sell).divide(BigDecimal.TWO, MC);
    }

    static BigDecimal spreadPercent(BigDecimal buy, BigDecimal sell) {
        return sell.subtract(buy).divide(mid(buy, sell), MC).multiply(ONE_HUNDRED);
    }

    static BigDecimal netPercent(BigDecimal buy, BigDecimal sell, BigDecimal takerBuy, BigDecimal takerSell) {
        BigDecimal received = sell.multiply(BigDecimal.ONE.subtract(takerSell));
        BigDecimal paid = buy.multiply(BigDecimal.ONE.add(takerBuy));
        return received.subtract(paid).divide(mid(buy, sell), MC).multiply(ONE_HUNDRED);
    }

    static void assertSpreads(SpreadQuote q, BigDecimal buy, BigDecimal sell, BigDecimal takerBuy, BigDecimal takerSell) {
        assertThat(q.buyPrice()).isEqualTo(buy.doubleValue());
        assertThat(q.sellPrice()).isEqualTo(sell.doubleValue());
        assertThat(q.spread()).isCloseTo(sell.subtract(buy).doubleValue(), within(1e-9));
        assertThat(q.spreadPercent()).isCloseTo(spreadPercent(buy, sell).doubleValue(), within(1e-12));
        assertThat(q.netSpreadPercent()).isCloseTo(netPercent(buy, sell, takerBuy, takerSell).doubleValue(), within(1e-12));
    }

    @Nested
    class PricesThroughDepth {

        @Test
        void eachSideIsTheVwapOfThePairsQuantity() {
            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.5", Direction.AUTO), spotBook, perpBook, null, null, 42);

            assertThat(q.pairId()).isEqualTo("p1");
            assertThat(q.ts()).isEqualTo(42);
            assertThat(q.leg1Ask()).isEqualTo(60000.4); // (0.3 x 60000 + 0.2 x 60001) / 0.5
            assertThat(q.leg1Bid()).isEqualTo(59984.0); // (0.2 x 59990 + 0.3 x 59980) / 0.5
            assertThat(q.leg2Bid()).isEqualTo(60094.0);
            assertThat(q.leg2Ask()).isEqualTo(60112.0);
        }

        @Test
        void forwardBuysLeg1AtItsAskAndSellsLeg2AtItsBidNetOfBothTakerFees() {
            BigDecimal qty = new BigDecimal("0.5");

            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.5", Direction.FORWARD), spotBook, perpBook, null, null, 1);

            assertThat(q.direction()).isEqualTo(Direction.FORWARD);
            assertSpreads(q, vwap(SPOT_ASKS, qty), vwap(PERP_BIDS, qty), SPOT_FEE, PERP_FEE);
            assertThat(q.spread()).isCloseTo(93.6, within(1e-9));
        }

        @Test
        void reverseSellsLeg1AtItsBidAndBuysLeg2AtItsAsk() {
            BigDecimal qty = new BigDecimal("0.5");

            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.5", Direction.REVERSE), spotBook, perpBook, null, null, 1);

            assertThat(q.direction()).isEqualTo(Direction.REVERSE);
            assertSpreads(q, vwap(PERP_ASKS, qty), vwap(SPOT_BIDS, qty), PERP_FEE, SPOT_FEE);
            assertThat(q.spread()).isCloseTo(-128.0, within(1e-9));
        }

        @Test
        void autoChoosesTheBetterDirection() {
            BigDecimal qty = new BigDecimal("0.5");

            SpreadQuote spotFirst = calculator.quote(pair(SPOT, PERP, "0.5", Direction.AUTO), spotBook, perpBook, null, null, 1);
            SpreadQuote perpFirst = calculator.quote(pair(PERP, SPOT, "0.5", Direction.AUTO), perpBook, spotBook, null, null, 1);

            assertThat(spotFirst.direction()).isEqualTo(Direction.FORWARD);
            assertThat(perpFirst.direction()).isEqualTo(Direction.REVERSE); // the same trade: buy spot, sell the perp
            assertSpreads(perpFirst, vwap(SPOT_ASKS, qty), vwap(PERP_BIDS, qty), SPOT_FEE, PERP_FEE);
            assertThat(perpFirst.netSpreadPercent()).isEqualTo(spotFirst.netSpreadPercent());
        }

        @Test
        void aPairRestrictedToOneDirectionIsQuotedThatWayEvenWhenTheOtherIsBetter() {
            SpreadQuote q = calculator.quote(pair(PERP, SPOT, "0.5", Direction.FORWARD), perpBook, spotBook, null, null, 1);

            assertThat(q.direction()).isEqualTo(Direction.FORWARD);
            assertThat(q.buyPrice()).isEqualTo(60112.0);
            assertThat(q.sellPrice()).isEqualTo(59984.0);
            assertThat(q.netSpreadPercent()).isNegative();
        }

        @Test
        void theQuantityIsConvertedToContractsForAContractSizedBook() {
            List<String> swapBids = List.of("60100.0 20", "60090.0 100"); // contracts of 0.01 BTC
            List<String> swapAsks = List.of("60005.0 30", "60010.0 100");
            BookSnapshot swapBook = book(SWAP, swapBids, swapAsks);

            SpreadQuote q = calculator.quote(pair(SPOT, SWAP, "0.5", Direction.AUTO), spotBook, swapBook, null, null, 1);

            BigDecimal contracts = new BigDecimal("50");
            assertThat(q.leg2Bid()).isEqualTo(60094.0).isEqualTo(vwap(swapBids, contracts).doubleValue());
            assertThat(q.leg2Ask()).isEqualTo(60007.0).isEqualTo(vwap(swapAsks, contracts).doubleValue());
            assertThat(q.direction()).isEqualTo(Direction.FORWARD);
            assertSpreads(q, vwap(SPOT_ASKS, new BigDecimal("0.5")), vwap(swapBids, contracts), SPOT_FEE, SWAP_FEE);
        }

        @Test
        void aVwapThatDoesNotTerminateIsTheNearestDouble() {
            List<String> asks = List.of("60000.00 0.1", "60000.01 0.2");
            BookSnapshot spot = book(SPOT, SPOT_BIDS, asks);

            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.3", Direction.AUTO), spot, perpBook, null, null, 1);

            // (6000 + 12000.002) / 0.3 = 60000.00666...
            assertThat(q.leg1Ask()).isEqualTo(vwap(asks, new BigDecimal("0.3")).doubleValue());
        }

        @Test
        void aChangedPairIsRequotedWithItsNewQuantity() {
            calculator.quote(pair(SPOT, PERP, "0.5", Direction.AUTO), spotBook, perpBook, null, null, 1);

            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.2", Direction.AUTO), spotBook, perpBook, null, null, 2);

            assertThat(q.leg1Ask()).isEqualTo(60000.0);
            assertThat(q.leg2Bid()).isEqualTo(60100.0);
        }
    }

    @Nested
    class Unpriceable {

        @Test
        void aSideTooThinForTheQuantityIsNullAndAutoTakesTheOtherDirection() {
            BookSnapshot noBids = book(PERP, List.of("60100.0 0.2"), PERP_ASKS);

            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.5", Direction.AUTO), spotBook, noBids, null, null, 1);

            assertThat(q.leg2Bid()).isNull();
            assertThat(q.leg2Ask()).isEqualTo(60112.0);
            assertThat(q.direction()).isEqualTo(Direction.REVERSE);
            assertThat(q.spread()).isCloseTo(-128.0, within(1e-9));
        }

        @Test
        void withNeitherDirectionPricedThereIsNoDirectionOrSpread() {
            BookSnapshot thin = book(PERP, List.of("60100.0 0.2"), List.of("60110.0 0.4"));

            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.5", Direction.AUTO), spotBook, thin, null, null, 1);

            assertThat(q.leg1Bid()).isEqualTo(59984.0);
            assertThat(q.leg1Ask()).isEqualTo(60000.4);
            assertThat(q.leg2Bid()).isNull();
            assertThat(q.leg2Ask()).isNull();
            assertThat(q.direction()).isNull();
            assertThat(q.spread()).isNull();
            assertThat(q.spreadPercent()).isNull();
            assertThat(q.netSpreadPercent()).isNull();
            assertThat(q.clears(BigDecimal.ZERO)).isFalse();
            assertThatThrownBy(q::buyPrice).isInstanceOf(IllegalStateException.class).hasMessageContaining("p1");
        }

        @Test
        void aDirectionTheBooksCannotPriceIsNotQuotedTheOtherWay() {
            BookSnapshot noBids = book(PERP, List.of(), PERP_ASKS);

            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.5", Direction.FORWARD), spotBook, noBids, null, null, 1);

            assertThat(q.direction()).isNull();
            assertThat(q.netSpreadPercent()).isNull();
        }

        @Test
        void anInvalidOrMissingBookPricesNothingOnThatLeg() {
            BookSnapshot invalid = book(PERP, PERP.qtyScale(), PERP_BIDS, PERP_ASKS, false);
            PairConfig pair = pair(SPOT, PERP, "0.5", Direction.AUTO);

            for (SpreadQuote q : List.of(calculator.quote(pair, spotBook, invalid, null, null, 1),
                    calculator.quote(pair, spotBook, null, null, null, 1))) {
                assertThat(q.leg1Ask()).isEqualTo(60000.4);
                assertThat(q.leg2Bid()).isNull();
                assertThat(q.leg2Ask()).isNull();
                assertThat(q.direction()).isNull();
                assertThat(q.netSpreadPercent()).isNull();
            }
        }

        @Test
        void aQuantityFinerThanTheBooksScaleCannotBePricedOnThatLeg() {
            PairConfig pair = pair(SPOT, PERP, "0.0005", Direction.AUTO); // the perp's book is in 0.001 BTC

            SpreadQuote q = calculator.quote(pair, spotBook, perpBook, null, null, 1);

            assertThat(q.leg1Ask()).isEqualTo(60000.0);
            assertThat(q.leg2Bid()).isNull();
            assertThat(q.leg2Ask()).isNull();
            assertThat(q.direction()).isNull();
        }

        @Test
        void theSameQuantityIsPricedOnceTheBookCarriesAFinerScale() {
            PairConfig pair = pair(SPOT, PERP, "0.0005", Direction.AUTO);
            calculator.quote(pair, spotBook, perpBook, null, null, 1);
            BookSnapshot widened = book(PERP, 4, PERP_BIDS, PERP_ASKS, true);

            SpreadQuote q = calculator.quote(pair, spotBook, widened, null, null, 2);

            assertThat(q.leg2Bid()).isEqualTo(60100.0);
            assertThat(q.leg2Ask()).isEqualTo(60110.0);
            assertThat(q.direction()).isEqualTo(Direction.FORWARD);
        }
    }

    @Nested
    class Funding {
        final BookSnapshot swapBook = book(SWAP, List.of("60100.0 20", "60090.0 100"), List.of("60005.0 30", "60010.0 100"));

        FundingRate rate(Instrument perpetual, String rate) {
            return new FundingRate(perpetual.id(), new BigDecimal(rate), 1_723_190_400_000L, 1_723_161_256_000L);
        }

        @Test
        void aShortPerpetualEarnsAPositiveRate() {
            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.5", Direction.FORWARD), spotBook, perpBook,
                    null, rate(PERP, "0.0001"), 1);

            assertThat(q.fundingRate()).isEqualTo(0.0001);
            assertThat(q.fundingCarryPercent()).isEqualTo(0.01);
        }

        @Test
        void aLongPerpetualPaysAPositiveRate() {
            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.5", Direction.REVERSE), spotBook, perpBook,
                    null, rate(PERP, "0.0001"), 1);

            assertThat(q.fundingRate()).isEqualTo(0.0001);
            assertThat(q.fundingCarryPercent()).isEqualTo(-0.01);
        }

        @Test
        void aShortPerpetualPaysANegativeRateAndThePerpetualMayBeLeg1() {
            SpreadQuote shortPerp = calculator.quote(pair(PERP, SPOT, "0.5", Direction.REVERSE), perpBook, spotBook,
                    rate(PERP, "-0.0002"), null, 1);
            SpreadQuote longPerp = calculator.quote(pair(PERP, SPOT, "0.5", Direction.FORWARD), perpBook, spotBook,
                    rate(PERP, "-0.0002"), null, 2);

            assertThat(shortPerp.fundingCarryPercent()).isEqualTo(-0.02);
            assertThat(longPerp.fundingCarryPercent()).isEqualTo(0.02);
        }

        @Test
        void withTwoPerpetualsTheRateIsTheShortLegsMinusTheLongLegs() {
            FundingRate bybit = rate(PERP, "0.0001");
            FundingRate okx = rate(SWAP, "0.0003");

            SpreadQuote forward = calculator.quote(pair(PERP, SWAP, "0.5", Direction.FORWARD), perpBook, swapBook, bybit, okx, 1);
            SpreadQuote reverse = calculator.quote(pair(PERP, SWAP, "0.5", Direction.REVERSE), perpBook, swapBook, bybit, okx, 2);

            assertThat(forward.fundingRate()).isCloseTo(0.0002, within(1e-18)); // short OKX, long Bybit
            assertThat(forward.fundingCarryPercent()).isCloseTo(0.02, within(1e-15));
            assertThat(reverse.fundingRate()).isCloseTo(-0.0002, within(1e-18));
            assertThat(reverse.fundingCarryPercent()).isCloseTo(-0.02, within(1e-15));
        }

        @Test
        void anUnknownRateOrNoPerpetualLegGivesNoFunding() {
            SpreadQuote unknown = calculator.quote(pair(SPOT, PERP, "0.5", Direction.AUTO), spotBook, perpBook, null, null, 1);
            SpreadQuote oneOfTwoUnknown = calculator.quote(pair(PERP, SWAP, "0.5", Direction.AUTO), perpBook, swapBook,
                    rate(PERP, "0.0001"), null, 1);
            BookSnapshot otherSpot = book(SPOT, PERP_BIDS, PERP_ASKS);
            SpreadQuote spotOnly = calculator.quote(pair(SPOT, SPOT, "0.5", Direction.AUTO), spotBook, otherSpot, null, null, 1);

            for (SpreadQuote q : List.of(unknown, oneOfTwoUnknown, spotOnly)) {
                assertThat(q.fundingRate()).isNull();
                assertThat(q.fundingCarryPercent()).isNull();
            }
        }

        @Test
        void aPerpetualsRateIsReportedEvenWhenNoDirectionIsPriced() {
            SpreadQuote q = calculator.quote(pair(SPOT, PERP, "0.5", Direction.AUTO), spotBook, null,
                    null, rate(PERP, "0.0001"), 1);

            assertThat(q.fundingRate()).isEqualTo(0.0001);
            assertThat(q.fundingCarryPercent()).isNull();
        }

        @Test
        void aNewRateReplacesTheLastOne() {
            PairConfig pair = pair(SPOT, PERP, "0.5", Direction.FORWARD);
            calculator.quote(pair, spotBook, perpBook, null, rate(PERP, "0.0001"), 1);

            SpreadQuote q = calculator.quote(pair, spotBook, perpBook, null, rate(PERP, "0.00025"), 2);

            assertThat(q.fundingRate()).isEqualTo(0.00025);
        }
    }

    @Nested
    class BadInput {

        @Test
        void anInverseLegIsRefused() {
            assertThatThrownBy(() -> calculator.quote(pair(SPOT, COIN_M, "0.5", Direction.AUTO), spotBook, null, null, null, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pair p1: inverse legs are not supported");
        }

        @Test
        void aNonPositiveQuantityIsRefused() {
            assertThatThrownBy(() -> calculator.quote(pair(SPOT, PERP, "0", Direction.AUTO), spotBook, perpBook, null, null, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("qty");
        }

        @Test
        void aBookOrFundingRateOfAnotherInstrumentIsRefused() {
            PairConfig pair = pair(SPOT, PERP, "0.5", Direction.AUTO);
            FundingRate swapRate = new FundingRate(SWAP.id(), new BigDecimal("0.0001"), 0, 0);

            assertThatThrownBy(() -> calculator.quote(pair, perpBook, spotBook, null, null, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("leg1 book is for bybit:linear:BTCUSDT");
            assertThatThrownBy(() -> calculator.quote(pair, spotBook, perpBook, null, swapRate, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("leg2 funding rate is for okx:linear:BTC-USDT-SWAP");
        }
    }
}

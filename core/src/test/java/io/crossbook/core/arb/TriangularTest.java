package io.crossbook.core.arb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.exec.MarketView;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TriangularTest {
    static final Instrument BTCUSDT = spot(Venue.BINANCE, "BTCUSDT", "BTC", "USDT", "0.01", "0.00001");
    static final Instrument ETHBTC = spot(Venue.BINANCE, "ETHBTC", "ETH", "BTC", "0.00001", "0.0001");
    static final Instrument ETHUSDT = spot(Venue.BINANCE, "ETHUSDT", "ETH", "USDT", "0.01", "0.0001");
    static final Instrument XRPBTC = spot(Venue.BINANCE, "XRPBTC", "XRP", "BTC", "0.00000001", "1");

    static Instrument spot(Venue venue, String symbol, String base, String quote, String tick, String lot) {
        return new Instrument(venue, Market.SPOT, symbol, base, quote, new BigDecimal(tick), new BigDecimal(lot),
                new BigDecimal(lot), BigDecimal.ONE, BigDecimal.ONE);
    }

    static TriangularCycle.Hop hop(Instrument instrument, OrderSide side) {
        return new TriangularCycle.Hop(instrument, side);
    }

    @Nested
    class Discovery {

        @Test
        void findsBothOrientationsOfTheOneTriangleAndNothingElse() {
            Instrument perp = new Instrument(Venue.BINANCE, Market.LINEAR, "BTCUSDT", "BTC", "USDT",
                    new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.ONE, BigDecimal.ONE);

            List<TriangularCycle> cycles = TriangularCycle.discover(List.of(XRPBTC, ETHUSDT, perp, ETHBTC, BTCUSDT), "USDT");

            assertThat(cycles).containsExactly(
                    new TriangularCycle(Venue.BINANCE, "USDT",
                            List.of(hop(BTCUSDT, OrderSide.BUY), hop(ETHBTC, OrderSide.BUY), hop(ETHUSDT, OrderSide.SELL))),
                    new TriangularCycle(Venue.BINANCE, "USDT",
                            List.of(hop(ETHUSDT, OrderSide.BUY), hop(ETHBTC, OrderSide.SELL), hop(BTCUSDT, OrderSide.SELL))));
            assertThat(cycles).extracting(TriangularCycle::id)
                    .containsExactly("binance:USDT>BTC>ETH>USDT", "binance:USDT>ETH>BTC>USDT");
        }

        @Test
        void keepsEachVenueToItself() {
            Instrument bybitEthBtc = spot(Venue.BYBIT, "ETHBTC", "ETH", "BTC", "0.00001", "0.0001");

            assertThat(TriangularCycle.discover(List.of(BTCUSDT, bybitEthBtc, ETHUSDT), "USDT")).isEmpty();
        }

        @Test
        void startsFromTheGivenAsset() {
            assertThat(TriangularCycle.discover(List.of(BTCUSDT, ETHBTC, ETHUSDT), "BTC"))
                    .extracting(TriangularCycle::id)
                    .containsExactly("binance:BTC>ETH>USDT>BTC", "binance:BTC>USDT>ETH>BTC");
        }

        @Test
        void aCycleMustChainItsAssetsBackToTheStart() {
            assertThatThrownBy(() -> new TriangularCycle(Venue.BINANCE, "USDT",
                    List.of(hop(BTCUSDT, OrderSide.BUY), hop(ETHBTC, OrderSide.SELL), hop(ETHUSDT, OrderSide.SELL))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sell ETHBTC spends ETH, but the cycle holds BTC");
        }
    }

    @Nested
    class Evaluation {
        static final BigDecimal FEE_KEPT = new BigDecimal("0.999"); // Binance spot taker 0.1 %

        final TriangularDetector detector = new TriangularDetector(FeeSchedule.defaults());
        final TriangularCycle usdtBtcEth = new TriangularCycle(Venue.BINANCE, "USDT",
                List.of(hop(BTCUSDT, OrderSide.BUY), hop(ETHBTC, OrderSide.BUY), hop(ETHUSDT, OrderSide.SELL)));
        final Map<InstrumentId, BookSnapshot> books = new HashMap<>();
        final MarketView view = books::get;

        Evaluation() {
            put(BTCUSDT, List.of("49990.00 1"), List.of("50000.00 0.01", "62500.00 1"));
            put(ETHBTC, List.of("0.04990 10"), List.of("0.05000 0.2", "0.06250 10"));
            put(ETHUSDT, List.of("3100.00 0.3", "3000.00 5"), List.of("3101.00 5"));
        }

        void put(Instrument instrument, List<String> bids, List<String> asks) {
            int ps = instrument.priceScale();
            int qs = instrument.qtyScale();
            books.put(instrument.id(), new BookSnapshot(instrument.id(), ps, qs,
                    mantissas(bids, 0, ps), mantissas(bids, 1, qs), mantissas(asks, 0, ps), mantissas(asks, 1, qs),
                    true, 1, 0, 0));
        }

        static long[] mantissas(List<String> levels, int column, int scale) {
            return levels.stream().mapToLong(l -> FixedPoint.parse(l.split(" ")[column], scale)).toArray();
        }

        @Test
        void walksEachHopThroughDepthAndTakesEachTakerFee() {
            // 1000 USDT: 500 buys 0.01 BTC at 50000, 500 buys 0.008 BTC at 62500; 0.018 less 0.1 % fee
            BigDecimal btc = new BigDecimal("0.018").multiply(FEE_KEPT);
            assertThat(btc).isEqualByComparingTo("0.017982");
            // 0.01 BTC buys 0.2 ETH at 0.05, the other 0.007982 BTC buys 0.127712 ETH at 0.0625
            BigDecimal eth = new BigDecimal("0.2").add(new BigDecimal("0.007982").divide(new BigDecimal("0.0625")))
                    .multiply(FEE_KEPT);
            assertThat(eth).isEqualByComparingTo("0.327384288");
            // 0.3 ETH sells at 3100, the other 0.027384288 at 3000
            BigDecimal usdt = new BigDecimal("930").add(new BigDecimal("0.027384288").multiply(new BigDecimal("3000")))
                    .multiply(FEE_KEPT);
            assertThat(usdt).isEqualByComparingTo("1011.140711136");

            TriangularPath path = detector.evaluate(usdtBtcEth, view, new BigDecimal("1000"), 77);

            assertThat(path.endQty()).isEqualTo(1011.140711136);
            assertThat(path.netEdgePercent()).isEqualTo(1.1140711136);
            assertThat(path.id()).isEqualTo("binance:USDT>BTC>ETH>USDT");
            assertThat(path.venue()).isEqualTo("binance");
            assertThat(path.startAsset()).isEqualTo("USDT");
            assertThat(path.symbols()).containsExactly("BTCUSDT", "ETHBTC", "ETHUSDT");
            assertThat(path.sides()).containsExactly("buy", "buy", "sell");
            assertThat(path.startQty()).isEqualByComparingTo("1000");
            assertThat(path.ts()).isEqualTo(77);
        }

        @Test
        void theOtherOrientationSellsWhereTheFirstBuys() {
            TriangularCycle usdtEthBtc = new TriangularCycle(Venue.BINANCE, "USDT",
                    List.of(hop(ETHUSDT, OrderSide.BUY), hop(ETHBTC, OrderSide.SELL), hop(BTCUSDT, OrderSide.SELL)));
            // 310.1 USDT buys 0.1 ETH at 3101; sells at 0.0499 BTC; sells at 49990 USDT, each less 0.1 %
            BigDecimal eth = new BigDecimal("0.1").multiply(FEE_KEPT);
            BigDecimal btc = eth.multiply(new BigDecimal("0.04990")).multiply(FEE_KEPT);
            BigDecimal usdt = btc.multiply(new BigDecimal("49990.00")).multiply(FEE_KEPT);
            BigDecimal edge = usdt.divide(new BigDecimal("310.1"), MathContext.DECIMAL128).subtract(BigDecimal.ONE)
                    .movePointRight(2);

            TriangularPath path = detector.evaluate(usdtEthBtc, view, new BigDecimal("310.1"), 1);

            assertThat(path.endQty()).isEqualTo(usdt.doubleValue());
            assertThat(path.netEdgePercent()).isEqualTo(edge.doubleValue());
            assertThat(path.netEdgePercent()).isNegative();
            assertThat(path.sides()).containsExactly("buy", "sell", "sell");
        }

        @Test
        void aBuyEndingInsideALevelKeeps34SignificantDigitsRoundedDown() {
            put(BTCUSDT, List.of("29990.00 1"), List.of("30000.00 1"));

            TriangularPath path = detector.evaluate(usdtBtcEth, view, new BigDecimal("1"), 1);

            // 1 USDT / 30000 = 0.0000333... BTC, kept as 3.333...3e-5 with 34 threes
            BigDecimal btc = new BigDecimal("0.0000" + "3".repeat(34)).multiply(FEE_KEPT);
            BigDecimal eth = btc.divide(new BigDecimal("0.05")).multiply(FEE_KEPT);
            BigDecimal usdt = eth.multiply(new BigDecimal("3100")).multiply(FEE_KEPT);
            assertThat(path.endQty()).isEqualTo(usdt.doubleValue());
        }

        @Test
        void aHopTooThinForTheAmountHasNoEdge() {
            TriangularPath path = detector.evaluate(usdtBtcEth, view, new BigDecimal("100000"), 1);

            assertThat(path.netEdgePercent()).isNull();
            assertThat(path.endQty()).isNull();
            assertThat(path.symbols()).containsExactly("BTCUSDT", "ETHBTC", "ETHUSDT");
        }

        @Test
        void aSellBeyondTheBidsHasNoEdge() {
            put(ETHUSDT, List.of("3100.00 0.3"), List.of("3101.00 5"));

            assertThat(detector.evaluate(usdtBtcEth, view, new BigDecimal("1000"), 1).netEdgePercent()).isNull();
        }

        @Test
        void aMissingBookHasNoEdge() {
            books.remove(ETHBTC.id());

            TriangularPath path = detector.evaluate(usdtBtcEth, view, new BigDecimal("1000"), 1);

            assertThat(path.netEdgePercent()).isNull();
            assertThat(path.endQty()).isNull();
        }

        @Test
        void rejectsANonPositiveStartQuantity() {
            assertThatThrownBy(() -> detector.evaluate(usdtBtcEth, view, BigDecimal.ZERO, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startQty");
        }
    }
}

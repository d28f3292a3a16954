package io.crossbook.core.arb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A spot–perpetual pair quoted on the REST depth snapshots (1,000 levels a side) of real Binance
 * BTCUSDT recordings of 2024-08-08 23:54 UTC (see {@code resources/binance/SOURCES.md}), checked
 * against a BigDecimal walk of the same levels.
 */
class SpreadCalculatorRecordedBinanceTest {
    static final MathContext MC = MathContext.DECIMAL128;
    /** Binance's BTCUSDT filters: spot tick 0.01, step 0.00001; USDⓈ-M tick 0.10, step 0.001. */
    static final Instrument SPOT = new Instrument(Venue.BINANCE, Market.SPOT, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"), BigDecimal.ONE);
    static final Instrument USDM = new Instrument(Venue.BINANCE, Market.LINEAR, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.10"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("100"), BigDecimal.ONE);
    static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"]");

    /** One side's levels as [price, qty], best first, straight from the exchange's strings. */
    record Levels(List<BigDecimal[]> levels) {
        BigDecimal vwap(BigDecimal qty) {
            BigDecimal remaining = qty;
            BigDecimal notional = BigDecimal.ZERO;
            for (BigDecimal[] level : levels) {
                BigDecimal take = remaining.min(level[1]);
                notional = notional.add(take.multiply(level[0]));
                remaining = remaining.subtract(take);
            }
            assertThat(remaining.signum()).isZero();
            return notional.divide(qty, MC);
        }

        long[] mantissas(int column, int scale) {
            return levels.stream().mapToLong(l -> FixedPoint.fromBigDecimal(l[column], scale)).toArray();
        }
    }

    record Snapshot(long receiveNanos, Levels bids, Levels asks) {
        BookSnapshot toBook(Instrument instrument) {
            int ps = instrument.priceScale();
            int qs = instrument.qtyScale();
            return new BookSnapshot(instrument.id(), ps, qs, bids.mantissas(0, ps), bids.mantissas(1, qs),
                    asks.mantissas(0, ps), asks.mantissas(1, qs), true, 0, receiveNanos / 1_000_000, receiveNanos);
        }
    }

    /** The recording's REST depth snapshot: the line with "lastUpdateId". */
    static Snapshot restSnapshot(String resource) throws IOException {
        try (InputStream in = SpreadCalculatorRecordedBinanceTest.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line = reader.lines().filter(l -> l.contains("\"lastUpdateId\"")).findFirst().orElseThrow();
            String json = line.substring(line.indexOf(' ') + 1);
            int bids = json.indexOf("\"bids\":");
            int asks = json.indexOf("\"asks\":");
            String bidsJson = bids < asks ? json.substring(bids, asks) : json.substring(bids);
            String asksJson = asks < bids ? json.substring(asks, bids) : json.substring(asks);
            return new Snapshot(Long.parseLong(line.substring(0, line.indexOf(' '))), levels(bidsJson), levels(asksJson));
        }
    }

    static Levels levels(String json) {
        List<BigDecimal[]> levels = new ArrayList<>();
        Matcher m = LEVEL.matcher(json);
        while (m.find()) {
            levels.add(new BigDecimal[] {new BigDecimal(m.group(1)), new BigDecimal(m.group(2))});
        }
        return new Levels(levels);
    }

    @Test
    void aSpotPerpetualPairOnRealDepthMatchesAnIndependentBigDecimalWalk() throws IOException {
        Snapshot spot = restSnapshot("/binance/spot_btcusdt_20240808_head3000.gz");
        Snapshot usdm = restSnapshot("/binance/usdm_btcusdt_20240808_head3000.gz");
        assertThat(spot.bids().levels()).hasSize(1000);
        assertThat(usdm.asks().levels()).hasSize(1000);
        BigDecimal qty = new BigDecimal("5"); // deep enough to walk more than a dozen levels on each side
        PairConfig pair = new PairConfig("btc-basis", SPOT, USDM, new BigDecimal("0.05"), qty,
                new BigDecimal("1000000"), Direction.AUTO, true);

        SpreadQuote q = new SpreadCalculator(FeeSchedule.defaults())
                .quote(pair, spot.toBook(SPOT), usdm.toBook(USDM), null, null, 1_723_161_256_000L);

        BigDecimal spotBid = spot.bids().vwap(qty);
        BigDecimal spotAsk = spot.asks().vwap(qty);
        BigDecimal perpBid = usdm.bids().vwap(qty);
        BigDecimal perpAsk = usdm.asks().vwap(qty);
        assertThat(q.leg1Bid()).isEqualTo(spotBid.doubleValue());
        assertThat(q.leg1Ask()).isEqualTo(spotAsk.doubleValue());
        assertThat(q.leg2Bid()).isEqualTo(perpBid.doubleValue());
        assertThat(q.leg2Ask()).isEqualTo(perpAsk.doubleValue());

        // the perpetual traded about 37 USDT under spot: sell spot, buy the perpetual
        assertThat(q.direction()).isEqualTo(Direction.REVERSE);
        BigDecimal mid = perpAsk.add(spotBid).divide(BigDecimal.TWO, MC);
        BigDecimal spread = spotBid.subtract(perpAsk);
        BigDecimal net = spotBid.multiply(new BigDecimal("0.999")).subtract(perpAsk.multiply(new BigDecimal("1.0005")))
                .divide(mid, MC).movePointRight(2);
        assertThat(q.spread()).isCloseTo(spread.doubleValue(), within(1e-9));
        assertThat(q.spreadPercent()).isCloseTo(spread.divide(mid, MC).movePointRight(2).doubleValue(), within(1e-12));
        assertThat(q.netSpreadPercent()).isCloseTo(net.doubleValue(), within(1e-12));
        assertThat(q.spreadPercent()).isPositive();
        assertThat(q.netSpreadPercent()).isNegative(); // 0.15 % of taker fees eat the basis
        assertThat(q.clears(pair.threshold())).isFalse();
    }
}

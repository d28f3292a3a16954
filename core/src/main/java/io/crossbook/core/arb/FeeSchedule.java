package io.crossbook.core.arb;

import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Taker fee rates, as fractions of the notional ({@code 0.001} is 0.1 %), per venue and market.
 * Immutable: {@link #withTaker} returns a changed copy.
 *
 * <p>{@link #defaults()} holds each exchange's published rate for its regular, lowest tier with no
 * discount (no BNB/OKB payment, no referral):
 * <ul>
 * <li>Binance: spot 0.1000 % (binance.com "Fee Schedule", Regular user); USDⓈ-M and COIN-M
 * futures 0.0500 % (binance.com "Binance Futures Fee Structure &amp; Fee Calculations", Regular
 * user; older copies of that page show COIN-M at 0.0400 %).</li>
 * <li>Bybit: spot 0.1000 %, perpetual and futures contracts 0.0550 % (Bybit Help Center "Trading
 * Fee Structure", VIP 0).</li>
 * <li>OKX: spot 0.100 %, futures and perpetual swaps 0.050 % (okx.com/fees, regular user Lv1).</li>
 * </ul>
 * An account on a better tier, or paying fees in the exchange's token, configures its own rate:
 * the server maps {@code crossbook.fees.<venue>.<market>.taker} onto {@link #withTaker}.
 */
public final class FeeSchedule {
    private static final BigDecimal MAX_RATE = new BigDecimal("0.01");
    private static final int MARKETS = Market.values().length;

    private static final FeeSchedule DEFAULTS = new FeeSchedule(new BigDecimal[Venue.values().length * MARKETS])
            .withTaker(Venue.BINANCE, Market.SPOT, new BigDecimal("0.001"))
            .withTaker(Venue.BINANCE, Market.LINEAR, new BigDecimal("0.0005"))
            .withTaker(Venue.BINANCE, Market.INVERSE, new BigDecimal("0.0005"))
            .withTaker(Venue.BYBIT, Market.SPOT, new BigDecimal("0.001"))
            .withTaker(Venue.BYBIT, Market.LINEAR, new BigDecimal("0.00055"))
            .withTaker(Venue.BYBIT, Market.INVERSE, new BigDecimal("0.00055"))
            .withTaker(Venue.OKX, Market.SPOT, new BigDecimal("0.001"))
            .withTaker(Venue.OKX, Market.LINEAR, new BigDecimal("0.0005"))
            .withTaker(Venue.OKX, Market.INVERSE, new BigDecimal("0.0005"));

    /** Indexed by {@link #slot}; null (and NaN) where no rate is configured. */
    private final BigDecimal[] taker;
    private final double[] takerRate;

    private FeeSchedule(BigDecimal[] taker) {
        this.taker = taker;
        this.takerRate = new double[taker.length];
        for (int i = 0; i < taker.length; i++) {
            takerRate[i] = taker[i] == null ? Double.NaN : taker[i].doubleValue();
        }
    }

    /** The exchanges' regular-tier taker rates (sources above). */
    public static FeeSchedule defaults() {
        return DEFAULTS;
    }

    /** A copy with the taker rate of one venue and market replaced; the rate must be in [0, 0.01). */
    public FeeSchedule withTaker(Venue venue, Market market, BigDecimal rate) {
        String key = venue.id() + ":" + market.id();
        if (rate == null || rate.signum() < 0 || rate.compareTo(MAX_RATE) >= 0) {
            throw new IllegalArgumentException("taker fee for " + key + " must be in [0, 0.01) as a fraction, was "
                    + (rate == null ? "missing" : rate.toPlainString()));
        }
        BigDecimal[] copy = Arrays.copyOf(taker, taker.length);
        copy[slot(venue, market)] = rate;
        return new FeeSchedule(copy);
    }

    /** The exact taker rate for an instrument's venue and market. */
    public BigDecimal taker(InstrumentId instrument) {
        BigDecimal rate = taker[slot(instrument.venue(), instrument.market())];
        if (rate == null) {
            throw missing(instrument);
        }
        return rate;
    }

    /** The taker rate as a double, for pricing on the hot path (no allocation). */
    public double takerRate(InstrumentId instrument) {
        double rate = takerRate[slot(instrument.venue(), instrument.market())];
        if (Double.isNaN(rate)) {
            throw missing(instrument);
        }
        return rate;
    }

    private static int slot(Venue venue, Market market) {
        return venue.ordinal() * MARKETS + market.ordinal();
    }

    private static IllegalStateException missing(InstrumentId instrument) {
        return new IllegalStateException("no taker fee configured for "
                + instrument.venue().id() + ":" + instrument.market().id());
    }
}

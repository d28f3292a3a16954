package io.crossbook.core.arb;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.book.Vwap;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Prices pairs through their books' depth for the pair's quantity, net of taker fees
 * ({@link SpreadQuote}). Walking the books is exact (fixed-point mantissas); each VWAP becomes a
 * {@code double} once, at the end, and the spreads are computed from those.
 *
 * <p>The pair's quantity is in the base currency; each leg's book is in that instrument's order
 * units (contracts for contracts). The conversion is done once per pair and book scale and cached,
 * so a quote allocates nothing but its result. Engine thread only.
 */
public final class SpreadCalculator {
    /** Integers up to 2^53 are exact doubles, so one division of two of them rounds once. */
    private static final long EXACT_DOUBLE = 1L << 53;

    private final FeeSchedule fees;
    private final Map<String, PairLegs> legsByPair = new HashMap<>();

    public SpreadCalculator(FeeSchedule fees) {
        this.fees = fees;
    }

    /**
     * Quotes a pair on the given books (null or invalid books leave that leg's prices null) with
     * each leg's funding rate (null when the leg is spot or its rate unknown). Throws
     * {@link IllegalArgumentException} for a pair with an inverse leg or a non-positive quantity,
     * and for a book or funding rate of another instrument than its leg.
     */
    public SpreadQuote quote(PairConfig pair, BookSnapshot leg1, BookSnapshot leg2, FundingRate leg1Funding,
                             FundingRate leg2Funding, long tsMillis) {
        PairLegs legs = legsFor(pair);
        long qty1 = legs.leg1.qtyFor(leg1, "leg1");
        long qty2 = legs.leg2.qtyFor(leg2, "leg2");
        double leg1Bid = price(leg1, Side.BID, qty1);
        double leg1Ask = price(leg1, Side.ASK, qty1);
        double leg2Bid = price(leg2, Side.BID, qty2);
        double leg2Ask = price(leg2, Side.ASK, qty2);
        double fee1 = legs.leg1.takerRate;
        double fee2 = legs.leg2.takerRate;

        // NaN (an unpriced side) propagates, so an unpriceable direction nets NaN and is never chosen.
        Direction allowed = pair.direction();
        double forward = allowed == Direction.REVERSE ? Double.NaN : netPercent(leg1Ask, leg2Bid, fee1, fee2);
        double reverse = allowed == Direction.FORWARD ? Double.NaN : netPercent(leg2Ask, leg1Bid, fee2, fee1);
        Direction direction;
        if (Double.isNaN(forward) && Double.isNaN(reverse)) {
            direction = null;
        } else {
            direction = Double.isNaN(reverse) || forward >= reverse ? Direction.FORWARD : Direction.REVERSE;
        }

        Double spread = null;
        Double spreadPercent = null;
        Double net = null;
        if (direction != null) {
            double buy = direction == Direction.FORWARD ? leg1Ask : leg2Ask;
            double sell = direction == Direction.FORWARD ? leg2Bid : leg1Bid;
            double gross = sell - buy;
            spread = gross;
            spreadPercent = gross / ((buy + sell) / 2) * 100;
            net = direction == Direction.FORWARD ? forward : reverse;
        }

        Double fundingRate = fundingRate(legs, direction, leg1Funding, leg2Funding);
        Double carry = fundingRate == null || direction == null ? null : carryPercent(legs, direction, fundingRate);
        return new SpreadQuote(pair.id(), tsMillis, boxed(leg1Bid), boxed(leg1Ask), boxed(leg2Bid), boxed(leg2Ask),
                direction, spread, spreadPercent, net, fundingRate, carry);
    }

    /**
     * The perpetual leg's rate; with two perpetuals, the short leg's minus the long leg's (which
     * needs a direction). Null when a rate is unknown or no leg is a perpetual.
     */
    private static Double fundingRate(PairLegs legs, Direction direction, FundingRate leg1Funding,
                                      FundingRate leg2Funding) {
        double rate1 = legs.leg1.fundingRate(leg1Funding, "leg1");
        double rate2 = legs.leg2.fundingRate(leg2Funding, "leg2");
        double rate;
        if (legs.leg1.perpetual && legs.leg2.perpetual) {
            // forward is long leg 1 and short leg 2
            rate = direction == null ? Double.NaN : direction == Direction.FORWARD ? rate2 - rate1 : rate1 - rate2;
        } else {
            rate = legs.leg1.perpetual ? rate1 : legs.leg2.perpetual ? rate2 : Double.NaN;
        }
        return boxed(rate);
    }

    /** Percent of notional earned per interval: a short perpetual earns the rate, a long one pays it. */
    private static double carryPercent(PairLegs legs, Direction direction, double fundingRate) {
        if (legs.leg1.perpetual && legs.leg2.perpetual) {
            return fundingRate * 100; // already short minus long
        }
        boolean perpetualIsShort = (direction == Direction.FORWARD) == legs.leg2.perpetual;
        return perpetualIsShort ? fundingRate * 100 : -fundingRate * 100;
    }

    /** Drops what is cached for a pair that is no longer quoted. */
    public void forget(String pairId) {
        legsByPair.remove(pairId);
    }

    private PairLegs legsFor(PairConfig pair) {
        PairLegs legs = legsByPair.get(pair.id());
        if (legs == null || legs.pair != pair && !legs.pair.equals(pair)) {
            legs = new PairLegs(pair, fees);
            legsByPair.put(pair.id(), legs);
        }
        return legs;
    }

    /** The VWAP for {@code qty} on one side, or NaN when the book cannot fill all of it. */
    private static double price(BookSnapshot book, Side side, long qty) {
        if (qty <= 0) {
            return Double.NaN;
        }
        Vwap vwap;
        try {
            vwap = book.vwap(side, qty);
        } catch (ArithmeticException notionalBeyondLong) {
            return Double.NaN; // cannot be priced exactly, so it is not priced
        }
        if (!vwap.complete()) {
            return Double.NaN;
        }
        long unit = FixedPoint.pow10(vwap.priceScale());
        long notional = vwap.notional();
        if (notional < EXACT_DOUBLE && qty < EXACT_DOUBLE / unit) {
            return (double) notional / (double) (qty * unit);
        }
        return (double) notional / qty / unit;
    }

    private static double netPercent(double buy, double sell, double takerBuy, double takerSell) {
        return (sell * (1 - takerSell) - buy * (1 + takerBuy)) / ((buy + sell) / 2) * 100;
    }

    private static Double boxed(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** A pair's legs as last configured, with what the hot path needs precomputed. */
    private static final class PairLegs {
        final PairConfig pair;
        final Leg leg1;
        final Leg leg2;

        PairLegs(PairConfig pair, FeeSchedule fees) {
            if (pair.leg1().market() == Market.INVERSE || pair.leg2().market() == Market.INVERSE) {
                throw new IllegalArgumentException("pair " + pair.id() + ": inverse legs are not supported");
            }
            if (pair.qty().signum() <= 0) {
                throw new IllegalArgumentException("pair " + pair.id() + ": qty must be positive, was "
                        + pair.qty().toPlainString());
            }
            this.pair = pair;
            this.leg1 = new Leg(pair.leg1(), pair.qty(), fees);
            this.leg2 = new Leg(pair.leg2(), pair.qty(), fees);
        }
    }

    /** One leg: its order quantity at the last book scale seen, and its last funding rate as a double. */
    private static final class Leg {
        private static final long UNPRICEABLE = -1;

        final InstrumentId id;
        final boolean perpetual;
        final double takerRate;
        /** The pair's quantity in this instrument's order units; null if it is no whole number of them. */
        private final BigDecimal orderQty;
        private int qtyScale = -1;
        private long qtyMantissa;
        private FundingRate funding;
        private double fundingRate = Double.NaN;

        Leg(Instrument instrument, BigDecimal baseQty, FeeSchedule fees) {
            this.id = instrument.id();
            this.perpetual = instrument.market() == Market.LINEAR; // a dated future is given no funding rate
            this.takerRate = fees.takerRate(id);
            this.orderQty = orderQty(instrument, baseQty);
        }

        private static BigDecimal orderQty(Instrument instrument, BigDecimal baseQty) {
            try {
                return instrument.toOrderQty(baseQty);
            } catch (ArithmeticException notWholeUnits) {
                return null;
            }
        }

        /** The order quantity as a mantissa at the book's scale; {@code -1} when it cannot be priced. */
        long qtyFor(BookSnapshot book, String leg) {
            if (book == null || !book.valid()) {
                return UNPRICEABLE;
            }
            if (!book.instrument().equals(id)) {
                throw new IllegalArgumentException(leg + " book is for " + book.instrument() + ", not " + id);
            }
            if (book.qtyScale() != qtyScale) {
                qtyMantissa = mantissa(book.qtyScale());
                qtyScale = book.qtyScale();
            }
            return qtyMantissa;
        }

        private long mantissa(int scale) {
            if (orderQty == null) {
                return UNPRICEABLE;
            }
            try {
                return FixedPoint.fromBigDecimal(orderQty, scale);
            } catch (ArithmeticException finerThanTheBook) {
                return UNPRICEABLE;
            }
        }

        /** The rate as a double, NaN when unknown; converted only when a new rate arrives. */
        double fundingRate(FundingRate rate, String leg) {
            if (rate != funding) {
                if (rate != null && !rate.instrument().equals(id)) {
                    throw new IllegalArgumentException(leg + " funding rate is for " + rate.instrument() + ", not " + id);
                }
                funding = rate;
                fundingRate = rate == null ? Double.NaN : rate.rate().doubleValue();
            }
            return fundingRate;
        }
    }
}

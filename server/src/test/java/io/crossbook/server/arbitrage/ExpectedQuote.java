package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.Direction;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A pair's quote as the specification defines it, computed in {@link BigDecimal} from
 * {@link ReferenceMarket} books: each leg's VWAP for the pair's quantity on both sides; forward
 * buys leg 1 at its ask and sells leg 2 at its bid, reverse the opposite; spread = sell − buy;
 * spreadPercent = spread / mid × 100 with mid = (buy + sell) / 2; net = (sell × (1 − fee of the
 * sell leg) − buy × (1 + fee of the buy leg)) / mid × 100; the direction is the one with the better
 * net, forward on a tie; everything but the priced sides is null when a direction cannot be priced.
 */
record ExpectedQuote(long ts, BigDecimal leg1Bid, BigDecimal leg1Ask, BigDecimal leg2Bid, BigDecimal leg2Ask,
                     Direction direction, BigDecimal spread, BigDecimal spreadPercent, BigDecimal netSpreadPercent) {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The quote of an auto-direction pair trading {@code qty} on the market {@code state}, with each leg's taker fee. */
    static ExpectedQuote of(ReferenceMarket.State state, BigDecimal qty, BigDecimal leg1Fee, BigDecimal leg2Fee) {
        BigDecimal leg1Bid = vwap(state.leg1(), false, qty);
        BigDecimal leg1Ask = vwap(state.leg1(), true, qty);
        BigDecimal leg2Bid = vwap(state.leg2(), false, qty);
        BigDecimal leg2Ask = vwap(state.leg2(), true, qty);
        BigDecimal forward = net(leg1Ask, leg1Fee, leg2Bid, leg2Fee);
        BigDecimal reverse = net(leg2Ask, leg2Fee, leg1Bid, leg1Fee);
        Direction direction = forward == null && reverse == null ? null
                : reverse == null || forward != null && forward.compareTo(reverse) >= 0 ? Direction.FORWARD
                : Direction.REVERSE;
        long ts = Math.floorDiv(state.engineNanos(), 1_000_000L);
        if (direction == null) {
            return new ExpectedQuote(ts, leg1Bid, leg1Ask, leg2Bid, leg2Ask, null, null, null, null);
        }
        boolean fwd = direction == Direction.FORWARD;
        BigDecimal buy = fwd ? leg1Ask : leg2Ask;
        BigDecimal sell = fwd ? leg2Bid : leg1Bid;
        BigDecimal spread = sell.subtract(buy);
        return new ExpectedQuote(ts, leg1Bid, leg1Ask, leg2Bid, leg2Ask, direction, spread,
                spread.divide(mid(buy, sell), MC).multiply(HUNDRED), fwd ? forward : reverse);
    }

    /** The price a buy (or sell) of this direction pays (gets). */
    BigDecimal buyPrice() {
        return direction == Direction.FORWARD ? leg1Ask : leg2Ask;
    }

    BigDecimal sellPrice() {
        return direction == Direction.FORWARD ? leg2Bid : leg1Bid;
    }

    private static BigDecimal vwap(ReferenceBook.Top book, boolean buy, BigDecimal qty) {
        return book == null ? null : book.vwap(buy, qty);
    }

    private static BigDecimal net(BigDecimal buy, BigDecimal buyFee, BigDecimal sell, BigDecimal sellFee) {
        if (buy == null || sell == null) {
            return null;
        }
        BigDecimal proceeds = sell.multiply(BigDecimal.ONE.subtract(sellFee));
        BigDecimal cost = buy.multiply(BigDecimal.ONE.add(buyFee));
        return proceeds.subtract(cost).divide(mid(buy, sell), MC).multiply(HUNDRED);
    }

    private static BigDecimal mid(BigDecimal buy, BigDecimal sell) {
        return buy.add(sell).divide(TWO, MC);
    }
}

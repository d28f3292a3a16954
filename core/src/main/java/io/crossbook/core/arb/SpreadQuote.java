package io.crossbook.core.arb;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One pair's live prices at {@code ts} (epoch milliseconds). Prices are quote currency per base
 * unit; percentages are of the mid price {@code (buy + sell) / 2}.
 *
 * @param leg1Bid            VWAP through leg 1's bids for the pair's quantity; null when that
 *                           side is too thin or the book is missing or invalid (likewise the
 *                           other three prices)
 * @param direction          the better of the directions the pair allows ({@code AUTO}: both):
 *                           {@code FORWARD} buys leg 1 at its ask and sells leg 2 at its bid,
 *                           {@code REVERSE} sells leg 1 at its bid and buys leg 2 at its ask;
 *                           null when neither can be priced (and then so are the spreads)
 * @param spread             sell VWAP minus buy VWAP of that direction
 * @param spreadPercent      {@code spread / mid * 100}
 * @param netSpreadPercent   {@code (sell * (1 - takerSell) - buy * (1 + takerBuy)) / mid * 100}
 * @param fundingRate        the perpetual leg's funding rate per interval; with two perpetual
 *                           legs, the short leg's rate minus the long leg's; null without a
 *                           perpetual leg or while a rate is unknown
 * @param fundingCarryPercent what the direction's perpetual position earns (+) or pays (-) per
 *                           funding interval, in percent of notional: a short earns the rate, a
 *                           long pays it; null when {@code fundingRate} or {@code direction} is
 */
public record SpreadQuote(String pairId, long ts, Double leg1Bid, Double leg1Ask, Double leg2Bid, Double leg2Ask,
                          Direction direction, Double spread, Double spreadPercent, Double netSpreadPercent,
                          Double fundingRate, Double fundingCarryPercent) {
    public SpreadQuote {
        Objects.requireNonNull(pairId, "pairId");
        if (direction == Direction.AUTO) {
            throw new IllegalArgumentException("direction of a quote is forward or reverse, not auto");
        }
    }

    /** True when the net spread reaches {@code threshold} (percent); false when nothing is priced. */
    public boolean clears(BigDecimal threshold) {
        return netSpreadPercent != null && netSpreadPercent >= threshold.doubleValue();
    }

    /** The VWAP at which the chosen direction buys: leg 1's ask forward, leg 2's ask in reverse. */
    public double buyPrice() {
        return requireDirection() == Direction.FORWARD ? leg1Ask : leg2Ask;
    }

    /** The VWAP at which the chosen direction sells: leg 2's bid forward, leg 1's bid in reverse. */
    public double sellPrice() {
        return requireDirection() == Direction.FORWARD ? leg2Bid : leg1Bid;
    }

    private Direction requireDirection() {
        if (direction == null) {
            throw new IllegalStateException("pair " + pairId + " has no priced direction");
        }
        return direction;
    }
}

package io.crossbook.core.arb;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns the stream of quotes into opportunities worth publishing: one when a pair's net spread
 * starts clearing its threshold, and again only when the direction flips or the net spread has
 * moved materially since the last one published. An opportunity ends when the net spread falls
 * below the threshold (or can no longer be priced). Engine thread only.
 */
public final class OpportunityTracker {
    /** Net spreads are doubles: a move that is material in decimal must not miss by a rounding error. */
    private static final double ROUNDING_SLACK = 1e-12;

    private final double materialChangePoints;
    private final Map<String, Opportunity> openByPair = new HashMap<>();

    /** @param materialChangePoints how far, in percentage points, the net spread must move to be published again */
    public OpportunityTracker(double materialChangePoints) {
        if (!(materialChangePoints >= 0) || Double.isInfinite(materialChangePoints)) {
            throw new IllegalArgumentException("materialChangePoints must be a finite number >= 0, was "
                    + materialChangePoints);
        }
        this.materialChangePoints = materialChangePoints;
    }

    /** The opportunity to publish for this quote, or null when there is nothing new to say. */
    public Opportunity update(PairConfig pair, SpreadQuote quote) {
        if (!pair.id().equals(quote.pairId())) {
            throw new IllegalArgumentException("quote is for pair " + quote.pairId() + ", not " + pair.id());
        }
        if (!quote.clears(pair.threshold())) {
            openByPair.remove(pair.id());
            return null;
        }
        Opportunity last = openByPair.get(pair.id());
        if (last != null && last.direction() == quote.direction()
                && Math.abs(quote.netSpreadPercent() - last.netSpreadPercent()) < materialChangePoints - ROUNDING_SLACK) {
            return null;
        }
        boolean forward = quote.direction() == Direction.FORWARD;
        Opportunity next = new Opportunity(pair.id(), quote.direction(), quote.spread(), quote.spreadPercent(),
                quote.netSpreadPercent(), forward ? quote.leg1Ask() : quote.leg1Bid(),
                forward ? quote.leg2Bid() : quote.leg2Ask(), pair.qty(), quote.ts());
        openByPair.put(pair.id(), next);
        return next;
    }

    /** Ends and forgets a pair's opportunity (the pair was removed or changed). */
    public void forget(String pairId) {
        openByPair.remove(pairId);
    }

    /** True while the pair has an opportunity open. */
    public boolean open(String pairId) {
        return openByPair.containsKey(pairId);
    }
}

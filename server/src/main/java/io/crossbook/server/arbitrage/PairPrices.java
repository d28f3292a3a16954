package io.crossbook.server.arbitrage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crossbook.core.arb.SpreadQuote;

/**
 * A pair's live spread as {@code GET /api/monitoring/prices} reports it (API.md, seeds/000):
 * each leg's bid and ask are the VWAP of the pair's qty through that side of the book, and the
 * spread is that of the better allowed direction, gross and net of both taker fees. Null fields
 * mean no price (a book missing, out of sync or too thin), never a made-up one; {@code status}
 * says why a pair is not priced.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PairPrices(String pairId, Side leg1, Side leg2, Double spread, Double spreadPercent, Double netSpreadPercent,
                         String direction, Double fundingRate, Double fundingCarryPercent, String status, long ts) {

    public record Side(Double bid, Double ask) {
    }

    static PairPrices of(SpreadQuote q) {
        return new PairPrices(q.pairId(), new Side(q.leg1Bid(), q.leg1Ask()), new Side(q.leg2Bid(), q.leg2Ask()),
                q.spread(), q.spreadPercent(), q.netSpreadPercent(), q.direction() == null ? null : q.direction().id(),
                q.fundingRate(), q.fundingCarryPercent(), q.direction() == null ? "no price: a leg's book is missing,"
                + " out of sync or too thin for qty" : "priced", q.ts());
    }

    static PairPrices unpriced(String pairId, String why, long ts) {
        return new PairPrices(pairId, new Side(null, null), new Side(null, null), null, null, null, null, null, null,
                "no price: " + why, ts);
    }
}

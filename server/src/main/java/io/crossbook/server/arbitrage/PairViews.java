package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.PairConfig;
import io.crossbook.core.model.Instrument;
import io.crossbook.store.trading.StoredPair;

/** Maps pairs between the store's rows, the API's shapes and the engine's config. */
final class PairViews {
    private PairViews() {
    }

    static PairView view(StoredPair p) {
        return new PairView(p.id(), new PairRequest.Leg(p.leg1Exchange(), p.leg1Symbol(), p.leg1Type()),
                new PairRequest.Leg(p.leg2Exchange(), p.leg2Symbol(), p.leg2Type()), p.threshold(), p.qty(),
                p.totalAmount(), p.direction(), p.enabled(), p.createdAt(), p.updatedAt());
    }

    static PairRequest request(StoredPair p) {
        return new PairRequest(p.id(), new PairRequest.Leg(p.leg1Exchange(), p.leg1Symbol(), p.leg1Type()),
                new PairRequest.Leg(p.leg2Exchange(), p.leg2Symbol(), p.leg2Type()), p.threshold(), p.qty(),
                p.totalAmount(), p.direction(), p.enabled());
    }

    static StoredPair stored(PairConfig c, long createdAt, long updatedAt) {
        Instrument l1 = c.leg1();
        Instrument l2 = c.leg2();
        return new StoredPair(c.id(), l1.venue().id(), l1.symbol(), l1.market().id(), l2.venue().id(), l2.symbol(),
                l2.market().id(), c.threshold(), c.qty(), c.totalAmount(), c.direction().id(), c.enabled(), createdAt,
                updatedAt);
    }
}

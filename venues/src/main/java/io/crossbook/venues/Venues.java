package io.crossbook.venues;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.binance.BinanceProtocol;
import io.crossbook.venues.bybit.BybitProtocol;
import io.crossbook.venues.common.MarketDataProtocol;
import io.crossbook.venues.okx.OkxProtocol;

/** The market-data protocol of every venue-market Crossbook supports. */
public final class Venues {
    private Venues() {
    }

    /** Throws {@link IllegalArgumentException} naming the supported markets for an unsupported pair. */
    public static MarketDataProtocol protocol(Venue venue, Market market) {
        return switch (venue) {
            case BINANCE -> new BinanceProtocol(market);
            case BYBIT -> new BybitProtocol(market);
            case OKX -> new OkxProtocol(market);
        };
    }
}

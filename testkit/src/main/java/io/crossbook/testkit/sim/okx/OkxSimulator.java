package io.crossbook.testkit.sim.okx;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.Recording;
import java.math.BigDecimal;

/**
 * A simulated OKX with the recording testkit ships: BTC-USDT spot, 2022-05-13, about 11 s of
 * {@code books}, tickers and trades (see {@code sim/okx/SOURCES.md}).
 */
public final class OkxSimulator {
    public static final String SPOT_RECORDING = "/sim/okx/spot_btc-usdt_20220513_ws.gz";

    /** BTC-USDT spot as the shipped instruments answer defines it: tick 0.1, lot 0.00000001, minimum 0.00001 BTC. */
    public static final Instrument SPOT_BTC_USDT = new Instrument(Venue.OKX, Market.SPOT, "BTC-USDT", "BTC", "USDT",
            new BigDecimal("0.1"), new BigDecimal("0.00000001"), new BigDecimal("0.00001"), BigDecimal.ZERO, BigDecimal.ONE);

    private OkxSimulator() {
    }

    public static Recording spotRecording() {
        return Recording.resource(SPOT_BTC_USDT, SPOT_RECORDING);
    }

    /** An OKX simulator replaying the shipped recording; add accounts (with their passphrases) and start it. */
    public static ExchangeSimulator.Builder builder() {
        return ExchangeSimulator.builder(new OkxSimProtocol()).recording(spotRecording());
    }
}

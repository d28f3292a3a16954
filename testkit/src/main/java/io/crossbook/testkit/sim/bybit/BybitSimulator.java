package io.crossbook.testkit.sim.bybit;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.Recording;
import java.math.BigDecimal;

/**
 * A simulated Bybit with the recording testkit ships: XRPUSDT linear, 2024-12-01 00:00:00–00:00:05
 * UTC, one snapshot and 49 deltas of {@code orderbook.500} (see {@code sim/bybit/SOURCES.md}).
 */
public final class BybitSimulator {
    public static final String LINEAR_RECORDING = "/sim/bybit/linear_xrpusdt_20241201_ob500.gz";

    /**
     * XRPUSDT perpetual as Bybit lists it: tick 0.0001 USDT and lot 1 XRP (the recorded levels are
     * quoted so), minimum order 1 XRP, minimum notional 5 USDT.
     */
    public static final Instrument LINEAR_XRPUSDT = new Instrument(Venue.BYBIT, Market.LINEAR, "XRPUSDT", "XRP", "USDT",
            new BigDecimal("0.0001"), BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("5"), BigDecimal.ONE);

    private BybitSimulator() {
    }

    public static Recording linearRecording() {
        return Recording.resource(LINEAR_XRPUSDT, LINEAR_RECORDING);
    }

    /** A Bybit simulator replaying the shipped recording; add accounts and start it. */
    public static ExchangeSimulator.Builder builder() {
        return ExchangeSimulator.builder(new BybitSimProtocol()).recording(linearRecording());
    }
}

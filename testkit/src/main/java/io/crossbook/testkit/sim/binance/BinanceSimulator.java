package io.crossbook.testkit.sim.binance;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.Recording;
import java.math.BigDecimal;

/**
 * A simulated Binance with the recordings testkit ships: BTCUSDT spot and USDⓈ-M, the first 3,000
 * messages of 2024-08-08 23:54 UTC each (see {@code sim/binance/SOURCES.md}). The instruments are
 * BTCUSDT as the shipped {@code exchangeInfo} answers define it.
 */
public final class BinanceSimulator {
    public static final String SPOT_RECORDING = "/sim/binance/spot_btcusdt_20240808_head3000.gz";
    public static final String USDM_RECORDING = "/sim/binance/usdm_btcusdt_20240808_head3000.gz";

    /** BTCUSDT spot: tick 0.01, lot 0.00001, minimum notional 10 USDT. */
    public static final Instrument SPOT_BTCUSDT = new Instrument(Venue.BINANCE, Market.SPOT, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("0.00001"), BigDecimal.TEN, BigDecimal.ONE);

    /** BTCUSDT USDⓈ-M perpetual: tick 0.1, lot 0.001 BTC, minimum notional 10 USDT. */
    public static final Instrument USDM_BTCUSDT = new Instrument(Venue.BINANCE, Market.LINEAR, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.TEN, BigDecimal.ONE);

    private BinanceSimulator() {
    }

    public static Recording spotRecording() {
        return Recording.resource(SPOT_BTCUSDT, SPOT_RECORDING);
    }

    public static Recording usdmRecording() {
        return Recording.resource(USDM_BTCUSDT, USDM_RECORDING);
    }

    /** A Binance simulator replaying both shipped recordings; add accounts and start it. */
    public static ExchangeSimulator.Builder builder() {
        return ExchangeSimulator.builder(new BinanceSimProtocol()).recording(spotRecording()).recording(usdmRecording());
    }
}

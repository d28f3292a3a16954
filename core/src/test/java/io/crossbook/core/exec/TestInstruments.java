package io.crossbook.core.exec;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;

/** Instruments with the exchanges' real filters (as of 2025), for paper trading tests. */
final class TestInstruments {
    /** Binance spot BTCUSDT: tick 0.01, lot 0.00001, min notional 5 USDT. */
    static final Instrument BINANCE_SPOT = new Instrument(Venue.BINANCE, Market.SPOT, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"),
            BigDecimal.ONE);

    /** Bybit USDT perpetual BTCUSDT: tick 0.1, lot 0.001, min notional 5 USDT. */
    static final Instrument BYBIT_PERP = new Instrument(Venue.BYBIT, Market.LINEAR, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"),
            BigDecimal.ONE);

    /** OKX BTC-USDT-SWAP: one contract is 0.01 BTC, lot 0.01 contracts, tick 0.1. */
    static final Instrument OKX_SWAP = new Instrument(Venue.OKX, Market.LINEAR, "BTC-USDT-SWAP", "BTC", "USDT",
            new BigDecimal("0.1"), new BigDecimal("0.01"), new BigDecimal("0.01"), BigDecimal.ZERO,
            new BigDecimal("0.01"));

    /** Bybit inverse BTCUSD: contracts of 1 USD, which paper trading does not support. */
    static final Instrument BYBIT_INVERSE = new Instrument(Venue.BYBIT, Market.INVERSE, "BTCUSD", "BTC", "USD",
            new BigDecimal("0.5"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE);

    private TestInstruments() {
    }
}

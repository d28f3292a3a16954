package io.crossbook.core.model;

/**
 * A public trade. {@code aggressor} is the taker's side: {@link Side#BID} for a buy.
 * Price and quantity are mantissas at {@code priceScale} and {@code qtyScale}.
 */
public record Trade(InstrumentId instrument, String tradeId, long price, long qty, int priceScale, int qtyScale,
                    Side aggressor, long exchangeTimeMillis, long receiveNanos) {
}

package io.crossbook.core.model;

/**
 * Best bid and ask as the exchange's ticker stream reports them, mantissas at {@code priceScale}
 * and {@code qtyScale}. {@code updateId} is the exchange's book update id where it sends one, else 0.
 */
public record Ticker(InstrumentId instrument, long bidPrice, long bidQty, long askPrice, long askQty,
                     int priceScale, int qtyScale, long updateId, long exchangeTimeMillis, long receiveNanos) {
}

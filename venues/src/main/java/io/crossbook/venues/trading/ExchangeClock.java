package io.crossbook.venues.trading;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * The exchange's time as this machine estimates it, for signed requests' timestamps: the local clock
 * plus the offset measured by {@link #sync}, which reads the exchange's server time and assumes it was
 * taken halfway through the round trip.
 */
public final class ExchangeClock extends Clock {
    private final Clock local;
    private volatile long offsetMillis;

    public ExchangeClock(Clock local) {
        this.local = local;
    }

    /**
     * Measures the offset again with {@code serverTimeMillis}, a call of the exchange's public time
     * endpoint; returns the new offset in milliseconds (positive when the exchange is ahead).
     */
    public long sync(LongSupplier serverTimeMillis) {
        long before = local.millis();
        long server = serverTimeMillis.getAsLong();
        long after = local.millis();
        offsetMillis = server - (before + (after - before) / 2);
        return offsetMillis;
    }

    @Override
    public long millis() {
        return local.millis() + offsetMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("an exchange clock is UTC");
    }
}

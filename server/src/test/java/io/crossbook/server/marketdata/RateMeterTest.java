package io.crossbook.server.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateMeterTest {
    static final long SECOND = 1_000_000_000L;
    final RateMeter meter = new RateMeter(10 * SECOND);

    @Test
    void noRateBeforeTwoSamples() {
        assertThat(meter.perSecond()).isZero();
        meter.sample(0, 100);
        assertThat(meter.perSecond()).isZero();
    }

    @Test
    void theRateIsOverTheSamplesInTheWindow() {
        meter.sample(0, 0);
        meter.sample(SECOND, 1000);
        assertThat(meter.perSecond()).isEqualTo(1000);
        for (int s = 2; s <= 20; s++) {
            meter.sample(s * SECOND, 1000 + (s - 1) * 10L);
        }
        assertThat(meter.perSecond()).as("the burst in the first second has left the window").isEqualTo(10);
    }

    @Test
    void aCountThatStartsOverStartsANewRate() {
        meter.sample(0, 0);
        meter.sample(SECOND, 5000);
        meter.sample(2 * SECOND, 10);
        assertThat(meter.perSecond()).isZero();
        meter.sample(3 * SECOND, 30);
        assertThat(meter.perSecond()).isEqualTo(20);
        meter.clear();
        assertThat(meter.perSecond()).isZero();
    }
}

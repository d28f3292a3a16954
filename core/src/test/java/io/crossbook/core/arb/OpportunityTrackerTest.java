package io.crossbook.core.arb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Threshold 0.10 % net; a change of 0.02 percentage points is material. */
class OpportunityTrackerTest {
    static final Instrument SPOT = new Instrument(Venue.BINANCE, Market.SPOT, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"), BigDecimal.ONE);
    static final Instrument PERP = new Instrument(Venue.BYBIT, Market.LINEAR, "BTCUSDT", "BTC", "USDT",
            new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"), BigDecimal.ONE);
    static final PairConfig PAIR = new PairConfig("btc-spot-perp", SPOT, PERP, new BigDecimal("0.10"),
            new BigDecimal("0.5"), new BigDecimal("100000"), Direction.AUTO, true);

    final OpportunityTracker tracker = new OpportunityTracker(0.02);

    /** A forward quote (buy leg 1 at its ask, sell leg 2 at its bid) with the given net spread. */
    static SpreadQuote forward(double net, long ts) {
        return new SpreadQuote(PAIR.id(), ts, 59990.0, 60000.0, 60120.0, 60130.0, Direction.FORWARD,
                120.0, 0.2, net, null, null);
    }

    static SpreadQuote reverse(double net, long ts) {
        return new SpreadQuote(PAIR.id(), ts, 60200.0, 60210.0, 60000.0, 60010.0, Direction.REVERSE,
                190.0, 0.32, net, null, null);
    }

    static SpreadQuote unpriced(long ts) {
        return new SpreadQuote(PAIR.id(), ts, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void publishesWhenTheNetSpreadFirstClearsTheThreshold() {
        assertThat(tracker.update(PAIR, forward(0.09, 1))).isNull();
        assertThat(tracker.open(PAIR.id())).isFalse();

        Opportunity o = tracker.update(PAIR, forward(0.10, 2));

        assertThat(o).isEqualTo(new Opportunity(PAIR.id(), Direction.FORWARD, 120.0, 0.2, 0.10, 60000.0, 60120.0,
                new BigDecimal("0.5"), 2));
        assertThat(tracker.open(PAIR.id())).isTrue();
    }

    @Test
    void doesNotRepublishASmallChange() {
        tracker.update(PAIR, forward(0.13, 1));

        assertThat(tracker.update(PAIR, forward(0.13, 2))).isNull();
        assertThat(tracker.update(PAIR, forward(0.149, 3))).isNull();
        assertThat(tracker.update(PAIR, forward(0.111, 4))).isNull();
        assertThat(tracker.open(PAIR.id())).isTrue();
    }

    @Test
    void republishesAMaterialChangeMeasuredFromTheLastPublished() {
        tracker.update(PAIR, forward(0.13, 1));
        tracker.update(PAIR, forward(0.145, 2));

        // 0.15 - 0.13 is 0.01999... in doubles: still the material 0.02 it is in decimal
        Opportunity up = tracker.update(PAIR, forward(0.15, 3));
        assertThat(up.netSpreadPercent()).isEqualTo(0.15);
        assertThat(up.ts()).isEqualTo(3);

        assertThat(tracker.update(PAIR, forward(0.135, 4))).isNull();
        assertThat(tracker.update(PAIR, forward(0.13, 5)).netSpreadPercent()).isEqualTo(0.13);
    }

    @Test
    void endsWhenTheNetSpreadFallsBelowTheThresholdAndPublishesTheNextClearingQuote() {
        tracker.update(PAIR, forward(0.13, 1));

        assertThat(tracker.update(PAIR, forward(0.0999, 2))).isNull();
        assertThat(tracker.open(PAIR.id())).isFalse();

        assertThat(tracker.update(PAIR, forward(0.13, 3))).isNotNull();
    }

    @Test
    void endsWhenTheQuoteCannotBePriced() {
        tracker.update(PAIR, forward(0.13, 1));

        assertThat(tracker.update(PAIR, unpriced(2))).isNull();

        assertThat(tracker.open(PAIR.id())).isFalse();
        assertThat(tracker.update(PAIR, forward(0.13, 3))).isNotNull();
    }

    @Test
    void aDirectionFlipIsPublishedWithTheReverseLegPrices() {
        tracker.update(PAIR, forward(0.13, 1));

        Opportunity flipped = tracker.update(PAIR, reverse(0.135, 2));

        assertThat(flipped.direction()).isEqualTo(Direction.REVERSE);
        assertThat(flipped.leg1Price()).isEqualTo(60200.0); // sells leg 1 at its bid
        assertThat(flipped.leg2Price()).isEqualTo(60010.0); // buys leg 2 at its ask
        assertThat(tracker.update(PAIR, reverse(0.14, 3))).isNull();
    }

    @Test
    void forgetEndsAnOpportunity() {
        tracker.update(PAIR, forward(0.13, 1));

        tracker.forget(PAIR.id());

        assertThat(tracker.open(PAIR.id())).isFalse();
        assertThat(tracker.update(PAIR, forward(0.13, 2))).isNotNull();
    }

    @Test
    void pairsAreTrackedSeparately() {
        PairConfig other = new PairConfig("other", SPOT, PERP, new BigDecimal("0.10"), new BigDecimal("0.5"),
                new BigDecimal("100000"), Direction.AUTO, true);
        tracker.update(PAIR, forward(0.13, 1));

        SpreadQuote otherQuote = new SpreadQuote("other", 2, 1.0, 1.0, 1.0, 1.0, Direction.FORWARD, 0.0, 0.0, 0.13,
                null, null);

        assertThat(tracker.update(other, otherQuote)).isNotNull();
        assertThat(tracker.open(PAIR.id())).isTrue();
    }

    @Test
    void rejectsAQuoteOfAnotherPairAndANegativeMaterialChange() {
        PairConfig other = new PairConfig("other", SPOT, PERP, new BigDecimal("0.10"), new BigDecimal("0.5"),
                new BigDecimal("100000"), Direction.AUTO, true);

        assertThatThrownBy(() -> tracker.update(other, forward(0.13, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("btc-spot-perp");
        assertThatThrownBy(() -> new OpportunityTracker(-0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("materialChangePoints");
    }
}

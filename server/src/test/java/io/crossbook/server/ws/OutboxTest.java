package io.crossbook.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;

class OutboxTest {
    private static final long MS = 1_000_000L;
    private static final long INTERVAL = 100 * MS;

    private final AtomicInteger wakeUps = new AtomicInteger();
    private final Outbox outbox = new Outbox(3, INTERVAL, wakeUps::incrementAndGet);
    private final PriceSlot btcLinear = new PriceSlot();
    private final PriceSlot btcSpot = new PriceSlot();

    @Test
    void eventsLeaveInOrderAndTheQueueIsBounded() {
        TextMessage a = frame("a");
        TextMessage b = frame("b");
        TextMessage c = frame("c");
        assertThat(outbox.offer(a)).isTrue();
        assertThat(outbox.offer(b)).isTrue();
        assertThat(outbox.offer(c)).isTrue();
        assertThat(outbox.offer(frame("d"))).as("a fourth frame overflows a capacity of 3").isFalse();

        assertThat(outbox.next(0)).isSameAs(a);
        assertThat(outbox.offer(frame("e"))).as("sending one frees one place").isTrue();
        assertThat(outbox.next(0)).isSameAs(b);
        assertThat(outbox.next(0)).isSameAs(c);
        assertThat(outbox.next(0).getPayload()).isEqualTo("e");
        assertThat(outbox.next(0)).isNull();
        assertThat(wakeUps).hasValue(4);
    }

    @Test
    void theFirstPriceAfterAQuietPeriodGoesAtOnce() {
        TextMessage first = frame("61800.20");
        assertThat(outbox.offerPrice(btcLinear, first)).isFalse();
        assertThat(outbox.next(1_000 * MS)).isSameAs(first);
        assertThat(outbox.nextDueNanos()).isEqualTo(Outbox.NONE);

        TextMessage later = frame("61800.10");
        assertThat(outbox.offerPrice(btcLinear, later)).isFalse();
        assertThat(outbox.next(1_000 * MS + INTERVAL)).as("an interval after the last send: no wait").isSameAs(later);
    }

    @Test
    void pricesWithinTheIntervalAreCoalescedAndTheNewestIsSentWhenItEnds() {
        outbox.offerPrice(btcLinear, frame("61800.20"));
        assertThat(outbox.next(0)).isNotNull();

        assertThat(outbox.offerPrice(btcLinear, frame("61800.30"))).isFalse();
        assertThat(outbox.next(10 * MS)).as("held until 100 ms after the last send").isNull();
        assertThat(outbox.nextDueNanos()).isEqualTo(INTERVAL);
        assertThat(outbox.offerPrice(btcLinear, frame("61800.40"))).as("replaces the held one").isTrue();
        assertThat(outbox.offerPrice(btcLinear, frame("61800.50"))).isTrue();
        assertThat(outbox.next(99 * MS)).isNull();

        assertThat(outbox.next(INTERVAL).getPayload()).isEqualTo("61800.50");
        assertThat(outbox.next(INTERVAL)).isNull();
        assertThat(outbox.nextDueNanos()).isEqualTo(Outbox.NONE);
    }

    @Test
    void instrumentsAreThrottledIndependentlyAndEventsAreNotHeldBehindPrices() {
        outbox.offerPrice(btcLinear, frame("linear 1"));
        assertThat(outbox.next(0).getPayload()).isEqualTo("linear 1");
        outbox.offerPrice(btcLinear, frame("linear 2"));
        outbox.offerPrice(btcSpot, frame("spot 1"));
        outbox.offer(frame("engine_alert"));

        assertThat(outbox.next(5 * MS).getPayload()).isEqualTo("spot 1");
        assertThat(outbox.next(5 * MS).getPayload()).isEqualTo("engine_alert");
        assertThat(outbox.next(5 * MS)).isNull();
        assertThat(outbox.next(INTERVAL).getPayload()).isEqualTo("linear 2");
    }

    @Test
    void aDetachedSlotSendsNothingMore() {
        outbox.offerPrice(btcLinear, frame("61800.20"));
        btcLinear.detached = true;
        assertThat(outbox.next(0)).isNull();

        outbox.offerPrice(btcSpot, frame("spot"));
        assertThat(outbox.next(0)).isNotNull();
        outbox.offerPrice(btcSpot, frame("spot, held"));
        assertThat(outbox.next(0)).isNull();
        btcSpot.detached = true;
        assertThat(outbox.next(INTERVAL)).isNull();
    }

    @Test
    void nanoTimeMayBeNegative() {
        long t0 = Long.MIN_VALUE + 5;
        outbox.offerPrice(btcLinear, frame("1"));
        assertThat(outbox.next(t0)).isNotNull();
        outbox.offerPrice(btcLinear, frame("2"));
        assertThat(outbox.next(t0 + 50 * MS)).isNull();
        assertThat(outbox.next(t0 + INTERVAL).getPayload()).isEqualTo("2");
    }

    private static TextMessage frame(String payload) {
        return new TextMessage(payload);
    }
}

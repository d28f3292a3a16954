package io.crossbook.server.arbitrage;

import io.crossbook.core.engine.Engine;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.engine.*}: how the engine thread (arbitrage, plans, risk) waits for its next
 * event. A parked thread takes tens of µs to wake on a VM, and a book update that finds the engine
 * parked waits for it; spinning longer saves that wake-up at the cost of CPU time while idle
 * (docs/PERFORMANCE.md, tick-to-signal).
 *
 * @param spin     how long the engine spins for its next event before it parks (0: parks at once)
 * @param busySpin never park: the shortest wake-up, at the cost of a whole CPU at all times; only
 *                 where a CPU can be given to the engine (on two CPUs it competes with the feeds)
 */
@ConfigurationProperties("crossbook.engine")
public record EngineProperties(Duration spin, boolean busySpin) {

    public EngineProperties {
        spin = spin == null ? Duration.ofNanos(Engine.DEFAULT_SPIN_NANOS) : spin;
        if (spin.isNegative() || spin.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("crossbook.engine.spin must be from 0 to 1s, not " + spin
                    + " (crossbook.engine.busy-spin: true never parks)");
        }
    }

    /** The engine's spin in nanoseconds, {@link Engine#BUSY_SPIN} for one that never parks. */
    public long spinNanos() {
        return busySpin ? Engine.BUSY_SPIN : spin.toNanos();
    }
}

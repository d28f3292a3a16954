package io.crossbook.server.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.engine.Engine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnginePropertiesTest {

    @Test
    void spinsFiftyMicrosecondsBeforeParkingUnlessToldOtherwise() {
        assertThat(new EngineProperties(null, false).spinNanos()).isEqualTo(50_000).isEqualTo(Engine.DEFAULT_SPIN_NANOS);
        assertThat(new EngineProperties(Duration.ofMillis(2), false).spinNanos()).isEqualTo(2_000_000);
        assertThat(new EngineProperties(Duration.ZERO, false).spinNanos()).isZero();
    }

    @Test
    void busySpinNeverParksWhateverTheSpin() {
        assertThat(new EngineProperties(Duration.ofMillis(2), true).spinNanos()).isEqualTo(Engine.BUSY_SPIN);
    }

    @Test
    void aSpinBelowZeroOrAboveOneSecondIsRefusedWithThePropertyNamed() {
        assertThatThrownBy(() -> new EngineProperties(Duration.ofNanos(-1), false))
                .hasMessageContaining("crossbook.engine.spin must be from 0 to 1s").hasMessageContaining("busy-spin");
        assertThatThrownBy(() -> new EngineProperties(Duration.ofSeconds(2), false)).hasMessageContaining("crossbook.engine.spin");
    }
}

package io.crossbook.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleaningRulesTest {
    static final Duration SECOND = Duration.ofSeconds(1);

    @ParameterizedTest(name = "maxJumpFraction {0}")
    @ValueSource(doubles = {0, -0.02, Double.NaN})
    void theJumpBoundMustBePositive(double fraction) {
        assertThatThrownBy(() -> new CleaningRules(fraction, SECOND, SECOND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxJumpFraction");
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(longs = {0, -1, -1_000})
    void theWindowsMustBePositive(long millis) {
        Duration d = Duration.ofMillis(millis);
        assertThatThrownBy(() -> new CleaningRules(0.02, d, SECOND)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jumpWindow");
        assertThatThrownBy(() -> new CleaningRules(0.02, SECOND, d)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("staleAfter");
    }

    @Test
    void theSmallestPositiveValuesAreAccepted() {
        CleaningRules r = new CleaningRules(Double.MIN_VALUE, Duration.ofNanos(1), Duration.ofNanos(1));
        assertThat(r.jumpWindow()).isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void defaults() {
        assertThat(CleaningRules.DEFAULT).isEqualTo(new CleaningRules(0.02, SECOND, Duration.ofSeconds(10)));
    }
}

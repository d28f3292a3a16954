package io.crossbook.server.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpeedTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"max", "MAX", " max "})
    void maxReplaysAsFastAsPossible(String text) {
        Speed speed = Speed.parse(text);
        assertThat(speed).isEqualTo(Speed.MAX);
        assertThat(speed.isMax()).isTrue();
        assertThat(speed).hasToString("max");
    }

    @ParameterizedTest(name = "\"{0}\" is {1} times the recorded pace")
    @CsvSource({"1x, 1.0, 1.0x", "10x, 10.0, 10.0x", "2.5X, 2.5, 2.5x", "0.25x, 0.25, 0.25x"})
    void nxIsAMultipleOfTheRecordedPace(String text, double factor, String shown) {
        Speed speed = Speed.parse(text);
        assertThat(speed.factor()).isEqualTo(factor);
        assertThat(speed.isMax()).isFalse();
        assertThat(speed).hasToString(shown);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "x", "0x", "-1x", "10", "fast", "2xx", "nanx", "infinityx", "1e999x"})
    void anythingElseIsRejectedByName(String text) {
        assertThatThrownBy(() -> Speed.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--speed must be max, 1x or Nx (N > 0), not '" + text + "'");
    }
}

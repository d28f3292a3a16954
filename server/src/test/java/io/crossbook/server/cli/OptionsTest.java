package io.crossbook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsTest {

    /** Options after the command word, as the replay command reads them, plus a flag. */
    static Options replay(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "replay";
        System.arraycopy(options, 0, args, 1, options.length);
        return new Options(args, 1, Set.of("source", "speed", "report"), Set.of("verbose"));
    }

    @Test
    void readsNamedValues() {
        Options o = replay("--source", "binance:linear:a.gz", "--speed", "10x");
        assertThat(o.required("source")).isEqualTo("binance:linear:a.gz");
        assertThat(o.optional("speed")).isEqualTo("10x");
        assertThat(o.optional("report")).isNull();
        assertThat(o.all("report")).isEmpty();
    }

    @Test
    void aRepeatedOptionKeepsEveryValueAndTheLastWins() {
        Options o = replay("--source", "binance:linear:a.gz", "--source", "okx:spot:b.gz");
        assertThat(o.all("source")).containsExactly("binance:linear:a.gz", "okx:spot:b.gz");
        assertThat(o.optional("source")).isEqualTo("okx:spot:b.gz");
    }

    @Test
    void aFlagTakesNoValue() {
        Options o = replay("--verbose", "--source", "a.gz");
        assertThat(o.flag("verbose")).isTrue();
        assertThat(o.required("source")).isEqualTo("a.gz");
        assertThat(replay("--source", "a.gz").flag("verbose")).isFalse();
    }

    @Test
    void anUnknownOptionListsTheKnownOnes() {
        assertThatThrownBy(() -> replay("--sauce", "a.gz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option --sauce (expected one of --report, --source, --speed, --verbose)");
    }

    @Test
    void anOptionAtTheEndWithoutAValueIsNamed() {
        assertThatThrownBy(() -> replay("--source", "a.gz", "--speed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--speed needs a value");
    }

    @Test
    void aBareWordIsUnexpected() {
        assertThatThrownBy(() -> replay("--source", "a.gz", "b.gz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unexpected argument 'b.gz'");
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        assertThatThrownBy(() -> replay("--speed", "max").required("source")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--source is required");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"90s, PT1M30S", "10m, PT10M", "1h30m, PT1H30M", "2h, PT2H", "1d, PT24H", "250ms, PT0.25S",
            "1h0m15s, PT1H15S"})
    void durations(String text, Duration expected) {
        assertThat(Options.duration("duration", text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"10x", "", "10", "m", "0s", "1h 30m", "-5m", "1.5h", "10m5", "x10m"})
    void aBadDurationShowsTheExpectedForm(String text) {
        assertThatThrownBy(() -> Options.duration("duration", text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--duration must be a duration like 90s, 10m or 1h30m, not '" + text + "'");
    }
}

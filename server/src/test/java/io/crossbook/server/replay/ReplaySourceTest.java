package io.crossbook.server.replay;

import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplaySourceTest {

    @Test
    void venueMarketAndFile() {
        ReplaySource source = ReplaySource.parse("binance:linear:" + USDM_EXCERPT);
        assertThat(source.venue()).isEqualTo(Venue.BINANCE);
        assertThat(source.market()).isEqualTo(Market.LINEAR);
        assertThat(source.files()).containsExactly(USDM_EXCERPT);
        assertThat(source).hasToString("binance:linear");
    }

    @Test
    void namesAreCaseInsensitiveAndFilesKeepTheirOrder(@TempDir Path dir) throws IOException {
        Path later = Files.createFile(dir.resolve("binance_spot_20240809T00:00.gz")); // a colon in the file name
        ReplaySource source = ReplaySource.parse("OKX:Spot:" + later + ", " + USDM_EXCERPT);
        assertThat(source.venue()).isEqualTo(Venue.OKX);
        assertThat(source.market()).isEqualTo(Market.SPOT);
        assertThat(source.files()).containsExactly(later, USDM_EXCERPT);
    }

    @Test
    void anUnknownVenueIsNamed() {
        assertThatThrownBy(() -> ReplaySource.parse("kraken:spot:" + USDM_EXCERPT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown venue 'kraken' (expected one of binance, bybit, okx)");
    }

    @Test
    void anUnknownMarketIsNamed() {
        assertThatThrownBy(() -> ReplaySource.parse("binance:futures:" + USDM_EXCERPT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown market 'futures' (expected one of spot, linear, inverse)");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"binance", "binance:linear", "binance:linear:", "binance:linear:  "})
    void aMissingPartShowsTheExpectedShape(String spec) {
        assertThatThrownBy(() -> ReplaySource.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--source must be VENUE:MARKET:FILE[,FILE...], not '" + spec + "'");
    }

    @Test
    void aMissingFileIsNamedWithItsAbsolutePath(@TempDir Path dir) {
        Path missing = dir.resolve("btcusdt_20240809.gz");
        assertThatThrownBy(() -> ReplaySource.parse("binance:linear:" + USDM_EXCERPT + "," + missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--source file not found: " + missing.toAbsolutePath());
        assertThatThrownBy(() -> ReplaySource.parse("binance:linear:" + dir)).as("a directory is not a recording")
                .hasMessageStartingWith("--source file not found: ");
    }
}

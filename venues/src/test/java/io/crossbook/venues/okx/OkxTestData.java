package io.crossbook.venues.okx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.store.recording.RecordingReader;
import io.crossbook.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The recorded OKX data the tests use (see {@code okx/SOURCES.md} in the test resources). */
final class OkxTestData {
    static final String SYMBOL = "BTC-USDT";
    static final String FULL_RECORDING = "okx/cryptofeed/OKX.ws.1.0.btc-usdt";
    static final String FULL_INSTRUMENTS = "okx/cryptofeed/OKX.0";

    private OkxTestData() {
    }

    /** Snapshot, 60 updates, tickers and trades for BTC-USDT, 2022-05-13. */
    static List<RecordedMessage> excerpt() {
        return messages(resource("okx/OKX.ws.1.0.btc-usdt.excerpt"));
    }

    /** The whole shared recording; skips the test when ../shared/data is absent. */
    static List<RecordedMessage> fullRecording() {
        return messages(shared(FULL_RECORDING));
    }

    static Path shared(String relative) {
        Optional<Path> file = SharedData.file(relative);
        assumeTrue(file.isPresent(), "shared data file " + relative + " is absent: see ../shared/data/SOURCES.md");
        return file.get();
    }

    static Path resource(String name) {
        try {
            return Path.of(OkxTestData.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<RecordedMessage> messages(Path file) {
        try (RecordingReader reader = new RecordingReader(file)) {
            List<RecordedMessage> out = new ArrayList<>();
            reader.forEachRemaining(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body of the first recorded REST response whose URL ends with {@code ?instType=<type>}
     * in a cryptofeed {@code url -> ts: body} file.
     */
    static String instrumentsResponse(Path file, String instType) {
        try {
            for (String line : Files.readAllLines(file)) {
                int arrow = line.indexOf(" -> ");
                if (arrow > 0 && line.substring(0, arrow).endsWith("?instType=" + instType)) {
                    return line.substring(line.indexOf(": ", arrow) + 2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no instType=" + instType + " response in " + file);
    }

    /** Spot instruments from the recorded REST excerpt, by symbol: BTC-USDT trades at 0.1 and 0.00000001. */
    static Map<String, Instrument> spotInstruments() {
        String body = instrumentsResponse(resource("okx/OKX.0.excerpt"), "SPOT");
        return new OkxProtocol(Market.SPOT).parseInstruments(body).stream()
                .collect(Collectors.toMap(Instrument::symbol, Function.identity()));
    }
}

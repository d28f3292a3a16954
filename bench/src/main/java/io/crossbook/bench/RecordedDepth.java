package io.crossbook.bench;

import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.store.recording.RecordingReader;
import io.crossbook.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark input: a real Binance USDⓈ-M recording from ../shared/data, loaded into memory. */
final class RecordedDepth {
    static final String FILE = "binance/hftbacktest/usdm/btcusdt_20240808.gz";

    private RecordedDepth() {
    }

    static Path file() {
        return SharedData.file(FILE).orElseThrow(() -> new IllegalStateException("../shared/data/" + FILE
                + " is absent: the benchmarks need the shared recordings (set -Dcrossbook.shared.data=DIR)"));
    }

    /** Every message of the recording, in order. */
    static List<RecordedMessage> all() {
        return read(file());
    }

    /** Every message of a recording, in order, in memory. */
    static List<RecordedMessage> read(Path file) {
        List<RecordedMessage> out = new ArrayList<>();
        try (RecordingReader r = new RecordingReader(file)) {
            r.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Only the order-book messages: depth diffs and the REST snapshot. */
    static List<RecordedMessage> bookOnly() {
        return all().stream().filter(m -> m.text().contains("\"depthUpdate\"") || m.text().startsWith("{\"lastUpdateId\""))
                .toList();
    }
}

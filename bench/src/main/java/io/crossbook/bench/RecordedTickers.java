package io.crossbook.bench;

import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.store.recording.RecordingReader;
import io.crossbook.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real best bid/ask changes for the fan-out harness: the {@code bookTicker} streams of the shared
 * Binance recordings (2024-08-08, 23:54–23:59 UTC), reduced to the messages where bid or ask
 * moved, which is when the collectors call {@code EventSink.price}.
 */
final class RecordedTickers {
    /** One instrument's changes, each with the local receive time of the recording. */
    record Instrument(String type, String symbol, List<Change> changes) {
    }

    record Change(long receiveNanos, String bid, String ask) {
    }

    private record Source(String type, String file) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("linear", "binance/hftbacktest/usdm/btcusdt_20240808.gz"),
            new Source("linear", "binance/hftbacktest/usdm/ethusdt_20240808.gz"),
            new Source("spot", "binance/hftbacktest/spot/btcusdt_20240808.gz"),
            new Source("spot", "binance/hftbacktest/spot/ethusdt_20240808.gz"),
            new Source("inverse", "binance/hftbacktest/cm/btcusd_perp_20240808.gz"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordedTickers() {
    }

    static List<Instrument> load() {
        return SOURCES.stream().map(s -> load(s.type(), s.file())).toList();
    }

    private static Instrument load(String type, String relative) {
        List<Change> changes = new ArrayList<>();
        String symbol = null;
        try (RecordingReader reader = new RecordingReader(SharedData.file(relative).orElseThrow(() -> new IllegalStateException(
                "../shared/data/" + relative + " is absent: the harness needs the shared recordings (set -Dcrossbook.shared.data=DIR)")))) {
            while (reader.hasNext()) {
                RecordedMessage m = reader.next();
                if (!m.text().contains("bookTicker")) {
                    continue;
                }
                JsonNode data = JSON.readTree(m.text()).path("data");
                symbol = data.get("s").stringValue();
                Change change = new Change(m.receiveNanos(), data.get("b").stringValue(), data.get("a").stringValue());
                Change previous = changes.isEmpty() ? null : changes.getLast();
                if (previous == null || !previous.bid().equals(change.bid()) || !previous.ask().equals(change.ask())) {
                    changes.add(change);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Instrument(type, symbol, List.copyOf(changes));
    }
}

package io.crossbook.venues.bybit;

import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.store.recording.RecordingReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Bybit test data in {@code src/test/resources/bybit} (origins in its SOURCES.md). */
final class Fixtures {
    /** Real {@code orderbook.500.XRPUSDT}: a snapshot, then 49 deltas u 20254870..20254918. */
    static final String XRP_RECORDING = "2024-12-01_XRPUSDT_ob500.data";

    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/bybit/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XRP recording; bare JSON lines take the message's own {@code ts} as receive time. */
    static List<RecordedMessage> xrpRecording() {
        List<RecordedMessage> messages = new ArrayList<>();
        try (RecordingReader reader = new RecordingReader(path(XRP_RECORDING))) {
            reader.forEachRemaining(messages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    /** The Bybit messages of the ccxt excerpt whose topic starts with {@code topicPrefix}. */
    static List<String> ccxtMessages(String topicPrefix) {
        List<String> out = new ArrayList<>();
        for (String line : text("ccxt_ws_bybit_excerpt.jsonl").split("\n")) {
            JsonNode msg = JsonMapper.shared().readTree(line).path("msg");
            if (msg.path("topic").asString("").startsWith(topicPrefix)) {
                out.add(JsonMapper.shared().writeValueAsString(msg));
            }
        }
        return out;
    }

    /** The subscribe acknowledgements of the ccxt excerpt (spot and linear spell them differently). */
    static List<String> ccxtSubscribeAcks() {
        List<String> out = new ArrayList<>();
        for (String line : text("ccxt_ws_bybit_excerpt.jsonl").split("\n")) {
            JsonNode msg = JsonMapper.shared().readTree(line).path("msg");
            if (msg.path("op").asString("").equals("subscribe")) {
                out.add(JsonMapper.shared().writeValueAsString(msg));
            }
        }
        return out;
    }
}

package io.crossbook.store.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingWriterTest {
    /** Real Binance USDⓈ-M messages with their receive times (hftbacktest usdm/btcusdt_20240808.gz, MIT). */
    static final List<RecordedMessage> RECORDED = List.of(
            new RecordedMessage(1723161255088176367L, RecordingReaderTest.TRADE),
            new RecordedMessage(1723161267233362759L, RecordingReaderTest.BOOK_TICKER));

    @TempDir
    Path dir;

    static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static void writeAll(RecordingWriter writer, List<RecordedMessage> messages) {
        for (RecordedMessage m : messages) {
            writer.write(m.receiveNanos(), m.text());
        }
    }

    List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("binance"))) {
            return s.map(p -> p.getFileName()).sorted().toList();
        }
    }

    @Test
    void writesGzipLinesThatTheReaderReadsBackExactly() throws IOException {
        Path out = dir.resolve("binance");
        RecordingWriter writer = new RecordingWriter(out, "binance", "linear");
        writeAll(writer, RECORDED);
        writer.close();

        Path file = out.resolve("binance_linear_20240808.gz");
        assertThat(writer.file()).isEqualTo(file);
        assertThat(Files.readAllBytes(file)).startsWith(0x1f, 0x8b);
        assertThat(RecordingReaderTest.read(file)).isEqualTo(RECORDED);
        assertThat(writer.messages()).isEqualTo(2);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(writer.bytes()).isEqualTo(in.readAllBytes().length);
        }
    }

    @Test
    void aNewUtcDayStartsANewFileAtMidnight() throws IOException {
        RecordedMessage lastOfDay = new RecordedMessage(nanos("2024-08-08T23:59:59.999999999Z"), RecordingReaderTest.TRADE);
        RecordedMessage firstOfNext = new RecordedMessage(nanos("2024-08-09T00:00:00Z"), RecordingReaderTest.BOOK_TICKER);
        try (RecordingWriter writer = new RecordingWriter(dir.resolve("binance"), "binance", "linear")) {
            writeAll(writer, List.of(lastOfDay, firstOfNext));
            assertThat(writer.file().getFileName()).hasToString("binance_linear_20240809.gz");
            assertThat(writer.messages()).isEqualTo(2);
        }

        assertThat(files()).map(Path::toString).containsExactly("binance_linear_20240808.gz", "binance_linear_20240809.gz");
        assertThat(RecordingReaderTest.read(dir.resolve("binance/binance_linear_20240808.gz"))).containsExactly(lastOfDay);
        assertThat(RecordingReaderTest.read(dir.resolve("binance/binance_linear_20240809.gz"))).containsExactly(firstOfNext);
    }

    @Test
    void aSecondSessionOnTheSameDayAppendsToItsFile() throws IOException {
        List<RecordedMessage> second = List.of(
                new RecordedMessage(1723161267233362759L + 1_000, RecordingReaderTest.TRADE),
                new RecordedMessage(1723161267233362759L + 2_000, RecordingReaderTest.BOOK_TICKER));
        try (RecordingWriter writer = new RecordingWriter(dir.resolve("binance"), "binance", "linear")) {
            writeAll(writer, RECORDED);
        }
        try (RecordingWriter writer = new RecordingWriter(dir.resolve("binance"), "binance", "linear")) {
            writeAll(writer, second);
        }

        List<RecordedMessage> all = new ArrayList<>(RECORDED);
        all.addAll(second);
        assertThat(files()).map(Path::toString).containsExactly("binance_linear_20240808.gz");
        assertThat(RecordingReaderTest.read(dir.resolve("binance/binance_linear_20240808.gz"))).isEqualTo(all);
    }

    @Test
    void aMessageIsAlwaysOneLine() throws IOException {
        try (RecordingWriter writer = new RecordingWriter(dir.resolve("binance"), "binance", "spot")) {
            writer.write(1723161255088176367L, "{\"result\":null,\n\"id\":1}");
            writer.write(1723161255088176368L, RecordingReaderTest.TRADE);
        }
        assertThat(RecordingReaderTest.read(dir.resolve("binance/binance_spot_20240808.gz")))
                .extracting(RecordedMessage::text).containsExactly("{\"result\":null,\"id\":1}", RecordingReaderTest.TRADE);
    }

    @Test
    void nothingIsCreatedBeforeTheFirstMessage() throws IOException {
        try (RecordingWriter writer = new RecordingWriter(dir.resolve("binance"), "binance", "linear")) {
            assertThat(writer.file()).isNull();
        }
        assertThat(files()).isEmpty();
    }
}

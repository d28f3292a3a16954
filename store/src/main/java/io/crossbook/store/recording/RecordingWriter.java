package io.crossbook.store.recording;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/**
 * Writes raw exchange messages as Crossbook recordings: gzip text, one line per message,
 * {@code <receive epoch ns> <raw json>}, one file per venue, market and UTC day
 * ({@code <venue>_<market>_<yyyymmdd>.gz}); a new day starts a new file. Appends to an existing
 * file of the same day as a further gzip member, which gzip readers concatenate.
 */
public final class RecordingWriter implements AutoCloseable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Path directory;
    private final String prefix;
    private Writer out;
    private LocalDate day;
    private Path file;
    private long messages;
    private long bytes;

    public RecordingWriter(Path directory, String venue, String market) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.prefix = venue + "_" + market + "_";
    }

    public synchronized void write(long receiveNanos, String text) {
        try {
            LocalDate d = Instant.ofEpochSecond(0, receiveNanos).atZone(ZoneOffset.UTC).toLocalDate();
            if (!d.equals(day)) {
                roll(d);
            }
            out.write(Long.toString(receiveNanos));
            out.write(' ');
            out.write(text.indexOf('\n') < 0 ? text : text.replace("\n", ""));
            out.write('\n');
            messages++;
            bytes += text.length() + 21;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    private void roll(LocalDate d) throws IOException {
        if (out != null) {
            out.close();
        }
        day = d;
        file = directory.resolve(prefix + DAY.format(d) + ".gz");
        out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    public synchronized long messages() {
        return messages;
    }

    /** Uncompressed bytes written. */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}

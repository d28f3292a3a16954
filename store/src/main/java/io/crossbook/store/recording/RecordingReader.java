package io.crossbook.store.recording;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a recording of raw exchange messages, gzip or plain text, one message per line, in the
 * formats Crossbook meets:
 * <ul>
 *   <li>{@code <epoch ns> <json>}: Crossbook's own recordings and hftbacktest's;</li>
 *   <li>{@code <epoch s.fraction>: <json>} for frames received, {@code <url> -> <epoch s>: <body>}
 *       for REST responses: cryptofeed's sample data (frames sent and connection lines are
 *       skipped);</li>
 *   <li>a bare {@code <json>} line: exchange dumps without a local time, which take the message's
 *       own {@code "ts"} (epoch ms) or, without one, the previous line's time.</li>
 * </ul>
 */
public final class RecordingReader implements Iterator<RecordedMessage>, Closeable {
    private static final Pattern TS_FIELD = Pattern.compile("\"ts\":\"?(\\d{13})");

    private final Path file;
    private final BufferedReader reader;
    private RecordedMessage next;
    private long lastNanos;
    private long lineNumber;

    public RecordingReader(Path file) throws IOException {
        this.file = file;
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (gzip) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    public Path file() {
        return file;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public RecordedMessage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RecordedMessage m = next;
        next = null;
        return m;
    }

    private RecordedMessage readNext() {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                RecordedMessage m = parseLine(line);
                if (m != null) {
                    lastNanos = m.receiveNanos();
                    return m;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " at line " + lineNumber, e);
        }
    }

    RecordedMessage parseLine(String line) {
        if (line.isEmpty()) {
            return null;
        }
        char first = line.charAt(0);
        if (first == '{' || first == '[') {
            Matcher ts = TS_FIELD.matcher(line);
            long nanos = ts.find() ? Long.parseLong(ts.group(1)) * 1_000_000L : lastNanos;
            return new RecordedMessage(nanos, line);
        }
        if (first >= '0' && first <= '9') {
            int space = line.indexOf(' ');
            if (space < 0) {
                throw malformed("no message after the timestamp");
            }
            boolean seconds = line.charAt(space - 1) == ':';
            String stamp = line.substring(0, seconds ? space - 1 : space);
            return new RecordedMessage(seconds ? secondsToNanos(stamp) : Long.parseLong(stamp),
                    line.substring(space + 1));
        }
        int response = line.indexOf(" -> ");
        if (response > 0) { // a REST response: "<url> -> <seconds>: <body>"
            int colon = line.indexOf(": ", response);
            if (colon < 0) {
                throw malformed("REST line without a body");
            }
            return new RecordedMessage(secondsToNanos(line.substring(response + 4, colon)), line.substring(colon + 2));
        }
        return null; // frames sent ("<url> <- ...") and connection lines ("<url> <-> ...")
    }

    private static long secondsToNanos(String stamp) {
        int dot = stamp.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(stamp) * 1_000_000_000L;
        }
        String fraction = (stamp.substring(dot + 1) + "000000000").substring(0, 9);
        return Long.parseLong(stamp.substring(0, dot)) * 1_000_000_000L + Long.parseLong(fraction);
    }

    private IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException(file + " line " + lineNumber + ": " + what);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

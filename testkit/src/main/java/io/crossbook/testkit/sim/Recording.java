package io.crossbook.testkit.sim;

import io.crossbook.core.model.Instrument;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.store.recording.RecordingReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One instrument's recorded market data, every raw message with its local receive time, as the
 * exchange sent it: stream frames and the REST snapshots taken while recording. The instrument says
 * which book the messages build; the REST snapshot lines of Binance recordings carry no symbol.
 */
public record Recording(Instrument instrument, List<RecordedMessage> messages) {

    public Recording {
        Objects.requireNonNull(instrument, "instrument");
        messages = List.copyOf(messages);
    }

    /** Reads a recording file in any format {@link RecordingReader} reads, gzip or plain. */
    public static Recording read(Instrument instrument, Path file) {
        List<RecordedMessage> messages = new ArrayList<>();
        try (RecordingReader reader = new RecordingReader(file)) {
            reader.forEachRemaining(messages::add);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return new Recording(instrument, messages);
    }

    /**
     * Reads a recording shipped on the class path (in a jar it is no file, so it is copied to a
     * temporary one for {@link RecordingReader}).
     */
    public static Recording resource(Instrument instrument, String name) {
        try (InputStream in = Recording.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name + " on the class path");
            }
            Path copy = Files.createTempFile("crossbook-recording", ".gz");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                return read(instrument, copy);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + name, e);
        }
    }
}

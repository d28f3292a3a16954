package io.crossbook.server.replay;

import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.store.recording.RecordingReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The messages of one source's recorded files, read one after the other in the order given. Each
 * file is closed as soon as it is done.
 */
public final class RecordedFiles implements Closeable {
    private final Iterator<Path> files;
    private RecordingReader reader;

    public RecordedFiles(List<Path> files) {
        this.files = List.copyOf(files).iterator();
    }

    /**
     * The next message, or null after the last one.
     *
     * @throws UncheckedIOException     if a file cannot be read
     * @throws IllegalArgumentException if a line is not in a recording format
     */
    public RecordedMessage next() {
        try {
            while (true) {
                if (reader != null && reader.hasNext()) {
                    return reader.next();
                }
                if (reader != null) {
                    reader.close();
                    reader = null;
                }
                if (!files.hasNext()) {
                    return null;
                }
                reader = new RecordingReader(files.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                reader = null;
            }
        }
    }
}

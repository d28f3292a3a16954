package io.crossbook.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Locates the recorded exchange data in {@code ../shared/data} (see its SOURCES.md). Tests that
 * need the full files skip, with a message naming the missing path, when it is absent; small
 * excerpts live in the modules' test resources instead.
 */
public final class SharedData {
    private SharedData() {
    }

    /**
     * The shared data directory: the system property {@code crossbook.shared.data} (the build sets
     * it to the repository's {@code ../shared/data}), else the environment variable
     * {@code CROSSBOOK_SHARED_DATA}, else {@code ../shared/data}; the first that exists.
     */
    public static Optional<Path> root() {
        return Stream.of(System.getProperty("crossbook.shared.data"), System.getenv("CROSSBOOK_SHARED_DATA"), "../shared/data")
                .filter(p -> p != null && !p.isBlank())
                .map(p -> Path.of(p).toAbsolutePath().normalize())
                .filter(Files::isDirectory)
                .findFirst();
    }

    /** A file under the shared data directory, if present. */
    public static Optional<Path> file(String relative) {
        return root().map(r -> r.resolve(relative)).filter(Files::isRegularFile);
    }
}

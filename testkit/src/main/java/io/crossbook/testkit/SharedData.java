package io.crossbook.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the recorded exchange data in {@code ../shared/data} (see its SOURCES.md). Tests that
 * need the full files skip, with a message naming the missing path, when it is absent; small
 * excerpts live in the modules' test resources instead.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared data directory: system property {@code crossbook.shared.data}, else {@code ../shared/data}. */
    public static Optional<Path> root() {
        String configured = System.getProperty("crossbook.shared.data");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "data");
        return Files.isDirectory(root) ? Optional.of(root.normalize()) : Optional.empty();
    }

    /** A file under the shared data directory, if present. */
    public static Optional<Path> file(String relative) {
        return root().map(r -> r.resolve(relative)).filter(Files::isRegularFile);
    }
}

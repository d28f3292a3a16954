package io.crossbook.server.arbitrage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Two legs' recordings (Binance {@code <receive ns> <raw json>} lines, gzip) read apart from the
 * code under test and merged by receive time, each leg's book kept by {@link ReferenceBook}: the
 * market as a pair on these two legs sees it, one {@link State} per applied book update.
 */
final class ReferenceMarket {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Both legs' top levels right after one book update of either leg; a leg is null until its
     * snapshot. {@code engineNanos} is the replay's clock then: the latest receive time so far,
     * since a replay's time never runs backwards (diffs buffered before a snapshot are applied at
     * the snapshot's time).
     */
    record State(long engineNanos, ReferenceBook.Top leg1, ReferenceBook.Top leg2) {
        ReferenceBook.Top leg(int n) {
            return n == 1 ? leg1 : leg2;
        }
    }

    private ReferenceMarket() {
    }

    /**
     * Replays {@code leg1} and {@code leg2} (spot or futures as flagged) merged by receive time,
     * leg 1 first on equal times, calling {@code each} after every applied update with the top
     * {@code depth} levels of both books.
     */
    static void replay(Path leg1, boolean leg1Futures, Path leg2, boolean leg2Futures, int depth, Consumer<State> each) {
        try (Recording r1 = new Recording(leg1, new ReferenceBook("leg1 " + leg1.getFileName(), leg1Futures));
             Recording r2 = new Recording(leg2, new ReferenceBook("leg2 " + leg2.getFileName(), leg2Futures))) {
            long[] clock = {Long.MIN_VALUE};
            while (r1.line != null || r2.line != null) {
                Recording next = r2.line == null || r1.line != null && r1.receiveNanos() <= r2.receiveNanos() ? r1 : r2;
                next.book.onMessage(next.receiveNanos(), next.message(), receiveNanos -> {
                    clock[0] = Math.max(clock[0], receiveNanos);
                    each.accept(new State(clock[0], r1.book.synced() ? r1.book.top(depth) : null,
                            r2.book.synced() ? r2.book.top(depth) : null));
                });
                next.advance();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One recording being read, with its next line. */
    private static final class Recording implements AutoCloseable {
        final ReferenceBook book;
        final BufferedReader reader;
        String line;

        Recording(Path file, ReferenceBook book) throws IOException {
            this.book = book;
            this.reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                    StandardCharsets.UTF_8));
            advance();
        }

        long receiveNanos() {
            return Long.parseLong(line.substring(0, line.indexOf(' ')));
        }

        JsonNode message() {
            return JSON.readTree(line.substring(line.indexOf(' ') + 1));
        }

        void advance() {
            try {
                do {
                    line = reader.readLine();
                } while (line != null && line.isBlank());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}

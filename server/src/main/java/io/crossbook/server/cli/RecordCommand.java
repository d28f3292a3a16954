package io.crossbook.server.cli;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.store.recording.RecordingWriter;
import io.crossbook.venues.Venues;
import io.crossbook.venues.common.MarketDataConnection;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.RestClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code crossbook record --venue V --market M --symbols A,B --out DIR [--duration 10m]}: records
 * the raw public messages, REST snapshots included, with local receive times, printing progress.
 */
final class RecordCommand {
    static final String USAGE = "record --venue V --market spot|linear|inverse --symbols A,B --out DIR [--duration 10m]";
    private static final long PROGRESS_EVERY_SECONDS = 10;

    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        Options o = new Options(args, 1, Set.of("venue", "market", "symbols", "out", "duration"), Set.of());
        Venue venue = Venue.parse(o.required("venue"));
        Market market = Market.parse(o.required("market"));
        List<String> symbols = Arrays.stream(o.required("symbols").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("--symbols needs at least one symbol");
        }
        Path dir = Path.of(o.required("out"));
        Duration duration = o.optional("duration") == null ? null : Options.duration("duration", o.optional("duration"));

        RecordingWriter writer = new RecordingWriter(dir, venue.id(), market.id());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        MarketDataConnection connection = new MarketDataConnection(Venues.protocol(venue, market), symbols,
                CleaningRules.DEFAULT, MarketDataListener.NONE, writer::write, new RestClient(http));
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> finish(connection, writer, done, out));
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("recording %s %s into %s%s (Ctrl-C stops)%n", connection.name(), symbols, dir.toAbsolutePath(),
                duration == null ? "" : " for " + duration.toString().substring(2).toLowerCase());
        connection.start();
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            long wait = Math.min(TimeUnit.SECONDS.toNanos(PROGRESS_EVERY_SECONDS), deadline - System.nanoTime());
            if (done.await(wait, TimeUnit.NANOSECONDS)) {
                return 0;
            }
            out.println(progress(connection, writer));
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        finish(connection, writer, done, out);
        return 0;
    }

    private static String progress(MarketDataConnection connection, RecordingWriter writer) {
        long valid = connection.symbols().stream().map(s -> connection.book(s, 1).join())
                .filter(b -> b != null && b.valid()).count();
        MarketDataConnection.Status st = connection.status();
        return String.format("  %,d messages, %,.1f MB, %s%s, books in sync %d/%d%s", writer.messages(),
                writer.bytes() / 1e6, st.state(), st.state() == MarketDataConnection.State.CONNECTED ? "" : " (" + st.detail() + ")",
                valid, connection.symbols().size(), writer.file() == null ? "" : ", " + writer.file().getFileName());
    }

    private static void finish(MarketDataConnection connection, RecordingWriter writer, CountDownLatch done,
                               PrintStream out) {
        if (done.getCount() == 0) {
            return;
        }
        connection.close();
        try {
            writer.close();
        } catch (IOException e) {
            out.println("closing the recording failed: " + e.getMessage());
        }
        out.printf("recorded %,d messages%s%n", writer.messages(), writer.file() == null ? "" : " to " + writer.file());
        done.countDown();
    }

    private RecordCommand() {
    }
}

package io.crossbook.server.cli;

import io.crossbook.core.clean.Anomaly;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.server.replay.ReplayReport;
import io.crossbook.server.replay.ReplaySession;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.Speed;
import io.crossbook.venues.common.MarketDataListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * {@code crossbook replay --source VENUE:MARKET:FILE[,FILE...] [--source ...] [--speed max|1x|Nx]
 * [--report FILE.json]}: replays recordings through the live adapters and reports what they saw.
 */
final class ReplayCommand {
    static final String USAGE = "replay --source VENUE:MARKET:FILE[,FILE...] [--source ...] [--speed max|1x|Nx] [--report FILE.json]";

    private static final int MAX_ANOMALIES_SHOWN = 20;

    static int run(String[] args, PrintStream out) throws IOException {
        Options o = new Options(args, 1, Set.of("source", "speed", "report"), Set.of());
        List<ReplaySource> sources = o.all("source").stream().map(ReplaySource::parse).toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("--source is required");
        }
        Speed speed = Speed.parse(o.optional("speed") == null ? "max" : o.optional("speed"));
        Path reportFile = o.optional("report") == null ? null : Path.of(o.optional("report"));
        out.printf("replaying %s at %s%n", sources, speed);
        MarketDataListener anomalies = new MarketDataListener() {
            private int shown;

            @Override
            public void onAnomaly(Anomaly a) {
                if (shown++ < MAX_ANOMALIES_SHOWN) {
                    out.printf("  anomaly %s %s: %s (received %s)%n", a.instrument(), a.kind(), a.detail(),
                            Instant.ofEpochSecond(0, a.receiveNanos()));
                }
            }
        };
        ReplayReport report = new ReplaySession(sources, CleaningRules.DEFAULT, anomalies, speed)
                .run(n -> out.printf("  %,d messages%n", n));
        out.print(report.summary());
        if (reportFile != null) {
            if (reportFile.toAbsolutePath().getParent() != null) {
                Files.createDirectories(reportFile.toAbsolutePath().getParent());
            }
            new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValue(reportFile.toFile(), report);
            out.println("report written to " + reportFile.toAbsolutePath());
        }
        return 0;
    }

    private ReplayCommand() {
    }
}

package io.crossbook.server.cli;

import io.crossbook.core.clean.Anomaly;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.server.arbitrage.ArbitrageReplay;
import io.crossbook.server.arbitrage.PairFiles;
import io.crossbook.server.replay.InstrumentFile;
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
import java.util.function.LongConsumer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * {@code crossbook replay --source VENUE:MARKET:FILE[,FILE...] [--source ...] [--speed max|1x|Nx]
 * [--instruments VENUE:MARKET:FILE ...] [--pairs FILE.json] [--report FILE.json]}: replays recordings
 * through the live adapters and reports what they saw; with pairs, through the arbitrage desk and
 * paper venues too (the instruments' recorded metadata is needed to validate them).
 */
final class ReplayCommand {
    static final String USAGE = "replay --source VENUE:MARKET:FILE[,FILE...] [--source ...] [--instruments VENUE:MARKET:FILE ...]"
            + " [--pairs FILE.json] [--speed max|1x|Nx] [--report FILE.json]";

    private static final int MAX_ANOMALIES_SHOWN = 20;

    static int run(String[] args, PrintStream out) throws IOException {
        Options o = new Options(args, 1, Set.of("source", "speed", "report", "instruments", "pairs"), Set.of());
        List<InstrumentFile> metadata = o.all("instruments").stream().map(InstrumentFile::parse).toList();
        List<ReplaySource> sources = o.all("source").stream().map(ReplaySource::parse)
                .map(s -> metadata.stream().reduce(s, ReplaySource::with, (a, b) -> b)).toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("--source is required");
        }
        Speed speed = Speed.parse(o.optional("speed") == null ? "max" : o.optional("speed"));
        Path reportFile = o.optional("report") == null ? null : Path.of(o.optional("report"));
        ArbitrageReplay arbitrage = o.optional("pairs") == null ? null
                : new ArbitrageReplay(sources, PairFiles.read(Path.of(o.optional("pairs"))),
                ArbitrageReplay.Config.fromEnvironment(), new ArbitrageReplay.Observer() {
                });
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
        LongConsumer progress = n -> out.printf("  %,d messages%n", n);
        ReplayReport report = arbitrage == null
                ? new ReplaySession(sources, CleaningRules.DEFAULT, anomalies, speed).run(progress)
                : arbitrage.run(speed, progress);
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

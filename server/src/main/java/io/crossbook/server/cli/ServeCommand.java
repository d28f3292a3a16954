package io.crossbook.server.cli;

import io.crossbook.server.CrossbookServer;
import io.crossbook.server.replay.InstrumentFile;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.Speed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code crossbook serve [--source VENUE:MARKET:FILE[,FILE...] ...] [--instruments VENUE:MARKET:FILE ...]
 * [--speed 1x|Nx|max] [--loop] [--pairs FILE.json] [Spring options]}: runs the platform, replaying the
 * given recordings in place of those venue-markets' live feeds (with their recorded instrument
 * metadata), and loading the given pair configs. Serve's own options are checked here; every other argument goes to
 * Spring ({@code --server.port=9090}).
 */
final class ServeCommand {
    static final String USAGE = "serve [--source VENUE:MARKET:FILE[,FILE...] ...] [--instruments VENUE:MARKET:FILE ...] "
            + "[--speed 1x|Nx|max] [--loop] [--pairs FILE.json] [--server.port=8080 ...Spring options]";
    private static final String PREFIX = "--crossbook.market-data.replay.";

    static int run(String[] args) {
        CrossbookServer.main(springArgs(args));
        return Cli.KEEP_RUNNING;
    }

    /**
     * Spring's arguments: the ones serve does not own, then serve's options as
     * {@code crossbook.market-data.replay.*} properties. Throws {@link IllegalArgumentException}
     * for bad options.
     */
    static String[] springArgs(String[] args) {
        List<String> spring = new ArrayList<>();
        List<ReplaySource> sources = new ArrayList<>();
        List<InstrumentFile> instruments = new ArrayList<>();
        String speed = null;
        String pairs = null;
        boolean loop = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            switch (name) {
                case "--source" -> {
                    String value = value(args, i, a);
                    if (!a.contains("=")) {
                        i++;
                    }
                    sources.add(ReplaySource.parse(value));
                }
                case "--instruments" -> {
                    instruments.add(InstrumentFile.parse(value(args, i, a)));
                    if (!a.contains("=")) {
                        i++;
                    }
                }
                case "--pairs" -> {
                    pairs = value(args, i, a);
                    if (!a.contains("=")) {
                        i++;
                    }
                    if (!java.nio.file.Files.isRegularFile(Path.of(pairs))) {
                        throw new IllegalArgumentException("--pairs file not found: " + Path.of(pairs).toAbsolutePath());
                    }
                }
                case "--speed" -> {
                    speed = value(args, i, a);
                    if (!a.contains("=")) {
                        i++;
                    }
                    Speed.parse(speed);
                }
                case "--loop" -> {
                    if (a.contains("=")) {
                        throw new IllegalArgumentException("--loop takes no value");
                    }
                    loop = true;
                }
                default -> spring.add(a);
            }
        }
        if (sources.isEmpty() && (speed != null || loop)) {
            throw new IllegalArgumentException("--speed and --loop apply to replayed recordings: give --source too");
        }
        Set<String> venueMarkets = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            ReplaySource s = sources.get(i);
            if (!venueMarkets.add(s.toString())) {
                throw new IllegalArgumentException("--source " + s + " is given twice; list all its files in one --source");
            }
            spring.add(PREFIX + "sources[" + i + "]=" + s + ":"
                    + s.files().stream().map(Path::toAbsolutePath).map(Path::toString).collect(Collectors.joining(",")));
        }
        for (int i = 0; i < instruments.size(); i++) {
            InstrumentFile m = instruments.get(i);
            spring.add(PREFIX + "instruments[" + i + "]=" + m.venue().id() + ":" + m.market().id() + ":" + m.file().toAbsolutePath());
        }
        if (pairs != null) {
            spring.add("--crossbook.arbitrage.pairs-file=" + Path.of(pairs).toAbsolutePath());
        }
        if (speed != null) {
            spring.add(PREFIX + "speed=" + speed);
        }
        if (loop) {
            spring.add(PREFIX + "loop=true");
        }
        return spring.toArray(String[]::new);
    }

    /** The value of {@code --name value} or {@code --name=value}. */
    private static String value(String[] args, int i, String arg) {
        int eq = arg.indexOf('=');
        if (eq >= 0) {
            return arg.substring(eq + 1);
        }
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return args[i + 1];
    }

    private ServeCommand() {
    }
}

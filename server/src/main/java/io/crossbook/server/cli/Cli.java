package io.crossbook.server.cli;

import java.io.PrintStream;

/** Dispatches the command line; bad arguments are one clear line on stderr and exit status 2. */
public final class Cli {
    /** Returned by {@code serve}: the server runs on its own threads. */
    public static final int KEEP_RUNNING = -1;

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: crossbook " + ServeCommand.USAGE,
            "       crossbook " + RecordCommand.USAGE,
            "       crossbook " + ReplayCommand.USAGE);

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            return switch (args[0]) {
                case "serve" -> ServeCommand.run(args);
                case "record" -> RecordCommand.run(args, out);
                case "replay" -> ReplayCommand.run(args, out);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("crossbook: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Exception e) {
            err.println("crossbook: " + e);
            return 1;
        }
    }
}

package io.crossbook.server;

import io.crossbook.server.cli.Cli;

/** The {@code crossbook} command: {@code serve}, {@code record}, {@code replay}. */
public final class Crossbook {
    private Crossbook() {
    }

    public static void main(String[] args) {
        int status = Cli.run(args, System.out, System.err);
        if (status != Cli.KEEP_RUNNING) {
            System.exit(status);
        }
    }
}

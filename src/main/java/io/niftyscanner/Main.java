package io.niftyscanner;

import io.niftyscanner.app.Cli;
import io.niftyscanner.app.UncaughtFailures;

/**
 * Entry point of {@code ./scanner}: no arguments (or {@code gui}) opens the desktop app, anything else is a
 * command-line command (see {@link Cli}). It lives above {@code app} and {@code ui} because it chooses between them.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        AppHome.prepare();
        UncaughtFailures.install();
        if (args.length == 0 || args[0].equals("gui")) {
            io.niftyscanner.ui.ScannerApp.launchApp(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(Cli.run(args, CliStreams.system()));
    }
}

package io.niftyscanner;

import io.niftyscanner.app.Cli;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code ./scanner}: no arguments (or {@code gui}) opens the desktop app, anything else is a
 * command-line command (see {@link Cli}). It lives above {@code app} and {@code ui} because it chooses between them.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // the JVM's own report of an uncaught exception would print the chain to stderr unmasked; the log masks it
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                LoggerFactory.getLogger(Main.class).error("uncaught exception in thread {}", thread.getName(), e));
        if (args.length == 0 || args[0].equals("gui")) {
            io.niftyscanner.ui.ScannerApp.launchApp(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(Cli.run(args, CliStreams.system()));
    }
}

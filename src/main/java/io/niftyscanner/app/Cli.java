package io.niftyscanner.app;

import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.Secrets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dispatches {@code ./scanner COMMAND ...} (design.md 4). */
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private static final Map<String, Supplier<Command>> COMMANDS = new TreeMap<>(Map.of(
            "scan", ScanCommand::new,
            "replay", ReplayCommand::new,
            "fetch-instruments", FetchInstrumentsCommand::new,
            "login", LoginCommand::new,
            "sandbox", SandboxCommand::new,
            "bench", BenchCommand::new,
            "export", ExportCommand::new));

    private Cli() {}

    public static int run(String[] args, CliContext ctx) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            ctx.out().println(usage());
            return EXIT_OK;
        }
        Supplier<Command> command = COMMANDS.get(args[0]);
        if (command == null) {
            ctx.err().println("Unknown command '" + args[0] + "'.");
            ctx.err().println(usage());
            return EXIT_USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return command.get().run(rest, ctx);
        } catch (UsageException e) {
            ctx.err().println(args[0] + ": " + e.getMessage());
            return EXIT_USAGE;
        } catch (ConfigException e) {
            ctx.err().println("Configuration problem: " + Secrets.redact(e.getMessage()));
            return EXIT_FAILURE;
        } catch (Exception e) {
            LOG.error("{} failed", args[0], e);
            ctx.err().println(args[0] + " failed: " + Secrets.message(e));
            return EXIT_FAILURE;
        }
    }

    public static String usage() {
        return String.join(System.lineSeparator(),
                "NIFTY Scanner",
                "usage: ./scanner [COMMAND] [OPTIONS]",
                "",
                "  (no command)         open the desktop app (sandbox exchange when no Kite credentials are set)",
                "  scan --headless [--mode stream|poll|hybrid] [--poll-interval SECONDS] [--json] [--auto-trade] [--duration SECONDS]",
                "       [--confirm-live USER_ID]  (live orders on Kite, with orders.live = true)",
                "       [--no-warmup] [--sandbox-speed X] [--sandbox-start HH:MM]",
                "                       run the scanner without a window",
                "  replay FILE [--json] [--print candles,signals]",
                "                       run a tick file through the engine, as fast as possible",
                "  fetch-instruments    download Kite's instrument dump and write instrument_tokens.json",
                "  login [--port N] [--no-browser] [--timeout SECONDS] [--login-url URL]",
                "                       the daily Kite login; stores the access token in .env",
                "  sandbox [--rest-port N] [--ws-port N] [--speed X] [--seed S] [--start HH:MM] [--date YYYY-MM-DD] [--redirect-url URL]",
                "                       run the sandbox exchange alone",
                "  bench [--json] [--quick] [--include REGEX]",
                "                       run the performance benchmarks (JMH)",
                "  " + ExportCommand.USAGE,
                "                       the journal as CSV (stdout unless --out)");
    }
}

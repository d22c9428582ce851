package io.niftyscanner.app;

import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.Constituents;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./scanner sandbox [--rest-port N] [--ws-port N] [--speed X] [--seed S] [--start HH:MM] [--date YYYY-MM-DD]
 * [--redirect-url URL]}: the sandbox exchange alone. Prints {@code rest=URL} and {@code ws=URL} on stdout once
 * listening, how to use it on stderr, and runs until interrupted.
 */
public final class SandboxCommand implements Command {
    static final String USAGE = "usage: ./scanner sandbox [--rest-port N] [--ws-port N] [--speed X] [--seed S] [--start HH:MM]"
            + " [--date YYYY-MM-DD] [--redirect-url URL]";

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        SandboxOptions options = options(args, ctx);
        SandboxExchange exchange = SandboxExchange.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            exchange.close();
            stopped.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ctx.out().println("rest=" + exchange.restUrl());
        ctx.out().println("ws=" + exchange.wsUrl());
        ctx.out().flush();
        describe(exchange, options, ctx);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        ctx.err().println("sandbox exchange stopped");
        return Cli.EXIT_OK;
    }

    private static void describe(SandboxExchange x, SandboxOptions o, CliContext ctx) {
        ctx.err().println("Sandbox exchange listening on 127.0.0.1 (a simulated NIFTY 50 market speaking Kite v3).");
        ctx.err().println("  session " + x.sessionDate() + ", market time " + SessionCalendar.ist(x.marketTimeMillis()).toLocalTime().withNano(0)
                + " IST, speed " + o.speed() + "x, seed " + o.seed());
        ctx.err().println("  point the app (or any Kite client) at it:");
        ctx.err().println("    KITE_REST_URL=" + x.restUrl() + " KITE_WS_URL=" + x.wsUrl() + " ./scanner");
        // worded so the terminal's secrets mask leaves them readable: they are the sandbox's public test credentials
        ctx.err().println("  credentials: api key " + x.apiKey() + ", access token " + x.accessToken() + " (or log in via "
                + x.restUrl() + "/connect/login?v=3&api_key=" + x.apiKey() + " with api secret " + x.apiSecret() + ")");
        ctx.err().println("  login page: " + x.restUrl() + "/connect/login?v=3&api_key=" + x.apiKey() + " sends the browser to "
                + (o.redirectUrl() == null ? "(nowhere: the request token is shown)" : o.redirectUrl()) + " (--redirect-url URL)");
        ctx.err().println("  control: GET " + x.restUrl() + "/__sandbox/stats, POST " + x.restUrl()
                + "/__sandbox/fault with Content-Type: application/json and {\"kind\":\"drop|stall|malformed|rate_limit|server_error|expire_token\",\"seconds\":N}");
        ctx.err().println("  stop with Ctrl-C.");
    }

    /**
     * Sandbox options from the configuration (sandbox.speed, sandbox.seed, sandbox.start, holidays, the configured
     * constituents with their tokens); ports 0. This is what the app uses when it embeds the sandbox.
     */
    public static SandboxOptions fromConfig(ScannerConfig config) {
        ScannerConfig.Sandbox s = config.sandbox();
        LocalTime start;
        try {
            start = s.start() == null || s.start().isBlank() ? null : time(s.start(), "sandbox.start");
        } catch (UsageException e) {
            throw new ConfigException(e.getMessage() + " in " + ConfigLoader.PROPERTIES_FILE);
        }
        return SandboxOptions.defaults().withSpeed(s.speed()).withSeed(s.seed()).withStart(null, start)
                .withCalendar(config.calendar()).withInstruments(configuredInstruments(config));
    }

    static SandboxOptions options(List<String> args, CliContext ctx) {
        SandboxOptions base = SandboxOptions.defaults();
        try {
            base = fromConfig(ConfigLoader.load(ctx.baseDir(), ctx.env(), Map.of()));
        } catch (ConfigException e) {
            ctx.err().println("Configuration not used (" + e.getMessage() + "); the sandbox runs with its defaults.");
        }
        int restPort = 0;
        int wsPort = 0;
        double speed = base.speed();
        long seed = base.seed();
        LocalTime start = base.start();
        LocalDate date = null;
        String redirectUrl = SandboxOptions.DEFAULT_REDIRECT_URL;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--rest-port":
                    restPort = port(value(args, ++i, a), a);
                    break;
                case "--ws-port":
                    wsPort = port(value(args, ++i, a), a);
                    break;
                case "--speed":
                    speed = number(value(args, ++i, a), a);
                    if (!(speed > 0) || speed > 10_000) {
                        throw new UsageException("--speed must be above 0 and at most 10000 (1 = real time), got " + args.get(i));
                    }
                    break;
                case "--seed":
                    try {
                        seed = Long.parseLong(value(args, ++i, a));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--seed takes a whole number, got '" + args.get(i) + "'");
                    }
                    break;
                case "--start":
                    start = time(value(args, ++i, a), a);
                    break;
                case "--date":
                    try {
                        date = LocalDate.parse(value(args, ++i, a));
                    } catch (DateTimeParseException e) {
                        throw new UsageException("--date takes YYYY-MM-DD, got '" + args.get(i) + "'");
                    }
                    break;
                case "--redirect-url":
                    redirectUrl = redirectUrl(value(args, ++i, a));
                    break;
                default:
                    throw new UsageException("unknown option '" + a + "'. " + USAGE);
            }
        }
        if (start != null && (start.isBefore(SessionCalendar.OPEN) || !start.isBefore(SessionCalendar.CLOSE))) {
            ctx.err().println("Note: --start " + start + " is outside 09:15-15:30; the simulated market is closed then.");
        }
        try {
            return base.withPorts(restPort, wsPort).withSpeed(speed).withSeed(seed).withStart(date, start)
                    .withRedirectUrl(redirectUrl);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The configured constituents with tokens from instrument_tokens.json, or empty (the built-in list) if either is missing. */
    private static List<Instrument> configuredInstruments(ScannerConfig config) {
        try {
            List<String> symbols = Constituents.load(config.paths().constituents());
            List<Instrument> out = new ArrayList<>();
            for (Instrument i : InstrumentTokensFile.load(config.paths().instruments())) {
                if (symbols.contains(i.symbol()) && !i.isIndex()) {
                    out.add(i);
                }
            }
            return out;
        } catch (ConfigException e) {
            return List.of();
        }
    }

    /** Where the login page sends the browser: an http(s) URL with a host (the Kite app's "redirect URL"). */
    private static String redirectUrl(String v) {
        try {
            java.net.URI u = new java.net.URI(v.trim());
            String scheme = String.valueOf(u.getScheme()).toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getRawFragment() == null) {
                return u.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new UsageException("--redirect-url takes an http(s) URL such as " + SandboxOptions.DEFAULT_REDIRECT_URL
                + " (where ./scanner login listens), got '" + io.niftyscanner.config.Escaping.value(v) + "'");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(option + " needs a value. " + USAGE);
        }
        return args.get(i);
    }

    private static int port(String s, String option) {
        try {
            int p = Integer.parseInt(s);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a port 0-65535 (0 = any free port), got '" + s + "'");
        }
    }

    private static double number(String s, String option) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number, got '" + s + "'");
        }
    }

    private static LocalTime time(String s, String option) {
        try {
            return LocalTime.parse(s.length() == 4 ? "0" + s : s);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " takes a time of day HH:MM (IST), e.g. 09:15; got '" + s + "'");
        }
    }
}

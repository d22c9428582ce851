package io.niftyscanner.config;

import io.niftyscanner.market.SpecialSession;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads {@code config/scanner.properties}, then {@code .env}, then the process environment (the environment wins).
 * Every value is validated; a bad one raises a {@link ConfigException} naming the key, the value and what is allowed.
 */
public final class ConfigLoader {
    public static final String PROPERTIES_FILE = "config/scanner.properties";
    public static final String ENV_FILE = ".env";

    private ConfigLoader() {}

    /** Loads from the working directory and the real environment. */
    public static ScannerConfig load() {
        return load(Path.of("").toAbsolutePath(), System.getenv(), Map.of());
    }

    /**
     * @param baseDir   the directory holding config/ and .env
     * @param env       environment variables (wins over .env)
     * @param overrides property overrides from the command line (win over the file)
     */
    public static ScannerConfig load(Path baseDir, Map<String, String> env, Map<String, String> overrides) {
        Properties props = new Properties();
        Path propsFile = baseDir.resolve(PROPERTIES_FILE);
        if (Files.isRegularFile(propsFile)) {
            try (Reader r = Files.newBufferedReader(propsFile, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("Cannot read " + propsFile + ": " + e.getMessage()
                        + ". Fix the file or delete it to use the defaults.", e);
            }
        }
        props.putAll(overrides);
        Path envFile = baseDir.resolve(ENV_FILE);
        Map<String, String> merged = new HashMap<>(DotEnv.read(envFile));
        env.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                merged.put(k, v);
            }
        });
        return build(new Source(props, PROPERTIES_FILE), merged, baseDir, envFile);
    }

    private static ScannerConfig build(Source s, Map<String, String> env, Path baseDir, Path envFile) {
        DataMode mode = s.get("mode", "stream", DataMode::parse, "stream, poll or hybrid");
        int poll = s.intIn("poll.interval.seconds", 60, 1, 3600);
        List<TimeWindow> windows = s.get("hybrid.stream.windows", "09:15-10:00,14:00-15:30", TimeWindow::parseList,
                "comma-separated HH:MM-HH:MM windows, e.g. 09:15-10:00,14:00-15:30");
        ScannerConfig.Feed feed = new ScannerConfig.Feed(mode, poll, windows,
                s.intIn("feed.watchdog.seconds", 5, 1, 120),
                s.intIn("feed.reconnect.max.attempts", 0, 0, 100_000),
                s.intIn("candle.grace.millis", 2000, 0, 60_000),
                s.intIn("feed.max.tick.ahead.seconds", 300, 10, 86_400),
                s.intIn("engine.queue.capacity", 1 << 20, 16, 1 << 24));

        int emaFast = s.intIn("strategy.ema.fast", 9, 1, 500);
        int emaSlow = s.intIn("strategy.ema.slow", 21, 2, 1000);
        if (emaFast >= emaSlow) {
            throw new ConfigException(s.file + ": strategy.ema.fast (" + emaFast + ") must be smaller than strategy.ema.slow ("
                    + emaSlow + ")");
        }
        double buyMin = s.doubleIn("strategy.rsi.buy.min", 50, 0, 100);
        double buyMax = s.doubleIn("strategy.rsi.buy.max", 70, 0, 100);
        double sellMin = s.doubleIn("strategy.rsi.sell.min", 30, 0, 100);
        double sellMax = s.doubleIn("strategy.rsi.sell.max", 50, 0, 100);
        if (buyMin > buyMax) {
            throw new ConfigException(s.file + ": strategy.rsi.buy.min (" + buyMin + ") is above strategy.rsi.buy.max (" + buyMax + ")");
        }
        if (sellMin > sellMax) {
            throw new ConfigException(s.file + ": strategy.rsi.sell.min (" + sellMin + ") is above strategy.rsi.sell.max (" + sellMax + ")");
        }
        ScannerConfig.Strategy strategy = new ScannerConfig.Strategy(emaFast, emaSlow,
                s.intIn("strategy.rsi.period", 14, 2, 500), buyMin, buyMax, sellMin, sellMax,
                s.intIn("strategy.warmup.candles", 30, 1, 10_000),
                s.intIn("strategy.atr.period", 14, 1, 500),
                s.doubleIn("strategy.stop.atr", 1.5, 0, 100),
                s.doubleIn("strategy.target.atr", 3.0, 0, 100),
                s.bool("strategy.intrabar", false),
                s.intIn("strategy.intrabar.throttle.seconds", 5, 1, 3600),
                s.intIn("strategy.warmup.days", 5, 1, 60));

        ScannerConfig.Alerts alerts = new ScannerConfig.Alerts(s.bool("alerts.sound", true),
                s.bool("alerts.notification", true), s.intIn("alerts.cooldown.seconds", 0, 0, 86_400),
                new ScannerConfig.Telegram(s.bool("alerts.telegram", true),
                        EndpointUrls.validate(s.file + ": alerts.telegram.api.url", s.text("alerts.telegram.api.url", "https://api.telegram.org"),
                                EndpointUrls.Kind.ALERT),
                        env.get("TELEGRAM_BOT_TOKEN"), env.get("TELEGRAM_CHAT_ID")),
                webhookUrl(env.getOrDefault("ALERTS_WEBHOOK_URL", s.text("alerts.webhook.url", ""))),
                s.intIn("alerts.http.attempts", 4, 1, 10),
                s.intIn("alerts.http.timeout.seconds", 10, 1, 120));

        ScannerConfig.Orders orders = new ScannerConfig.Orders(s.bool("orders.auto", false), s.bool("orders.live", false),
                s.get("orders.sizing", "fixed", v -> oneOf(v, "FIXED", "CAPITAL", "RISK"), "fixed, capital or risk"),
                s.intIn("orders.quantity", 1, 1, 1_000_000),
                s.doubleIn("orders.capital.per.trade", 10_000, 1, 1e10),
                s.doubleIn("orders.risk.per.trade", 500, 1, 1e9),
                s.get("orders.product", "MIS", v -> oneOf(v, "MIS"), "MIS (the executor trades intraday only)"),
                s.get("orders.entry", "market", v -> oneOf(v, "MARKET", "LIMIT"), "market or limit"),
                marketProtection(s),
                s.get("orders.target", "limit", v -> oneOf(v, "LIMIT", "WATCH"), "limit or watch"),
                s.intIn("orders.entry.timeout.seconds", 300, 5, 22_500),
                s.intIn("orders.signal.max.age.seconds", 120, 1, 3600),
                s.get("orders.squareoff.time", "15:20", ConfigLoader::squareOffTime, "a time from 09:16 to 15:29, e.g. 15:20"),
                s.intIn("risk.max.orders.per.day", 20, 0, 5000),
                s.intIn("risk.max.open.positions", 5, 0, 500),
                s.doubleIn("risk.max.loss.per.day", 5000, 1, 1e12),
                s.bool("risk.breaker.squareoff", true),
                s.intIn("risk.symbol.cooldown.seconds", 300, 0, 86_400),
                s.intIn("risk.order.rate.per.second", 10, 1, 10),
                s.intIn("paper.slippage.ticks", 1, 0, 100),
                new ScannerConfig.Charges(s.decimalIn("charges.brokerage.percent", "0.03", 0, 5),
                        s.decimalIn("charges.brokerage.max", "20", 0, 10_000),
                        s.decimalIn("charges.stt.sell.percent", "0.025", 0, 5),
                        s.decimalIn("charges.exchange.percent", "0.00297", 0, 5),
                        s.decimalIn("charges.sebi.per.crore", "10", 0, 10_000),
                        s.decimalIn("charges.stamp.buy.percent", "0.003", 0, 5),
                        s.decimalIn("charges.gst.percent", "18", 0, 100),
                        s.text("charges.source", "zerodha.com/charges, equity intraday; NSE transaction charge 0.00297% since"
                                + " 1 Oct 2024")));

        ScannerConfig.Paths paths = new ScannerConfig.Paths(baseDir,
                s.path(baseDir, "journal.path", "data/journal.db"),
                s.path(baseDir, "instruments.file", "instrument_tokens.json"),
                s.path(baseDir, "constituents.file", "config/nifty50.txt"),
                envFile,
                s.bool("journal.ticks", false) ? s.path(baseDir, "journal.ticks.dir", "data/ticks") : null);

        Set<LocalDate> holidays = s.get("holidays", "", ConfigLoader::dates, "comma-separated dates, e.g. 2026-01-26,2026-12-25");
        List<SpecialSession> specialSessions = s.get("special.sessions", "", ConfigLoader::specialSessions,
                "comma-separated DATE HH:MM-HH:MM (IST), close after open, e.g. 2026-11-08 18:00-19:15");

        Credentials creds = new Credentials(env.get("ZERODHA_API_KEY"), env.get("ZERODHA_API_SECRET"), env.get("ZERODHA_ACCESS_TOKEN"));
        boolean allowInsecure = s.bool(EndpointUrls.ALLOW_INSECURE_KEY, false);
        String rest = endpoint(env, "KITE_REST_URL", s, "kite.rest.url", EndpointUrls.Kind.REST, allowInsecure);
        String ws = endpoint(env, "KITE_WS_URL", s, "kite.ws.url", EndpointUrls.Kind.WEBSOCKET, allowInsecure);
        ScannerConfig.Kite kite = new ScannerConfig.Kite(creds, rest, ws, allowInsecure);
        List<String> warnings = new ArrayList<>();
        DotEnv.permissionWarning(envFile).ifPresent(warnings::add);
        EndpointUrls.insecureWarning(allowInsecure, rest, ws).ifPresent(warnings::add);

        ScannerConfig.Sandbox sandbox = new ScannerConfig.Sandbox(s.doubleIn("sandbox.speed", 1.0, 0.01, 10_000),
                s.longValue("sandbox.seed", 42L), s.text("sandbox.start", ""));

        return new ScannerConfig(feed, strategy, alerts, orders, paths, holidays, kite, sandbox,
                s.intIn("ui.refresh.millis", 2000, 100, 60_000), specialSessions, List.copyOf(warnings));
    }

    /** The environment (or .env) wins over the properties file; the message names where the bad value came from. */
    private static String endpoint(Map<String, String> env, String envKey, Source s, String propertyKey, EndpointUrls.Kind kind,
                                   boolean allowInsecure) {
        String fromEnv = env.get(envKey);
        if (fromEnv != null) {
            return EndpointUrls.validate(envKey, fromEnv, kind, allowInsecure);
        }
        return EndpointUrls.validate(s.file + ": " + propertyKey, s.text(propertyKey, ""), kind, allowInsecure);
    }

    /** Validated like every endpoint, but the message never shows the path: a webhook's path is often its secret. */
    private static String webhookUrl(String value) {
        try {
            return EndpointUrls.validate("alerts.webhook.url (or ALERTS_WEBHOOK_URL)", value, EndpointUrls.Kind.ALERT);
        } catch (ConfigException e) {
            String shown = Secrets.redact(value.trim());
            String origin = Secrets.urlOrigin(value);
            // only the quoted value: replacing its text everywhere would garble the message when it is short ("a")
            throw new ConfigException(e.getMessage().replace("'" + shown + "'",
                    "'" + (origin.startsWith("(") ? "****" : origin + "/****") + "'"));
        }
    }

    private static String oneOf(String v, String... allowed) {
        String u = v.trim().toUpperCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(u)) {
                return u;
            }
        }
        throw new IllegalArgumentException("not one of " + String.join(", ", allowed));
    }

    private static int marketProtection(Source s) {
        int p = s.intIn("orders.market.protection", -1, -1, 100);
        if (p == 0) {
            throw new ConfigException(s.file + ": orders.market.protection = '0' is not valid; allowed: -1 (automatic) or"
                    + " 1 to 100 (percent). Kite rejects API market orders without market protection.");
        }
        return p;
    }

    private static java.time.LocalTime squareOffTime(String v) {
        java.time.LocalTime t = java.time.LocalTime.parse(v.trim());
        if (t.isBefore(java.time.LocalTime.of(9, 16)) || !t.isBefore(java.time.LocalTime.of(15, 30))) {
            throw new IllegalArgumentException("outside the session");
        }
        return t;
    }

    private static List<SpecialSession> specialSessions(String v) {
        List<SpecialSession> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] dateAndWindow = p.split("\\s+");
            if (dateAndWindow.length != 2) {
                throw new IllegalArgumentException("'" + p + "' is not DATE HH:MM-HH:MM");
            }
            TimeWindow w = TimeWindow.parseList(dateAndWindow[1]).get(0);
            out.add(new SpecialSession(LocalDate.parse(dateAndWindow[0]), w.start(), w.end()));
        }
        return List.copyOf(out);
    }

    private static Set<LocalDate> dates(String v) {
        Set<LocalDate> out = new TreeSet<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(LocalDate.parse(part.trim()));
            }
        }
        return out;
    }

    /** A property source that reports problems with the file, key, value and what is allowed. */
    private static final class Source {
        private final Properties props;
        private final String file;

        Source(Properties props, String file) {
            this.props = props;
            this.file = file;
        }

        String text(String key, String def) {
            String v = props.getProperty(key);
            return v == null ? def : v.trim();
        }

        <T> T get(String key, String def, java.util.function.Function<String, T> parser, String allowed) {
            String v = text(key, def);
            try {
                return parser.apply(v);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw bad(key, v, allowed);
            }
        }

        /** A file, relative to {@code baseDir} unless absolute; a blank value or one no file system takes is refused. */
        Path path(Path baseDir, String key, String def) {
            String v = text(key, def);
            if (v.isEmpty()) {
                throw bad(key, v, "a file path, e.g. " + def);
            }
            try {
                return baseDir.resolve(v);
            } catch (java.nio.file.InvalidPathException e) {
                throw bad(key, v, "a file path, e.g. " + def + " (" + e.getReason() + ")");
            }
        }

        int intIn(String key, int def, int min, int max) {
            String v = text(key, String.valueOf(def));
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw bad(key, v, "a whole number from " + min + " to " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw bad(key, v, "a whole number from " + min + " to " + max);
            }
        }

        long longValue(String key, long def) {
            String v = text(key, String.valueOf(def));
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw bad(key, v, "a whole number");
            }
        }

        java.math.BigDecimal decimalIn(String key, String def, double min, double max) {
            String v = text(key, def);
            try {
                java.math.BigDecimal d = new java.math.BigDecimal(v);
                if (d.doubleValue() < min || d.doubleValue() > max) {
                    throw bad(key, v, "a number from " + min + " to " + max);
                }
                return d;
            } catch (NumberFormatException e) {
                throw bad(key, v, "a number from " + min + " to " + max);
            }
        }

        double doubleIn(String key, double def, double min, double max) {
            String v = text(key, String.valueOf(def));
            try {
                double d = Double.parseDouble(v);
                if (!(d >= min && d <= max)) {
                    throw bad(key, v, "a number from " + min + " to " + max);
                }
                return d;
            } catch (NumberFormatException e) {
                throw bad(key, v, "a number from " + min + " to " + max);
            }
        }

        boolean bool(String key, boolean def) {
            String v = text(key, String.valueOf(def)).toLowerCase(Locale.ROOT);
            switch (v) {
                case "true": case "yes": case "on": case "1":
                    return true;
                case "false": case "no": case "off": case "0":
                    return false;
                default:
                    throw bad(key, v, "true or false");
            }
        }

        private ConfigException bad(String key, String value, String allowed) {
            String shown = Secrets.isSecretKey(key) ? Secrets.mask(value) : value;
            return new ConfigException(file + ": " + key + " = '" + shown + "' is not valid; allowed: " + allowed);
        }
    }
}

package io.niftyscanner.app;

import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.EngineListener;
import io.niftyscanner.engine.EngineStats;
import io.niftyscanner.engine.IndicatorSets;
import io.niftyscanner.engine.IndicatorValues;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Tick;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./scanner replay FILE [--json] [--print candles,signals]}: runs a tick file through the engine
 * synchronously, as fast as it can, deterministically (market time follows the file).
 */
public final class ReplayCommand implements Command {
    private static final int REPORT_LIMIT = 100;

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        Options o = Options.parse(args);
        Path file = ctx.baseDir().resolve(o.file);
        if (!Files.isRegularFile(file)) {
            ctx.err().println("replay: tick file not found: " + file
                    + " (give the path of a CSV with the header time,token,last_price,volume, e.g. samples/nifty-sample-2026-11-23.csv)");
            return Cli.EXIT_FAILURE;
        }
        ScannerConfig config = ConfigLoader.load(ctx.baseDir(), ctx.env(), Map.of());
        List<Instrument> instruments = InstrumentTokensFile.load(config.paths().instruments());
        StrategyParams params = EngineParams.from(config);

        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8), 1 << 16));
        ReplayPrinter printer = new ReplayPrinter(out, o.json);
        Map<Long, Instrument> byToken = new HashMap<>();
        instruments.forEach(in -> byToken.put(in.token(), in));
        Reporter reporter = new Reporter(ctx);

        long[] line = new long[1];
        EngineListener listener = new EngineListener() {
            @Override
            public void onCandleClosed(Candle candle, IndicatorValues values) {
                if (o.candles) {
                    printer.candle(byToken.get(candle.token()), candle);
                }
            }

            @Override
            public void onSignal(Signal signal) {
                if (o.signals) {
                    printer.signal(signal);
                }
            }

            @Override
            public void onLateTick(Tick tick, long closedBucketStartMillis) {
                reporter.note(line[0], "late tick for " + byToken.get(tick.token()).symbol() + "'s candle of "
                        + ReplayPrinter.isoIst(closedBucketStartMillis) + ", which had already closed; not merged");
            }

            @Override
            public void onUnknownToken(Tick tick) {
                reporter.report(line[0], "unknown token " + tick.token() + " (not in " + config.paths().instruments().getFileName()
                        + ")", null);
                reporter.unknown++;
            }
        };
        EngineCore core = new EngineCore(instruments, params, listener, null, IndicatorSets.incremental(params));

        long started = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            TickFileReader reader;
            try {
                reader = new TickFileReader(in, (n, reason, text) -> {
                    reporter.report(n, reason, text);
                    reporter.malformed++;
                });
            } catch (IllegalArgumentException e) {
                ctx.err().println("replay: " + file.getFileName() + ": " + e.getMessage());
                return Cli.EXIT_FAILURE;
            }
            Tick tick;
            while ((tick = reader.next()) != null) {
                line[0] = reader.lineNumber();
                core.onTick(tick);
                core.onMarketTime(tick.exchangeTimeMillis());
            }
        }
        core.flush();
        out.flush();
        long nanos = System.nanoTime() - started;
        reporter.summary(core.stats(), nanos);
        return Cli.EXIT_OK;
    }

    /** Reports skipped lines on stderr (the first ones individually) and the summary. */
    private static final class Reporter {
        private final CliContext ctx;
        long malformed;
        long unknown;
        private long reported;

        Reporter(CliContext ctx) {
            this.ctx = ctx;
        }

        void report(long lineNumber, String reason, String text) {
            if (reported++ < REPORT_LIMIT) {
                ctx.err().println("line " + lineNumber + ": skipped, " + reason + (text == null ? "" : ": " + abbreviate(text)));
            } else if (reported == REPORT_LIMIT + 1) {
                ctx.err().println("(further skipped lines are only counted)");
            }
        }

        void note(long lineNumber, String what) {
            if (reported++ < REPORT_LIMIT) {
                ctx.err().println("line " + lineNumber + ": " + what);
            }
        }

        private static String abbreviate(String text) {
            return text.length() > 120 ? text.substring(0, 117) + "..." : text;
        }

        void summary(EngineStats s, long nanos) {
            double seconds = nanos / 1e9;
            long processed = s.ticks();
            ctx.err().println(String.format(Locale.ROOT,
                    "replay: %d ticks, %d candles, %d signals; skipped %d lines (%d malformed, %d unknown token); "
                            + "%d ticks outside the session, %d late; %.3f s, %.0f ticks/s",
                    processed, s.candles(), s.signals(), malformed + unknown, malformed, unknown, s.outOfSessionTicks(),
                    s.lateTicks(), seconds, seconds > 0 ? processed / seconds : 0.0));
        }
    }

    /** Parsed command line. */
    private static final class Options {
        String file;
        boolean json;
        boolean candles = true;
        boolean signals = true;

        static Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--json")) {
                    o.json = true;
                } else if (a.equals("--print") || a.startsWith("--print=")) {
                    String value;
                    if (a.startsWith("--print=")) {
                        value = a.substring("--print=".length());
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException("--print needs a value: candles, signals or candles,signals");
                    }
                    o.candles = false;
                    o.signals = false;
                    for (String what : value.split(",")) {
                        switch (what.trim().toLowerCase(Locale.ROOT)) {
                            case "candles":
                                o.candles = true;
                                break;
                            case "signals":
                                o.signals = true;
                                break;
                            default:
                                throw new UsageException("--print takes candles, signals or candles,signals; '" + what
                                        + "' is not one of them");
                        }
                    }
                } else if (a.startsWith("-")) {
                    throw new UsageException("unknown option '" + a + "'; usage: replay FILE [--json] [--print candles,signals]");
                } else if (o.file == null) {
                    o.file = a;
                } else {
                    throw new UsageException("only one tick file can be replayed at a time; got '" + o.file + "' and '" + a + "'");
                }
            }
            if (o.file == null) {
                throw new UsageException("which tick file? usage: replay FILE [--json] [--print candles,signals]");
            }
            return o;
        }
    }
}

package io.niftyscanner.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Signal;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./scanner scan --headless [--mode stream|poll|hybrid] [--poll-interval S] [--json] [--auto-trade]
 * [--duration S]}: the scanner without a window. Signals (and with --json every event) go to stdout, human status to
 * stderr. Runs until interrupted or for the given duration.
 */
public final class ScanCommand implements Command {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SHUTDOWN_WAIT_SECONDS = 60;

    record Options(DataMode mode, int pollInterval, boolean json, boolean autoTrade, long durationSeconds, boolean warmUp,
                   Double sandboxSpeed, String sandboxStart) {
        static Options parse(List<String> args) {
            DataMode mode = null;
            int poll = 0;
            boolean json = false;
            boolean auto = false;
            boolean headless = false;
            boolean warmUp = true;
            long duration = 0;
            Double speed = null;
            String start = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--headless":
                        headless = true;
                        break;
                    case "--json":
                        json = true;
                        break;
                    case "--auto-trade":
                        auto = true;
                        break;
                    case "--no-warmup":
                        warmUp = false;
                        break;
                    case "--mode":
                        try {
                            mode = DataMode.parse(value(args, ++i, a));
                        } catch (IllegalArgumentException e) {
                            throw new UsageException("--mode " + e.getMessage());
                        }
                        break;
                    case "--poll-interval":
                        poll = (int) number(value(args, ++i, a), a, 1, 3600);
                        break;
                    case "--duration":
                        duration = number(value(args, ++i, a), a, 1, 7 * 86_400);
                        break;
                    case "--sandbox-speed":
                        try {
                            speed = Double.parseDouble(value(args, ++i, a));
                        } catch (NumberFormatException e) {
                            throw new UsageException("--sandbox-speed needs a number, e.g. 10");
                        }
                        break;
                    case "--sandbox-start":
                        start = value(args, ++i, a);
                        break;
                    default:
                        throw new UsageException("unknown option '" + a + "'. Usage: scan --headless [--mode stream|poll|hybrid]"
                                + " [--poll-interval SECONDS] [--json] [--auto-trade] [--duration SECONDS]");
                }
            }
            if (!headless) {
                throw new UsageException("add --headless to scan without a window (./scanner alone opens the window)");
            }
            return new Options(mode, poll, json, auto, duration, warmUp, speed, start);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(i);
        }

        private static long number(String text, String option, long min, long max) {
            try {
                long n = Long.parseLong(text);
                if (n < min || n > max) {
                    throw new UsageException(option + " must be from " + min + " to " + max + ", not " + text);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a whole number, not '" + text + "'");
            }
        }
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        Options o = Options.parse(args);
        Map<String, String> overrides = new HashMap<>();
        if (o.sandboxSpeed() != null) {
            overrides.put("sandbox.speed", String.valueOf(o.sandboxSpeed()));
        }
        if (o.sandboxStart() != null) {
            overrides.put("sandbox.start", o.sandboxStart());
        }
        ScannerConfig config = ConfigLoader.load(ctx.baseDir(), ctx.env(), overrides);
        if (o.autoTrade()) {
            ctx.err().println("--auto-trade: order execution is not part of this build yet; scanning only, no orders are placed.");
        }
        EventPrinter printer = new EventPrinter(ctx.out(), ctx.err(), o.json());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl+C or a kill: let the scanner finish closing (the journal commits what it holds) before the JVM halts
            stop.countDown();
            try {
                if (!stopped.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    ctx.err().println("The scanner did not stop within " + SHUTDOWN_WAIT_SECONDS + " s; exiting anyway.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "scan-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ScannerRuntime rt = ScannerRuntime.start(config, new ScannerRuntime.Options(o.mode(), o.pollInterval(), o.warmUp(), null), printer)) {
            ctx.err().println("Scanning " + rt.instruments().size() + " instruments on " + rt.view().exchangeLabel()
                    + " (mode " + rt.supervisor().mode().id() + "). Press Ctrl+C to stop.");
            if (o.durationSeconds() > 0) {
                stop.await(o.durationSeconds(), TimeUnit.SECONDS);
            } else {
                stop.await();
            }
            ctx.err().println("Stopping…");
            rt.close();
            ScannerView v = rt.view();
            ctx.err().println("Stopped: " + v.ticks() + " ticks, " + v.candles() + " candles, " + v.signals().size() + " signals, "
                    + rt.repairer().gaps() + " gaps, " + rt.repairer().repairedCandles() + " candles repaired; journal "
                    + rt.journal().file() + ".");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting through the hook, which waits for this
            }
            stopped.countDown();
        }
        return Cli.EXIT_OK;
    }

    /** Prints runtime events: JSON lines on stdout with --json, otherwise signals on stdout and status on stderr. */
    static final class EventPrinter implements ScannerRuntime.Events {
        private final PrintStream out;
        private final PrintStream err;
        private final boolean json;

        EventPrinter(PrintStream out, PrintStream err, boolean json) {
            this.out = out;
            this.err = err;
            this.json = json;
        }

        @Override
        public void onCandle(Instrument instrument, Candle candle) {
            if (json) {
                line(ReplayPrinter.candleJson(instrument, candle));
            }
        }

        @Override
        public void onCandleRepaired(Instrument instrument, Candle before, Candle after) {
            if (json) {
                ObjectNode n = ReplayPrinter.candleJson(instrument, after);
                n.put("repaired", true);
                line(n);
            }
        }

        @Override
        public void onSignal(Signal signal) {
            if (json) {
                line(ReplayPrinter.signalJson(signal));
            } else {
                synchronized (out) {
                    out.printf(Locale.ROOT, "%s  %-4s %-12s %10.2f  RSI %5.1f  EMA9 %.2f / EMA21 %.2f  stop %.2f target %.2f%n",
                            ReplayPrinter.isoIst(signal.timeMillis()), signal.side(), signal.symbol(), signal.priceRupees(),
                            signal.rsi(), signal.emaFast(), signal.emaSlow(), signal.stop(), signal.target());
                }
            }
        }

        @Override
        public void onStatus(FeedStatus s, boolean changed) {
            if (!changed) {
                return;
            }
            if (json) {
                line(statusJson(s));
                if (s.state() == io.niftyscanner.feed.FeedState.ERROR || s.state() == io.niftyscanner.feed.FeedState.TOKEN_EXPIRED) {
                    ObjectNode e = JSON.createObjectNode();
                    e.put("type", "error");
                    e.put("time", ReplayPrinter.isoIst(s.time().toEpochMilli()));
                    e.put("message", s.message() == null || s.message().isBlank() ? s.state().name() : s.message());
                    line(e);
                }
            }
            synchronized (err) {
                err.println("[" + s.state() + "] " + StatusLine.describe(s));
            }
        }

        static ObjectNode statusJson(FeedStatus s) {
            ObjectNode n = JSON.createObjectNode();
            n.put("type", "status");
            n.put("time", ReplayPrinter.isoIst(s.time().toEpochMilli()));
            n.put("mode", s.mode().id());
            n.put("state", s.state().name());
            n.put("message", s.message() == null ? "" : s.message());
            if (!s.activeFeed().isEmpty()) {
                n.put("feed", s.activeFeed());
            }
            if (s.pollCycleMillis() >= 0 && "poll".equals(s.activeFeed())) {
                n.put("poll_cycle_ms", s.pollCycleMillis());
            }
            if (s.nextCycle() != null) {
                n.put("next_cycle", iso(s.nextCycle()));
            }
            if (s.attempt() > 0) {
                n.put("attempt", s.attempt());
                n.put("next_try_ms", s.nextTryMillis());
            }
            if (s.nextOpen() != null) {
                n.put("next_open", iso(s.nextOpen()));
            }
            return n;
        }

        private static String iso(Instant t) {
            return ReplayPrinter.isoIst(t.toEpochMilli());
        }

        private void line(ObjectNode n) {
            String text = n.toString();
            synchronized (out) {
                out.println(text);
            }
        }
    }
}

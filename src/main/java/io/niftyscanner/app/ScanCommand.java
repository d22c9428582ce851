package io.niftyscanner.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.niftyscanner.alerts.AlertEvent;
import io.niftyscanner.alerts.AlertJson;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Signal;
import io.niftyscanner.orders.OrderEvent;
import io.niftyscanner.orders.PositionsEvent;
import io.niftyscanner.orders.TradingControl;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./scanner scan --headless [--mode stream|poll|hybrid] [--poll-interval S] [--json] [--auto-trade] [--confirm-live ID]
 * [--duration S]}: the scanner without a window. Signals (and with --json every event) go to stdout, human status to
 * stderr. Runs until interrupted or for the given duration.
 */
public final class ScanCommand implements Command {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SHUTDOWN_WAIT_SECONDS = 60;
    /** At the end of a --duration run, how long repairs of already closed candles may still take. */
    static final java.time.Duration FINISH_REPAIRS = java.time.Duration.ofSeconds(60);

    record Options(DataMode mode, int pollInterval, boolean json, boolean autoTrade, long durationSeconds, boolean warmUp,
                   Double sandboxSpeed, String sandboxStart, String confirmLive) {
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
            String confirmLive = null;
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
                    case "--confirm-live":
                        confirmLive = value(args, ++i, a);
                        if (!confirmLive.matches("[A-Za-z0-9]{2,20}")) {
                            throw new UsageException("--confirm-live needs your Kite user id (e.g. AB1234), not '" + confirmLive + "'");
                        }
                        break;
                    default:
                        throw new UsageException("unknown option '" + a + "'. Usage: scan --headless [--mode stream|poll|hybrid]"
                                + " [--poll-interval SECONDS] [--json] [--auto-trade] [--confirm-live USER_ID] [--duration SECONDS]");
                }
            }
            if (!headless) {
                throw new UsageException("add --headless to scan without a window (./scanner alone opens the window)");
            }
            return new Options(mode, poll, json, auto, duration, warmUp, speed, start, confirmLive);
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
        if (o.confirmLive() != null && !(o.autoTrade() || config.orders().autoTrade())) {
            throw new UsageException("--confirm-live confirms live orders for auto-trading: add --auto-trade (and set"
                    + " orders.live = true in config/scanner.properties)");
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
        try (ScannerRuntime rt = ScannerRuntime.start(config, new ScannerRuntime.Options(o.mode(), o.pollInterval(), o.warmUp(),
                null, null, o.autoTrade(), o.confirmLive()), printer)) {
            ctx.err().println("Scanning " + rt.instruments().size() + " instruments on " + rt.view().exchangeLabel()
                    + " (mode " + rt.supervisor().mode().id() + "). Press Ctrl+C to stop.");
            ctx.err().println(tradingLine(rt.trading(), o.autoTrade() || config.orders().autoTrade()));
            if (o.durationSeconds() > 0) {
                if (!stop.await(o.durationSeconds(), TimeUnit.SECONDS)) {
                    finishRepairs(rt, stop, ctx);
                }
            } else {
                stop.await();
            }
            ctx.err().println("Stopping…");
            rt.close();
            ScannerView v = rt.view();
            io.niftyscanner.feed.RefusedTicks refused = rt.supervisor().refusedTicks();
            ctx.err().println("Stopped: " + v.ticks() + " ticks, " + v.candles() + " candles, " + v.signals().size() + " signals, "
                    + rt.repairer().gaps() + " gaps, " + rt.repairer().repairedCandles() + " candles repaired, "
                    + rt.engine().snapshot().awaitingRepair() + " awaiting repair"
                    + (refused.total() == 0 ? "" : ", " + refused.total() + " ticks refused (" + refused.tooFarAhead()
                    + " stamped too far ahead, " + refused.earlierDate() + " from an earlier date, " + refused.nonPositivePrice()
                    + " with a price of zero or below)") + "; journal " + rt.journal().file() + ".");
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

    static String tradingLine(TradingControl trading, boolean autoTrade) {
        if (!autoTrade) {
            return "Auto-trade is off: signals are not traded (--auto-trade or orders.auto = true to trade them).";
        }
        switch (trading.mode()) {
            case SANDBOX:
                return "Auto-trade: orders go to the sandbox exchange's own order book.";
            case LIVE:
                return "Auto-trade: LIVE orders on your Zerodha account (confirmed for this session).";
            default:
                String why = trading.whyNotLive();
                return "Auto-trade: PAPER orders (local fills with Indian charges); nothing reaches Kite"
                        + (why.isEmpty() ? " until live is confirmed (--confirm-live USER_ID)." : ": " + why + ".");
        }
    }

    /**
     * The planned end of a --duration run: the feed stops, and candles that closed marked (an outage shortly before the
     * end) get their repair, for at most {@link #FINISH_REPAIRS}; Ctrl+C ends the wait at once.
     */
    private static void finishRepairs(ScannerRuntime rt, CountDownLatch stop, CliContext ctx) throws InterruptedException {
        int waiting = rt.engine().snapshot().awaitingRepair();
        if (waiting == 0) {
            return;
        }
        ctx.err().println("Duration reached: the feed is stopped; waiting up to " + FINISH_REPAIRS.toSeconds() + " s for the repair"
                + " of the candles that closed marked (" + waiting + " await repair; Kite serves 3 history requests a second)."
                + " Ctrl+C stops at once.");
        rt.stopFeedAndFinishRepairs(FINISH_REPAIRS, () -> stop.getCount() == 0);
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
        public void onAlert(AlertEvent alert) {
            if (json) {
                line(AlertJson.line(alert));
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

        @Override
        public void onOrder(OrderEvent e) {
            if (json) {
                line(orderJson(e));
            } else {
                synchronized (out) {
                    out.printf(Locale.ROOT, "%s  ORDER %-10s %-4s %-12s %6d %-6s %-6s %s%s%n", ReplayPrinter.isoIst(e.timeMillis()),
                            e.status(), e.side(), e.symbol(), e.quantity(), e.role(), e.orderType(),
                            e.filledQuantity() > 0 ? String.format(Locale.ROOT, "filled %d @ %.2f ", e.filledQuantity(), e.averagePrice()) : "",
                            e.message().isEmpty() ? "" : "(" + e.message() + ")");
                }
            }
        }

        @Override
        public void onBreaker(String reason, double dayPnl, long marketMillis) {
            if (json) {
                ObjectNode n = JSON.createObjectNode();
                n.put("type", "breaker");
                n.put("time", ReplayPrinter.isoIst(marketMillis));
                n.put("day_pnl", dayPnl);
                n.put("message", reason);
                line(n);
            }
            synchronized (err) {
                err.println("[BREAKER] " + reason);
            }
        }

        @Override
        public void onPositions(PositionsEvent p) {
            if (json) {
                line(positionsJson(p));
            }
            synchronized (err) {
                err.println(positionsLine(p));
            }
        }

        static String positionsLine(PositionsEvent p) {
            StringBuilder b = new StringBuilder("Positions after reading the order book (" + p.reason() + "): ");
            if (p.open().isEmpty()) {
                return b.append("none open.").toString();
            }
            for (int i = 0; i < p.open().size(); i++) {
                PositionsEvent.Open o = p.open().get(i);
                b.append(i == 0 ? "" : ", ").append(o.symbol()).append(' ').append(o.quantity() > 0 ? "+" : "").append(o.quantity())
                        .append(String.format(Locale.ROOT, " @ %.2f", o.averagePrice()));
            }
            return b.append('.').toString();
        }

        static ObjectNode positionsJson(PositionsEvent p) {
            ObjectNode n = JSON.createObjectNode();
            n.put("type", "positions");
            n.put("time", ReplayPrinter.isoIst(p.timeMillis()));
            n.put("reason", p.reason());
            n.put("gateway", p.gateway());
            com.fasterxml.jackson.databind.node.ArrayNode a = n.putArray("positions");
            for (PositionsEvent.Open o : p.open()) {
                ObjectNode r = a.addObject();
                r.put("symbol", o.symbol());
                r.put("token", o.token());
                r.put("quantity", o.quantity());
                r.put("average_price", o.averagePrice());
            }
            return n;
        }

        /** design.md 5: type, time, symbol, side, quantity, tag, status, gateway; and what else a trader needs to know. */
        static ObjectNode orderJson(OrderEvent e) {
            ObjectNode n = JSON.createObjectNode();
            n.put("type", "order");
            n.put("time", ReplayPrinter.isoIst(e.timeMillis()));
            n.put("symbol", e.symbol());
            n.put("side", e.side());
            n.put("quantity", e.quantity());
            n.put("tag", e.tag());
            n.put("status", e.status());
            n.put("gateway", e.gateway());
            n.put("role", e.role());
            n.put("order_type", e.orderType());
            if (e.orderId() != null) {
                n.put("order_id", e.orderId());
            }
            if (e.price() > 0) {
                n.put("price", e.price());
            }
            if (e.triggerPrice() > 0) {
                n.put("trigger_price", e.triggerPrice());
            }
            n.put("filled_quantity", e.filledQuantity());
            if (e.filledQuantity() > 0) {
                n.put("average_price", e.averagePrice());
            }
            if (!e.message().isEmpty()) {
                n.put("message", e.message());
            }
            n.put("signal_key", e.signalKey());
            return n;
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
            n.put("awaiting_repair", s.candlesAwaitingRepair());
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

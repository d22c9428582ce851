package io.niftyscanner.app;

import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.journal.FillRow;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.journal.OrderRow;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.market.SessionCalendar;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./scanner export signals|orders|trades [--from DATE] [--to DATE] [--out FILE] [--journal FILE]}: the journal as
 * CSV (design.md 4). Dates are IST trading days, both ends included. Without {@code --out} the CSV goes to stdout.
 * The journal is the one the scanner writes with this configuration (the sandbox's own when no Kite credentials are
 * set), or the one named by {@code --journal}.
 */
public final class ExportCommand implements Command {
    static final String USAGE = "export signals|orders|trades [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE] [--journal FILE]";

    record Options(String what, LocalDate from, LocalDate to, Path out, Path journal) {
        static Options parse(List<String> args, Path baseDir) {
            if (args.isEmpty()) {
                throw new UsageException("what to export? Usage: " + USAGE);
            }
            String what = args.get(0);
            if (!List.of("signals", "orders", "trades").contains(what)) {
                throw new UsageException("cannot export '" + what + "': choose signals, orders or trades. Usage: " + USAGE);
            }
            LocalDate from = null;
            LocalDate to = null;
            Path out = null;
            Path journal = null;
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--from":
                        from = date(value(args, ++i, a), a);
                        break;
                    case "--to":
                        to = date(value(args, ++i, a), a);
                        break;
                    case "--out":
                        out = baseDir.resolve(value(args, ++i, a));
                        break;
                    case "--journal":
                        journal = baseDir.resolve(value(args, ++i, a));
                        break;
                    default:
                        throw new UsageException("unknown option '" + a + "'. Usage: " + USAGE);
                }
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw new UsageException("--to " + to + " is before --from " + from);
            }
            return new Options(what, from, to, out, journal);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(i);
        }

        private static LocalDate date(String s, String option) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new UsageException(option + " needs a date like 2026-11-23, not '" + s + "'");
            }
        }

        long fromMillis() {
            return from == null ? Long.MIN_VALUE / 2 : from.atStartOfDay(SessionCalendar.IST).toInstant().toEpochMilli();
        }

        long toMillis() {
            return to == null ? Long.MAX_VALUE / 2 : to.plusDays(1).atStartOfDay(SessionCalendar.IST).toInstant().toEpochMilli();
        }
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        Options o = Options.parse(args, ctx.baseDir());
        Path file = o.journal() != null ? o.journal() : journalOf(ConfigLoader.load(ctx.baseDir(), ctx.env(), Map.of()));
        if (!Files.isRegularFile(file)) {
            ctx.err().println("No journal at " + file + " yet: it is written while the scanner runs."
                    + (o.journal() == null ? " Name another with --journal FILE." : ""));
            return Cli.EXIT_FAILURE;
        }
        int rows;
        try (Journal journal = Journal.open(file)) {
            if (o.out() == null) {
                PrintWriter w = new PrintWriter(ctx.out(), false, StandardCharsets.UTF_8);
                rows = write(journal, o, w);
                w.flush();
            } else {
                Path parent = o.out().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer w = Files.newBufferedWriter(o.out(), StandardCharsets.UTF_8)) {
                    rows = write(journal, o, w);
                }
            }
        }
        ctx.err().println("Exported " + rows + " " + o.what() + " from " + file
                + (o.out() == null ? "" : " to " + o.out()) + ".");
        return Cli.EXIT_OK;
    }

    /**
     * The window's File &gt; Export: the same CSV as the command, from {@code journalFile} (read on a connection of its
     * own, so a running scanner keeps writing) into {@code out}. Null dates mean no bound. Returns the rows written.
     */
    public static int export(String what, LocalDate from, LocalDate to, Path journalFile, Path out) throws IOException {
        if (!List.of("signals", "orders", "trades").contains(what)) {
            throw new IllegalArgumentException("cannot export '" + what + "': choose signals, orders or trades");
        }
        if (!Files.isRegularFile(journalFile)) {
            throw new IOException("no journal at " + journalFile + " yet: it is written while the scanner runs");
        }
        Options o = new Options(what, from, to, out, journalFile);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Journal journal = Journal.open(journalFile); Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            return write(journal, o, w);
        }
    }

    /** The journal the scanner uses with this configuration: the sandbox keeps its own (see ScannerRuntime). */
    static Path journalOf(ScannerConfig config) {
        boolean simulated = config.kite().useSandbox()
                || KiteSession.SANDBOX.apiKey().equals(config.kite().credentials().apiKey());
        return simulated ? ScannerRuntime.sandboxJournal(config.paths().journal()) : config.paths().journal();
    }

    static int write(Journal journal, Options o, Writer w) throws IOException {
        Csv csv = new Csv(w);
        switch (o.what()) {
            case "signals":
                return signals(journal, o, csv);
            case "orders":
                return orders(journal, o, csv);
            default:
                return trades(journal, o, csv);
        }
    }

    private static final List<String> SIGNAL_COLUMNS = List.of("time", "symbol", "token", "side", "price", "candle_start",
            "candle_open", "candle_high", "candle_low", "candle_close", "candle_volume", "candle_quality", "ema_fast",
            "ema_slow", "ema_fast_prev", "ema_slow_prev", "rsi", "atr", "stop", "target", "intrabar", "rule", "thresholds",
            "recorded", "detected", "alerted", "order_sent", "order_ack", "signal_key");

    private static int signals(Journal journal, Options o, Csv csv) throws IOException {
        csv.row(SIGNAL_COLUMNS);
        int n = 0;
        for (Map<String, Object> r : journal.signalsBetween(o.fromMillis(), o.toMillis())) {
            List<Object> row = new ArrayList<>();
            row.add(time(r.get("time_ms")));
            row.add(r.get("symbol"));
            row.add(r.get("token"));
            row.add(r.get("side"));
            row.add(r.get("price"));
            row.add(time(r.get("candle_start_ms")));
            for (String c : List.of("candle_open", "candle_high", "candle_low", "candle_close", "candle_volume", "candle_quality",
                    "ema_fast", "ema_slow", "ema_fast_prev", "ema_slow_prev", "rsi", "atr", "stop", "target")) {
                row.add(r.get(c));
            }
            row.add(Integer.valueOf(1).equals(r.get("intrabar")) ? "true" : "false");
            row.add(r.get("rule"));
            row.add(r.get("thresholds"));
            for (String c : List.of("recorded_ms", "detected_ms", "alerted_ms", "order_sent_ms", "order_ack_ms")) {
                row.add(time(r.get(c)));
            }
            row.add(r.get("signal_key"));
            csv.row(row);
            n++;
        }
        return n;
    }

    private static int orders(Journal journal, Options o, Csv csv) throws IOException {
        csv.row(List.of("created", "updated", "session_date", "symbol", "side", "quantity", "role", "order_type", "price",
                "trigger_price", "stop", "target", "product", "market_protection", "status", "filled_quantity", "average_price",
                "message", "order_id", "tag", "signal_key", "gateway"));
        int n = 0;
        for (OrderRow r : journal.trades().ordersBetween(o.fromMillis(), o.toMillis())) {
            csv.row(List.of(time(r.createdMillis()), time(r.updatedMillis()), r.sessionDate(), r.symbol(), r.side(), r.quantity(),
                    r.role(), r.orderType(), rupees(r.pricePaise()), rupees(r.triggerPaise()), rupees(r.stopPaise()),
                    rupees(r.targetPaise()), r.product(), r.marketProtection(), r.status(), r.filledQuantity(),
                    rupees(r.averagePricePaise()), nz(r.message()), nz(r.orderId()), r.tag(), nz(r.signalKey()), r.gateway()));
            n++;
        }
        return n;
    }

    private static int trades(Journal journal, Options o, Csv csv) throws IOException {
        csv.row(List.of("time", "session_date", "symbol", "side", "quantity", "price", "value", "brokerage", "stt",
                "exchange_charge", "sebi", "stamp", "gst", "charges", "realised", "net", "tag", "order_id", "fill_id", "gateway"));
        int n = 0;
        for (FillRow f : journal.trades().fillsBetween(o.fromMillis(), o.toMillis())) {
            csv.row(List.of(time(f.timeMillis()), f.sessionDate(), f.symbol(), f.side(), f.quantity(), rupees(f.pricePaise()),
                    rupees(f.pricePaise() * f.quantity()), rupees(f.brokerage()), rupees(f.stt()), rupees(f.exchangeCharge()),
                    rupees(f.sebi()), rupees(f.stamp()), rupees(f.gst()), rupees(f.chargesPaise()), rupees(f.realisedPaise()),
                    rupees(f.realisedPaise() - f.chargesPaise()), f.tag(), nz(f.orderId()), f.fillId(), f.gateway()));
            n++;
        }
        return n;
    }

    private static String time(Object epochMillis) {
        return epochMillis instanceof Number n ? ReplayPrinter.isoIst(n.longValue()) : "";
    }

    private static String rupees(long paise) {
        return BigDecimal.valueOf(paise, 2).toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
    private static final class Csv {
        private final Writer w;

        Csv(Writer w) {
            this.w = w;
        }

        void row(List<?> fields) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                Object f = fields.get(i);
                String s = f == null ? "" : f.toString();
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    s = '"' + s.replace("\"", "\"\"") + '"';
                }
                b.append(s);
            }
            b.append('\n');
            w.write(b.toString());
        }
    }
}

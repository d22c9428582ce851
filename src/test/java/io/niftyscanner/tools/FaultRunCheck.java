package io.niftyscanner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.SessionCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a recorded {@code scan --json} run against the sandbox that served it (scripts/fault-run.sh): every candle
 * the scanner printed (its last version: a repair replaces the first print) must equal the sandbox's
 * {@code /instruments/historical} candle, no bucket may be missing, and every signal's EMA and RSI must equal what ta4j
 * computes from that history. The last three buckets of the run are not checked (their repair may be pending).
 *
 * <p>Input lines are {@code <wall epoch millis> <json>}, as the script's timestamper writes them.
 * Usage: {@code FaultRunCheck --scan FILE --rest URL [--base DIR] [--speed X] [--faults-end-ms T] [--skip-last N]}.
 */
public final class FaultRunCheck {
    private static final long BUCKET = 300_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final class Printed {
        JsonNode last;
        long firstSeen;
        long repairedAt = -1;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (!a.containsKey("--scan") || !a.containsKey("--rest")) {
            System.err.println("usage: FaultRunCheck --scan FILE --rest URL [--base DIR] [--speed X] [--faults-end-ms T] [--skip-last N]");
            System.exit(2);
        }
        System.exit(new FaultRunCheck().run(Path.of(a.get("--scan")), a.get("--rest"),
                Path.of(a.getOrDefault("--base", ".")).toAbsolutePath(), Double.parseDouble(a.getOrDefault("--speed", "60")),
                Long.parseLong(a.getOrDefault("--faults-end-ms", "0")), Integer.parseInt(a.getOrDefault("--skip-last", "3"))) ? 0 : 1);
    }

    boolean run(Path scan, String restUrl, Path base, double speed, long faultsEndMillis, int skipLast) throws IOException {
        Map<Long, TreeMap<Long, Printed>> printed = new TreeMap<>();
        Map<Long, String> symbols = new HashMap<>();
        TreeMap<Long, Long> bucketFirstSeen = new TreeMap<>();
        List<JsonNode> signals = new ArrayList<>();
        long lastAwaiting = -1;
        for (String line : Files.readAllLines(scan)) {
            int space = line.indexOf(' ');
            if (space < 0 || !line.substring(space + 1).startsWith("{")) {
                continue;
            }
            long wall = Long.parseLong(line.substring(0, space));
            JsonNode n = JSON.readTree(line.substring(space + 1));
            switch (n.path("type").asText()) {
                case "candle": {
                    long token = n.path("token").asLong();
                    long start = millis(n.path("start").asText());
                    symbols.put(token, n.path("symbol").asText());
                    Printed p = printed.computeIfAbsent(token, t -> new TreeMap<>()).computeIfAbsent(start, s -> {
                        Printed q = new Printed();
                        q.firstSeen = wall;
                        return q;
                    });
                    p.last = n;
                    if (n.path("repaired").asBoolean(false)) {
                        p.repairedAt = wall;
                    } else {
                        bucketFirstSeen.merge(start, wall, Math::min);
                    }
                    break;
                }
                case "signal":
                    signals.add(n);
                    break;
                case "status":
                    if (n.has("awaiting_repair")) {
                        lastAwaiting = n.path("awaiting_repair").asLong();
                    }
                    break;
                default:
                    break;
            }
        }
        if (printed.isEmpty()) {
            System.out.println("no candles in " + scan + ": nothing to check");
            return false;
        }
        long newest = printed.values().stream().mapToLong(TreeMap::lastKey).max().orElseThrow();
        long lastChecked = newest - skipLast * BUCKET;
        LocalDate session = SessionCalendar.istDate(newest);
        ScannerConfig config = ConfigLoader.load(base, Map.of(), Map.of());
        SessionCalendar calendar = new SessionCalendar(config.holidays());
        LocalDate first = session;
        for (int i = 0; i < config.strategy().warmupDays(); i++) {
            first = calendar.previousTradingDay(first);
        }
        long windowStart = SessionCalendar.sessionOpenMillis(first);
        KiteRestClient rest = new KiteRestClient(KiteHttp.shared(), restUrl, new KiteSession("sandbox", "sandbox"));

        int checked = 0;
        int missing = 0;
        int different = 0;
        int unrepaired = 0;
        int repaired = 0;
        List<Long> repairSeconds = new ArrayList<>();
        long lastRepair = -1;
        List<String> details = new ArrayList<>();
        Map<Long, List<Candle>> history = new HashMap<>();
        for (Map.Entry<Long, TreeMap<Long, Printed>> e : printed.entrySet()) {
            long token = e.getKey();
            List<Candle> h = rest.historical(token, "5minute", Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(newest + BUCKET - 1000));
            history.put(token, h);
            long firstLive = e.getValue().firstKey();
            Map<Long, Candle> byStart = new HashMap<>();
            for (Candle c : h) {
                byStart.put(c.startMillis(), c);
            }
            for (long t = firstLive; t <= lastChecked; t += BUCKET) {
                Candle x = byStart.get(t);
                Printed p = e.getValue().get(t);
                if (x == null && p == null) {
                    continue;
                }
                checked++;
                String at = symbols.get(token) + " " + SessionCalendar.ist(t).toLocalTime();
                if (p == null) {
                    missing++;
                    details.add(at + ": missing (exchange " + describe(x) + ")");
                    continue;
                }
                String quality = p.last.path("quality").asText();
                if (quality.equals("REPAIRED")) {
                    repaired++;
                    long closedAt = bucketFirstSeen.ceilingEntry(t) != null ? bucketFirstSeen.ceilingEntry(t).getValue() : p.firstSeen;
                    repairSeconds.add(Math.max(0, p.repairedAt - Math.min(closedAt, p.firstSeen)));
                    lastRepair = Math.max(lastRepair, p.repairedAt);
                }
                if (x == null || !same(p.last, x)) {
                    different++;
                    details.add(at + ": printed " + p.last + " exchange " + (x == null ? "none" : describe(x)));
                } else if (quality.equals("GAPPED") || quality.equals("PARTIAL")) {
                    unrepaired++;
                    details.add(at + ": still " + quality + " (values happen to match)");
                }
            }
        }
        int wrong = missing + different + unrepaired;
        int signalsWrong = 0;
        for (JsonNode s : signals) {
            long token = s.path("token").asLong();
            long start = millis(s.path("candle_start").asText());
            List<Candle> h = history.containsKey(token) ? history.get(token)
                    : rest.historical(token, "5minute", Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(newest + BUCKET - 1000));
            List<Candle> series = new ArrayList<>();
            for (Candle c : h) {
                if (c.startMillis() <= start) {
                    series.add(c);
                }
            }
            Ta4jReference.Values v = Ta4jReference.at(series, config.strategy().emaFast(), config.strategy().emaSlow(),
                    config.strategy().rsiPeriod());
            boolean ok = close(s.path("ema_fast").asDouble(), v.emaFast()) && close(s.path("ema_slow").asDouble(), v.emaSlow())
                    && close(s.path("rsi").asDouble(), v.rsi());
            if (!ok) {
                signalsWrong++;
                details.add(String.format(Locale.ROOT, "signal %s %s %s: EMA %.4f/%.4f RSI %.4f, history gives EMA %.4f/%.4f RSI %.4f",
                        s.path("symbol").asText(), s.path("side").asText(), s.path("candle_start").asText(), s.path("ema_fast").asDouble(),
                        s.path("ema_slow").asDouble(), s.path("rsi").asDouble(), v.emaFast(), v.emaSlow(), v.rsi()));
            }
        }
        Collections.sort(repairSeconds);
        System.out.printf(Locale.ROOT, "instruments: %d, buckets %s .. %s IST (the last " + skipLast + ", up to %s, not checked)%n", printed.size(),
                SessionCalendar.ist(printed.values().stream().mapToLong(TreeMap::firstKey).min().orElseThrow()).toLocalTime(),
                SessionCalendar.ist(lastChecked).toLocalTime(), SessionCalendar.ist(newest).toLocalTime());
        System.out.printf(Locale.ROOT, "candles checked: %d%n", checked);
        System.out.printf(Locale.ROOT, "candles wrong: %d (missing %d, values differ %d, still marked %d)%n", wrong, missing, different, unrepaired);
        System.out.printf(Locale.ROOT, "candles repaired: %d%n", repaired);
        if (!repairSeconds.isEmpty()) {
            double median = repairSeconds.get(repairSeconds.size() / 2) / 1000.0;
            double max = repairSeconds.get(repairSeconds.size() - 1) / 1000.0;
            System.out.printf(Locale.ROOT, "time to repair (bucket closed -> exchange candle in place): median %.1f s, max %.1f s wall"
                    + " (%.0f / %.0f market minutes at speed %s)%n", median, max, median * speed / 60, max * speed / 60, speed);
            if (faultsEndMillis > 0 && lastRepair > 0) {
                System.out.printf(Locale.ROOT, "last repair landed %.1f s after the last fault ended%n", (lastRepair - faultsEndMillis) / 1000.0);
            }
        } else {
            System.out.println("time to repair: no repaired candles");
        }
        if (lastAwaiting >= 0) {
            System.out.println("candles awaiting repair at the last status line: " + lastAwaiting);
        }
        System.out.printf(Locale.ROOT, "signals checked: %d, wrong: %d%n", signals.size(), signalsWrong);
        for (int i = 0; i < Math.min(25, details.size()); i++) {
            System.out.println("  " + details.get(i));
        }
        if (details.size() > 25) {
            System.out.println("  ... and " + (details.size() - 25) + " more");
        }
        return wrong == 0 && signalsWrong == 0;
    }

    private static long millis(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    private static boolean same(JsonNode p, Candle x) {
        return close(p.path("open").asDouble(), x.openPrice()) && close(p.path("high").asDouble(), x.highPrice())
                && close(p.path("low").asDouble(), x.lowPrice()) && close(p.path("close").asDouble(), x.closePrice())
                && p.path("volume").asLong() == x.volume();
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }

    private static String describe(Candle c) {
        return String.format(Locale.ROOT, "O %.2f H %.2f L %.2f C %.2f V %d", c.openPrice(), c.highPrice(), c.lowPrice(), c.closePrice(),
                c.volume());
    }
}

package io.niftyscanner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.niftyscanner.sandbox.LoadTicker;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * End-to-end benchmarks: a {@link LoadTicker} in this JVM streams full-mode frames over loopback to the app's own
 * path in a second JVM ({@link E2eConsumer}, started with this JVM's memory and collector options, i.e. the
 * launcher's), which reports what it measured about itself. {@code e2e-max} then runs javakiteconnect's ticker
 * ({@link PeerIngest}) against the same sender, in a third JVM with the same options.
 */
public final class E2eBench {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Market day of the benchmarks' session (a Wednesday); history comes from the session before. */
    static final LocalDate SESSION = LocalDate.of(2026, 11, 25);
    /** Closed candles loaded per instrument before streaming, as the warm-up would (the strategy needs 30). */
    static final int HISTORY_CANDLES = 60;
    private static final int TOKENS_PER_SOCKET = 3000;

    /**
     * One scenario.
     *
     * @param ticksPerSecond per instrument; 0 = flat out
     * @param marketSpeed    market time per wall time: candles close every 300/speed seconds
     * @param withPeer       also run javakiteconnect's ticker against the same sender
     */
    public record Scenario(String name, int instruments, double ticksPerSecond, int frameMillis, double marketSpeed,
                           double warmupSeconds, double measureSeconds, boolean withPeer) {
        public int sockets() {
            return (instruments + TOKENS_PER_SOCKET - 1) / TOKENS_PER_SOCKET;
        }

        Scenario timed(double warmup, double measure) {
            return new Scenario(name, instruments, ticksPerSecond, frameMillis, marketSpeed, warmup, measure, withPeer);
        }

        Scenario atSpeed(double speed) {
            return new Scenario(name, instruments, ticksPerSecond, frameMillis, speed, warmupSeconds, measureSeconds, withPeer);
        }
    }

    private E2eBench() {}

    /**
     * The three scenarios of issue 12: the NIFTY 50 at real rates (2 ticks a second each), 9,000 instruments over three
     * sockets of 3,000 (Kite's per-key maximum), and the NIFTY 50 flat out beside the peer.
     *
     * @param measureSeconds overrides the measured seconds (warm-up becomes a third of it, at least 1 s); null = defaults
     * @param speed          overrides the market speed; null = defaults
     */
    public static List<Scenario> scenarios(boolean quick, Double measureSeconds, Double speed) {
        List<Scenario> list = new ArrayList<>(List.of(
                new Scenario("e2e-nifty50", 50, 2, 50, 60, quick ? 4 : 10, quick ? 15 : 60, false),
                new Scenario("e2e-9000", 9000, 2, 50, 30, quick ? 6 : 15, quick ? 20 : 60, false),
                new Scenario("e2e-max", 50, 0, 1, 60, quick ? 4 : 10, quick ? 10 : 30, true)));
        for (int i = 0; i < list.size(); i++) {
            Scenario s = list.get(i);
            if (measureSeconds != null) {
                s = s.timed(Math.max(1, measureSeconds / 3), measureSeconds);
            }
            if (speed != null) {
                s = s.atSpeed(speed);
            }
            list.set(i, s);
        }
        return list;
    }

    /** Runs one scenario (and its peer) and returns its {@code {"type":"bench"}} line. */
    public static ObjectNode run(Scenario s, PrintStream progress) throws IOException, InterruptedException {
        progress.printf(Locale.ROOT, "%s: %,d instruments on %d socket(s), %s, market x%.0f, warm-up %.0f s, measuring %.0f s%n",
                s.name(), s.instruments(), s.sockets(), s.ticksPerSecond() == 0 ? "flat out" : s.ticksPerSecond() + " ticks/s each",
                s.marketSpeed(), s.warmupSeconds(), s.measureSeconds());
        long start = PricePath.sessionStart(SESSION);
        LoadTicker.Pace pace = new LoadTicker.Pace(s.ticksPerSecond(), s.frameMillis(), s.marketSpeed(), start);
        Map<String, Object> ours;
        LoadTicker.Stats sent;
        try (LoadTicker sender = LoadTicker.start(new PricePath(s.instruments()))) {
            ours = child(s, sender, pace, E2eConsumer.class, "ws=" + sender.url(), "instruments=" + s.instruments(),
                    "start=" + start, "history=" + HISTORY_CANDLES, "warmup=" + s.warmupSeconds(), "measure=" + s.measureSeconds());
            sent = sender.stats();
        }
        Map<String, Object> peer = null;
        if (s.withPeer()) {
            progress.printf(Locale.ROOT, "%s: javakiteconnect %s against the same sender%n", s.name(), PeerClient.VERSION);
            try (LoadTicker sender = LoadTicker.start(new PricePath(s.instruments()))) {
                peer = child(s, sender, pace, PeerIngest.class, "ws=" + sender.url(), "instruments=" + s.instruments(),
                        "lib=" + PeerClient.defaultLib().toAbsolutePath(), "warmup=" + s.warmupSeconds(),
                        "measure=" + s.measureSeconds());
            }
        }
        return line(s, ours, peer, sent);
    }

    static ObjectNode line(Scenario s, Map<String, Object> ours, Map<String, Object> peer, LoadTicker.Stats sent) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "bench");
        n.put("scenario", s.name());
        n.put("ticks_per_s", Math.round(number(ours, "ticks_per_s")));
        putMicros(n, "p50_us", ours.get("p50_us"));
        putMicros(n, "p99_us", ours.get("p99_us"));
        putMicros(n, "max_us", ours.get("max_us"));
        n.put("cpu_pct", round1(number(ours, "cpu_pct")));
        n.put("rss_mb", Math.round(number(ours, "rss_mb")));
        if (peer == null) {
            n.putNull("peer_ticks_per_s");
            n.putNull("ratio");
        } else {
            double peerRate = number(peer, "ticks_per_s");
            n.put("peer_ticks_per_s", Math.round(peerRate));
            n.put("ratio", peerRate > 0 ? Math.round(number(ours, "ticks_per_s") / peerRate * 100) / 100.0 : 0);
            n.put("peer", "javakiteconnect " + PeerClient.VERSION + " KiteTicker");
            n.put("peer_cpu_pct", round1(number(peer, "cpu_pct")));
            n.put("peer_rss_mb", Math.round(number(peer, "rss_mb")));
        }
        putMicros(n, "signal_p50_us", ours.get("signal_p50_us"));
        putMicros(n, "signal_p99_us", ours.get("signal_p99_us"));
        putMicros(n, "signal_max_us", ours.get("signal_max_us"));
        n.put("signals", ((Number) ours.get("signals")).longValue());
        n.put("candles", ((Number) ours.get("candles")).longValue());
        n.put("instruments", s.instruments());
        n.put("sockets", s.sockets());
        n.put("rate_per_instrument", s.ticksPerSecond() == 0 ? "max" : String.valueOf(s.ticksPerSecond()));
        n.put("market_speed", s.marketSpeed());
        n.put("seconds", round1(number(ours, "seconds")));
        n.put("rss_peak_mb", Math.round(number(ours, "rss_peak_mb")));
        n.put("heap_used_mb", Math.round(number(ours, "heap_used_mb")));
        n.put("gc_count", ((Number) ours.get("gc_count")).longValue());
        n.put("gc_ms", ((Number) ours.get("gc_ms")).longValue());
        n.put("dropped_items", ((Number) ours.get("dropped_items")).longValue());
        n.put("gaps", ((Number) ours.get("gaps")).longValue());
        n.put("queue_peak", ((Number) ours.get("queue_peak")).longValue());
        n.put("late_frames", sent.lateFrames());
        n.put("jvm", String.join(" ", appJvmOptions()));
        return n;
    }

    private static Map<String, Object> child(Scenario s, LoadTicker sender, LoadTicker.Pace pace, Class<?> main, String... args)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("nifty-bench-" + s.name() + "-", ".log");
        Path logDir = Files.createTempDirectory("nifty-bench-logs");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(appJvmOptions());
        command.add("-Dscanner.log.dir=" + logDir);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try {
            sender.awaitSubscriptions(s.sockets(), s.instruments(), 120_000);
            sender.stream(pace);
            long limit = Math.round((s.warmupSeconds() + s.measureSeconds()) * 1000) + 300_000;
            java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (!p.waitFor(limit, TimeUnit.MILLISECONDS)) {
                throw new IOException(main.getSimpleName() + " did not finish within " + limit / 1000 + " s; its log: " + log);
            }
            String text = new String(out.join(), StandardCharsets.UTF_8).trim();
            String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
            if (p.exitValue() != 0 || !last.startsWith("{")) {
                throw new IOException(main.getSimpleName() + " failed (exit " + p.exitValue() + "): " + tail(log));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = JSON.readValue(last, LinkedHashMap.class);
            Files.deleteIfExists(log);
            return result;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(main.getSimpleName() + " did not subscribe: " + e.getMessage() + "; its log: " + tail(log), e);
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /**
     * The memory, collector and class-sharing options this JVM was started with (the launcher's), for the measured
     * JVMs; JavaFX module options, system properties, agents and recordings are left out.
     */
    static List<String> appJvmOptions() {
        List<String> out = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean memory = arg.startsWith("-Xm") || arg.startsWith("-Xss") || arg.startsWith("-Xshare");
            boolean vm = arg.startsWith("-XX:") && !arg.contains("FlightRecord") && !arg.contains("ArchiveClassesAtExit");
            if (memory || vm) {
                out.add(arg);
            }
        }
        return out;
    }

    static Map<String, String> keyValues(String[] args) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected key=value, got '" + a + "'");
            }
            map.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return map;
    }

    /** p50, p99 and max of a histogram of nanoseconds, as microseconds (null when it is empty). */
    static void putLatencies(Map<String, Object> into, String prefix, Histogram h) {
        boolean empty = h.getTotalCount() == 0;
        into.put(prefix + "p50_us", empty ? null : h.getValueAtPercentile(50) / 1000.0);
        into.put(prefix + "p99_us", empty ? null : h.getValueAtPercentile(99) / 1000.0);
        into.put(prefix + "max_us", empty ? null : h.getMaxValue() / 1000.0);
    }

    private static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private static void putMicros(ObjectNode n, String field, Object value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, round1(((Number) value).doubleValue()));
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

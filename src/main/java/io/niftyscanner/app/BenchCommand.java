package io.niftyscanner.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.niftyscanner.bench.E2eBench;
import io.niftyscanner.bench.PeerClient;
import io.niftyscanner.bench.RssProfiler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * {@code ./scanner bench [--json] [--quick] [--include REGEX] [--forks N] [--seconds N] [--speed X]}: the JMH
 * benchmarks in {@code io.niftyscanner.bench} (run in-process through JMH's Runner; by default each in one forked JVM
 * with 2 warm-up and 3 measurement iterations of 2 s, {@code --quick}: 1 + 2 iterations of 1 s without forking), the
 * decoder beside javakiteconnect's parser ({@code decoder-full}), then the end-to-end scenarios ({@code e2e-nifty50},
 * {@code e2e-9000}, {@code e2e-max} beside javakiteconnect's ticker; see {@link E2eBench}). {@code --include} selects
 * by JMH benchmark name or scenario name; {@code --seconds} and {@code --speed} set the end-to-end measuring time and
 * market speed. Human progress goes to stderr; results go to stdout as a table or, with {@code --json}, one
 * {@code {"type":"bench",...}} line per scenario (design.md 5), every line with every field (null where a scenario
 * does not measure it).
 */
public final class BenchCommand implements Command {
    private static final String DEFAULT_INCLUDE = "io\\.niftyscanner\\.bench\\..*";
    private static final String DECODER_FULL = "decoder-full";
    private static final String OURS_FULL = "TickDecoderBenchmark fullPackets";
    private static final String PEER_FULL = "TickDecoderBenchmark peerFullPackets";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        boolean json = false;
        boolean quick = false;
        String include = null;
        Integer forks = null;
        Double seconds = null;
        Double speed = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json":
                    json = true;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--include":
                    include = value(args, ++i, "--include", "a regular expression over benchmark and scenario names, e.g. EngineBenchmark or e2e-9000");
                    break;
                case "--forks":
                    forks = forks(value(args, ++i, "--forks", "0 (in this JVM) or a small number of forked JVMs"));
                    break;
                case "--seconds":
                    seconds = positive(value(args, ++i, "--seconds", "how many seconds each end-to-end scenario measures"), "--seconds", 1, 3600);
                    break;
                case "--speed":
                    speed = positive(value(args, ++i, "--speed", "market seconds per wall second in the end-to-end scenarios, e.g. 60"), "--speed", 1, 3000);
                    break;
                default:
                    throw new UsageException("unknown option '" + a + "'; usage: bench [--json] [--quick] [--include REGEX] [--forks N]"
                            + " [--seconds N] [--speed X]");
            }
        }
        Pattern selected;
        try {
            selected = Pattern.compile(include == null ? ".*" : include);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--include '" + include + "' is not a regular expression: " + e.getDescription());
        }
        List<E2eBench.Scenario> e2e = new ArrayList<>();
        for (E2eBench.Scenario s : E2eBench.scenarios(quick, seconds, speed)) {
            if (selected.matcher(s.name()).find()) {
                e2e.add(s);
            }
        }
        boolean decoderFull = include == null || selected.matcher(DECODER_FULL).find();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include == null ? DEFAULT_INCLUDE : include)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 3)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .forks(forks != null ? forks : quick ? 0 : 1)
                .jvmArgs("-Xmx1g", "-D" + PeerClient.LIB_PROPERTY + "=" + PeerClient.defaultLib().toAbsolutePath())
                .addProfiler(RssProfiler.class)
                .shouldFailOnError(true);
        if (include != null && decoderFull) {
            options.include("TickDecoderBenchmark\\.(fullPackets|peerFullPackets)$");
        }
        if (quick && (forks == null || forks == 0)) {
            System.setProperty(PeerClient.LIB_PROPERTY, PeerClient.defaultLib().toAbsolutePath().toString());
        }
        Runner runner = new Runner(options.build(), OutputFormatFactory.createFormatInstance(ctx.err(),
                json ? VerboseMode.SILENT : VerboseMode.NORMAL));
        Collection<RunResult> results;
        try {
            results = runner.run();
        } catch (org.openjdk.jmh.runner.NoBenchmarksException e) {
            results = List.of();
        }
        if (results.isEmpty() && e2e.isEmpty()) {
            ctx.err().println("bench: no benchmark matched '" + include + "'; the benchmarks live in io.niftyscanner.bench"
                    + " (e.g. --include EngineBenchmark) and the end-to-end scenarios are e2e-nifty50, e2e-9000 and e2e-max");
            return Cli.EXIT_FAILURE;
        }
        List<ObjectNode> rows = new ArrayList<>();
        Map<String, Scenario> scenarios = jmhScenarios(results);
        for (Scenario s : scenarios.values()) {
            rows.add(s.json());
        }
        if (decoderFull && scenarios.containsKey(OURS_FULL) && scenarios.containsKey(PEER_FULL)) {
            rows.add(decoderFull(scenarios.get(OURS_FULL), scenarios.get(PEER_FULL)));
        }
        for (ObjectNode row : rows) {
            print(ctx, json, row);
        }
        for (E2eBench.Scenario s : e2e) {
            print(ctx, json, E2eBench.run(s, ctx.err()));
        }
        return Cli.EXIT_OK;
    }

    private static void print(CliContext ctx, boolean json, ObjectNode row) throws java.io.IOException {
        ctx.out().println(json ? JSON.writeValueAsString(row) : text(row));
        ctx.out().flush();
    }

    private static Map<String, Scenario> jmhScenarios(Collection<RunResult> results) {
        Map<String, Scenario> scenarios = new TreeMap<>();
        Map<String, Long> throughputMethods = new TreeMap<>();
        for (RunResult r : results) {
            if (r.getPrimaryResult().getScoreUnit().startsWith("ops/")) {
                throughputMethods.merge(scenarioName(r.getParams()), 1L, Long::sum);
            }
        }
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String scenario = scenarioName(p);
            if (throughputMethods.getOrDefault(scenario, 0L) > 1) {
                // several throughput methods under one class and parameters are separate scenarios
                scenario = scenario + " " + p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.') + 1);
            }
            scenarios.computeIfAbsent(scenario, Scenario::new).add(r);
        }
        return scenarios;
    }

    /** Our decoder and javakiteconnect's parser on the same 50-packet full-mode frame. */
    static ObjectNode decoderFull(Scenario ours, Scenario peer) {
        ObjectNode n = ours.json();
        n.put("scenario", DECODER_FULL);
        n.put("peer_ticks_per_s", Math.round(peer.ticksPerSecond));
        n.put("ratio", Math.round(ours.ticksPerSecond / peer.ticksPerSecond * 100) / 100.0);
        n.put("peer", "javakiteconnect " + PeerClient.VERSION + " KiteTicker.parseBinary");
        n.put("benchmarks", ours.benchmarks.keySet().iterator().next() + "," + peer.benchmarks.keySet().iterator().next());
        return n;
    }

    /** One row of the table that {@code bench} prints without {@code --json}. */
    static String text(ObjectNode n) {
        return String.format(Locale.ROOT, "%-34s %13s ticks/s  p50 %9s us  p99 %9s us  max %10s us  cpu %6s %%  rss %5s MB  peer %11s  ratio %6s",
                n.path("scenario").asText(), fmt(n, "ticks_per_s", "%,.0f"), fmt(n, "p50_us", "%.3f"), fmt(n, "p99_us", "%.3f"),
                fmt(n, "max_us", "%.1f"), fmt(n, "cpu_pct", "%.1f"), fmt(n, "rss_mb", "%.0f"), fmt(n, "peer_ticks_per_s", "%,.0f"),
                fmt(n, "ratio", "%.2f"))
                + (n.has("signal_p99_us") ? String.format(Locale.ROOT, "  signal p50 %s us p99 %s us max %s us (%d signals)",
                fmt(n, "signal_p50_us", "%.1f"), fmt(n, "signal_p99_us", "%.1f"), fmt(n, "signal_max_us", "%.1f"),
                n.path("signals").asLong()) : "");
    }

    private static String fmt(ObjectNode n, String field, String format) {
        com.fasterxml.jackson.databind.JsonNode v = n.get(field);
        return v == null || v.isNull() ? "-" : String.format(Locale.ROOT, format, v.asDouble());
    }

    private static double positive(String text, String option, double min, double max) {
        try {
            double v = Double.parseDouble(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " takes a number from " + (long) min + " to " + (long) max + ", not '" + text + "'");
    }

    private static String value(List<String> args, int i, String option, String expected) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value: " + expected);
        }
        return args.get(i);
    }

    private static int forks(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= 5) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--forks takes a whole number from 0 to 5, not '" + text + "'");
    }

    /** "EngineBenchmark instruments=50": the class and its parameters; the method decides the measurement. */
    static String scenarioName(BenchmarkParams p) {
        String benchmark = p.getBenchmark();
        String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
        StringBuilder name = new StringBuilder(cls.substring(cls.lastIndexOf('.') + 1));
        for (String key : p.getParamsKeys()) {
            name.append(' ').append(key).append('=').append(p.getParam(key));
        }
        return name.toString();
    }

    /** Converts a JMH score to operations per second ("ops/ms") or to microseconds per operation ("ns/op"). */
    static double perSecond(double score, String unit) {
        return score / seconds(unit.substring(unit.indexOf('/') + 1));
    }

    static double micros(double score, String unit) {
        return score * seconds(unit.substring(0, unit.indexOf('/'))) * 1e6;
    }

    private static double seconds(String unit) {
        switch (unit) {
            case "ns": return 1e-9;
            case "us": return 1e-6;
            case "ms": return 1e-3;
            case "s": return 1;
            case "min": return 60;
            default: throw new IllegalArgumentException("unknown time unit " + unit);
        }
    }

    /** The measurements of one scenario: throughput from Throughput runs, percentiles from SampleTime runs. */
    private static final class Scenario {
        final String name;
        Double ticksPerSecond;
        Double p50;
        Double p99;
        Double max;
        Double rss;
        final Map<String, String> benchmarks = new LinkedHashMap<>();

        Scenario(String name) {
            this.name = name;
        }

        void add(RunResult r) {
            Result<?> primary = r.getPrimaryResult();
            String unit = primary.getScoreUnit();
            String mode = r.getParams().getMode().shortLabel();
            benchmarks.put(r.getParams().getBenchmark(), mode);
            if (unit.startsWith("ops/")) {
                ticksPerSecond = perSecond(primary.getScore(), unit);
            } else if (unit.endsWith("/op")) {
                Statistics st = primary.getStatistics();
                if (r.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime) {
                    p50 = micros(st.getPercentile(50.0), unit);
                    p99 = micros(st.getPercentile(99.0), unit);
                    max = micros(st.getMax(), unit);
                } else if (p50 == null) {
                    p50 = micros(primary.getScore(), unit);
                }
            }
            Result<?> memory = r.getSecondaryResults().get(RssProfiler.LABEL);
            if (memory != null) {
                rss = rss == null ? memory.getScore() : Math.max(rss, memory.getScore());
            }
        }

        ObjectNode json() {
            ObjectNode n = JSON.createObjectNode();
            n.put("type", "bench");
            n.put("scenario", name);
            putWhole(n, "ticks_per_s", ticksPerSecond);
            put(n, "p50_us", p50);
            put(n, "p99_us", p99);
            put(n, "max_us", max);
            n.putNull("cpu_pct");
            putWhole(n, "rss_mb", rss);
            n.putNull("peer_ticks_per_s");
            n.putNull("ratio");
            n.put("benchmarks", String.join(",", benchmarks.keySet()));
            return n;
        }

        private static void putWhole(ObjectNode n, String field, Double value) {
            if (value == null) {
                n.putNull(field);
            } else {
                n.put(field, Math.round(value));
            }
        }

        private static void put(ObjectNode n, String field, Double value) {
            if (value == null) {
                n.putNull(field);
            } else {
                n.put(field, Math.round(value * 1000) / 1000.0);
            }
        }
    }
}

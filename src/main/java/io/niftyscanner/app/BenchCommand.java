package io.niftyscanner.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.niftyscanner.bench.RssProfiler;
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
 * {@code ./scanner bench [--json] [--quick] [--include REGEX] [--forks N]}: runs every JMH benchmark in
 * {@code io.niftyscanner.bench} in-process through JMH's Runner. By default each benchmark runs in one forked JVM
 * (same class path) with 2 warm-up and 3 measurement iterations of 2 s; {@code --quick} runs 1 + 2 iterations of 1 s
 * without forking. Human progress goes to stderr; results go to stdout as a table or, with {@code --json},
 * one {@code {"type":"bench",...}} line per scenario (design.md 5).
 */
public final class BenchCommand implements Command {
    private static final String DEFAULT_INCLUDE = "io\\.niftyscanner\\.bench\\..*";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        boolean json = false;
        boolean quick = false;
        String include = DEFAULT_INCLUDE;
        Integer forks = null;
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
                    include = value(args, ++i, "--include", "a regular expression over benchmark names, e.g. EngineBenchmark");
                    break;
                case "--forks":
                    forks = forks(value(args, ++i, "--forks", "0 (in this JVM) or a small number of forked JVMs"));
                    break;
                default:
                    throw new UsageException("unknown option '" + a + "'; usage: bench [--json] [--quick] [--include REGEX] [--forks N]");
            }
        }
        try {
            Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--include '" + include + "' is not a regular expression: " + e.getDescription());
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 3)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .forks(forks != null ? forks : quick ? 0 : 1)
                .jvmArgs("-Xms1g", "-Xmx3g")
                .addProfiler(RssProfiler.class)
                .shouldFailOnError(true);
        Runner runner = new Runner(options.build(), OutputFormatFactory.createFormatInstance(ctx.err(),
                json ? VerboseMode.SILENT : VerboseMode.NORMAL));
        Collection<RunResult> results;
        try {
            results = runner.run();
        } catch (org.openjdk.jmh.runner.NoBenchmarksException e) {
            results = List.of();
        }
        if (results.isEmpty()) {
            ctx.err().println("bench: no benchmark matched '" + include + "'; the benchmarks live in io.niftyscanner.bench"
                    + " (e.g. --include EngineBenchmark)");
            return Cli.EXIT_FAILURE;
        }
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
        for (Scenario s : scenarios.values()) {
            ctx.out().println(json ? JSON.writeValueAsString(s.json()) : s.text());
        }
        return Cli.EXIT_OK;
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
            putWhole(n, "rss_mb", rss);
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

        String text() {
            return String.format(Locale.ROOT, "%-32s %14s ticks/s   p50 %8s us   p99 %8s us   max %10s us   rss %6s MB", name,
                    fmt(ticksPerSecond, "%,.0f"), fmt(p50, "%.3f"), fmt(p99, "%.3f"), fmt(max, "%.1f"), fmt(rss, "%.0f"));
        }

        private static String fmt(Double v, String format) {
            return v == null ? "-" : String.format(Locale.ROOT, format, v);
        }
    }
}

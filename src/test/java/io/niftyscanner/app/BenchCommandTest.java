package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private static int bench(String... args) throws Exception {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new BenchCommand().run(Arrays.asList(args), new CliContext(sink, sink, Path.of("."), Map.of()));
    }

    @Test
    void jmhUnitsConvertToTicksPerSecondAndMicroseconds() {
        assertThat(BenchCommand.perSecond(2_000, "ops/ms")).isCloseTo(2_000_000, within(1e-6));
        assertThat(BenchCommand.perSecond(5, "ops/us")).isCloseTo(5_000_000, within(1e-6));
        assertThat(BenchCommand.perSecond(7, "ops/s")).isEqualTo(7);
        assertThat(BenchCommand.micros(250, "ns/op")).isCloseTo(0.25, within(1e-12));
        assertThat(BenchCommand.micros(3, "ms/op")).isCloseTo(3000, within(1e-9));
        assertThat(BenchCommand.micros(1.5, "us/op")).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThatThrownBy(() -> bench("--forks", "many")).isInstanceOf(UsageException.class).hasMessageContaining("'many'");
        assertThatThrownBy(() -> bench("--include", "(")).isInstanceOf(UsageException.class)
                .hasMessageContaining("not a regular expression");
        assertThatThrownBy(() -> bench("--fast")).isInstanceOf(UsageException.class).hasMessageContaining("--fast");
        assertThatThrownBy(() -> bench("--include")).isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> bench("--seconds", "0")).isInstanceOf(UsageException.class).hasMessageContaining("'0'");
        assertThatThrownBy(() -> bench("--speed", "fast")).isInstanceOf(UsageException.class).hasMessageContaining("'fast'");
    }

    private static JsonNode benchLine(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int code = new BenchCommand().run(Arrays.asList(args),
                new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), err, Path.of("."), Map.of()));
        assertThat(code).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
        assertThat(lines).hasSize(1);
        return new ObjectMapper().readTree(lines[0]);
    }

    private static final List<String> DESIGN_FIELDS = List.of("type", "scenario", "ticks_per_s", "p50_us", "p99_us", "max_us",
            "cpu_pct", "rss_mb", "peer_ticks_per_s", "ratio");

    @Test
    void anEndToEndScenarioMeasuresTicksAndSignalsThroughTheAppsOwnPath() throws Exception {
        // market time at 600x: a 5-minute candle closes every half second, so a few seconds hold many signals
        JsonNode line = benchLine("--json", "--include", "e2e-nifty50", "--seconds", "5", "--speed", "600");
        assertThat(DESIGN_FIELDS).allSatisfy(f -> assertThat(line.has(f)).as(f).isTrue());
        assertThat(line.get("type").asText()).isEqualTo("bench");
        assertThat(line.get("scenario").asText()).isEqualTo("e2e-nifty50");
        assertThat(line.get("ticks_per_s").asLong()).isPositive();
        assertThat(line.get("p99_us").asDouble()).isPositive().isGreaterThanOrEqualTo(line.get("p50_us").asDouble());
        assertThat(line.get("max_us").asDouble()).isGreaterThanOrEqualTo(line.get("p99_us").asDouble());
        assertThat(line.get("cpu_pct").asDouble()).isPositive();
        assertThat(line.get("rss_mb").asLong()).isPositive();
        assertThat(line.get("peer_ticks_per_s").isNull()).isTrue();
        assertThat(line.get("ratio").isNull()).isTrue();
        assertThat(line.get("signals").asLong()).as("signals measured").isPositive();
        assertThat(line.get("signal_p99_us").asDouble()).isPositive();
        assertThat(line.get("candles").asLong()).isPositive();
        assertThat(line.get("instruments").asInt()).isEqualTo(50);
        assertThat(line.get("gaps").asLong()).as("no data was missed").isZero();
        assertThat(line.get("dropped_items").asLong()).isZero();
    }

    @Test
    void theMaxScenarioRunsThePeerAgainstTheSameSender() throws Exception {
        JsonNode line = benchLine("--json", "--include", "e2e-max", "--seconds", "2");
        assertThat(DESIGN_FIELDS).allSatisfy(f -> assertThat(line.has(f)).as(f).isTrue());
        assertThat(line.get("ticks_per_s").asLong()).isPositive();
        assertThat(line.get("peer_ticks_per_s").asLong()).as("javakiteconnect received ticks").isPositive();
        assertThat(line.get("ratio").asDouble()).isCloseTo(
                line.get("ticks_per_s").asDouble() / line.get("peer_ticks_per_s").asDouble(), within(0.01));
        assertThat(line.get("peer").asText()).contains("javakiteconnect 3.5.1");
    }

    @Test
    void anIncludeThatMatchesNothingSaysSo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int code = new BenchCommand().run(Arrays.asList("--quick", "--include", "NoSuchBenchmarkAnywhere"),
                new CliContext(out, new PrintStream(err, true, StandardCharsets.UTF_8), Path.of("."), Map.of()));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no benchmark matched 'NoSuchBenchmarkAnywhere'");
    }
}

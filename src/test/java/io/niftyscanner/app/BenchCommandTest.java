package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
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

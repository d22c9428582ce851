package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./scanner sandbox} as a command: URLs on stdout once listening, help on stderr, stops when interrupted. */
class SandboxCommandTest {
    @TempDir
    Path dir;

    private static final class Buffer extends ByteArrayOutputStream {
        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void printsBothUrlsServesAndStopsOnInterrupt() throws Exception {
        Buffer out = new Buffer();
        Buffer err = new Buffer();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir, Map.of());
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(Cli.run(new String[] {"sandbox", "--rest-port", "0", "--ws-port", "0",
            "--speed", "60", "--seed", "7", "--start", "09:20"}, ctx)));
        t.start();
        long end = System.nanoTime() + 20_000_000_000L;
        while (!out.text().contains("ws=") && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        List<String> lines = out.text().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("rest=http://127\\.0\\.0\\.1:\\d+");
        assertThat(lines.get(1)).matches("ws=ws://127\\.0\\.0\\.1:\\d+");
        assertThat(err.text()).contains("KITE_REST_URL=").contains("KITE_WS_URL=").contains("api_key=sandbox");

        String rest = lines.get(0).substring("rest=".length());
        HttpResponse<String> stats = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(rest + "/__sandbox/stats")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body()).contains("\"seed\":7").contains("09:2");

        t.interrupt();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(exit.get()).isEqualTo(Cli.EXIT_OK);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rest + "/__sandbox/stats"))
                .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void badArgumentsAreExplained() {
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
                dir, Map.of());
        assertThatThrownBy(() -> SandboxCommand.options(List.of("--speed", "0"), ctx)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--speed");
        assertThatThrownBy(() -> SandboxCommand.options(List.of("--rest-port", "70000"), ctx)).hasMessageContaining("0-65535");
        assertThatThrownBy(() -> SandboxCommand.options(List.of("--start", "9h"), ctx)).hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> SandboxCommand.options(List.of("--seed"), ctx)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SandboxCommand.options(List.of("--bogus"), ctx)).hasMessageContaining("unknown option");
        assertThat(SandboxCommand.options(List.of("--start", "9:15", "--speed", "5"), ctx).start()).hasToString("09:15");
    }
}

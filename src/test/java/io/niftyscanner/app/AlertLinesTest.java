package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.niftyscanner.config.InstrumentTokensFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --headless --json} on the embedded sandbox: every committed signal is followed by one alert line naming
 * its channels, and the webhook channel (a real HTTP server on 127.0.0.1) receives each alert.
 */
class AlertLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer webhook;
    private final List<JsonNode> posted = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void webhook() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/", ex -> {
            paths.add(ex.getRequestURI().getRawPath());
            posted.add(JSON.readTree(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        webhook.start();
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
    }

    @Test
    void everySignalIsFollowedByItsAlertLineAndReachesTheWebhook() throws Exception {
        InstrumentTokensFile.save(dir.resolve("instrument_tokens.json"), SandboxRig.INSTRUMENTS, OffsetDateTime.now());
        Files.createDirectories(dir.resolve("config"));
        // every EMA crossover is a signal, so a short run has several; only the webhook alerts, so the channels are known
        Files.writeString(dir.resolve("config/scanner.properties"), String.join("\n", "holidays =", "strategy.warmup.days = 2",
                "strategy.rsi.buy.min = 0", "strategy.rsi.buy.max = 100", "strategy.rsi.sell.min = 0", "strategy.rsi.sell.max = 100",
                "alerts.sound = false", "alerts.notification = false",
                "alerts.webhook.url = http://127.0.0.1:" + webhook.getAddress().getPort() + "/hooks/scanner", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir, Map.of());
        int code = Cli.run(new String[] {"scan", "--headless", "--json", "--duration", "15", "--sandbox-speed", "300",
                "--sandbox-start", "10:00"}, ctx);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        List<JsonNode> signals = lines.stream().filter(n -> n.get("type").asText().equals("signal")).toList();
        List<JsonNode> alerts = lines.stream().filter(n -> n.get("type").asText().equals("alert")).toList();
        assertThat(signals).as("signals in 15 s of a 300x market with every crossover a signal").isNotEmpty();
        assertThat(alerts).hasSameSizeAs(signals);
        for (JsonNode a : alerts) {
            int at = lines.indexOf(a) - 1;
            while (List.of("status", "error").contains(lines.get(at).get("type").asText())) {
                at--; // printed by the supervisor's thread, which may come between
            }
            JsonNode before = lines.get(at);
            assertThat(before.get("type").asText()).as("the journal writer's line before an alert is its signal").isEqualTo("signal");
            assertThat(a.get("symbol").asText()).isEqualTo(before.get("symbol").asText());
            assertThat(a.get("side").asText()).isEqualTo(before.get("side").asText());
            assertThat(a.get("signal_time").asText()).isEqualTo(before.get("time").asText());
            assertThat(a.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+05:30");
            assertThat(a.get("channels")).hasSize(1);
            assertThat(a.get("channels").get(0).asText()).isEqualTo("webhook");
        }
        // the runtime closed before the command returned, giving the webhook its grace to finish
        assertThat(posted).extracting(n -> n.get("symbol").asText() + " " + n.get("side").asText() + " " + n.get("signal_time").asText())
                .containsExactlyInAnyOrderElementsOf(alerts.stream()
                        .map(n -> n.get("symbol").asText() + " " + n.get("side").asText() + " " + n.get("signal_time").asText()).toList());
        assertThat(paths).containsOnly("/hooks/scanner");
    }
}

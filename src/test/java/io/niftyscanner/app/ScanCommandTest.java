package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.niftyscanner.config.InstrumentTokensFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./scanner scan --headless --json} end to end on the embedded sandbox. */
class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<JsonNode> run(ByteArrayOutputStream err, String... args) throws Exception {
        InstrumentTokensFile.save(dir.resolve("instrument_tokens.json"), SandboxRig.INSTRUMENTS.subList(0, 3), OffsetDateTime.now());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir, Map.of());
        int code = Cli.run(args, ctx);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void pollingPrintsStatusLinesWithTheCycleTimeAndCandles() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<JsonNode> lines = run(err, "scan", "--headless", "--mode", "poll", "--poll-interval", "1", "--json", "--duration", "8",
                "--no-warmup", "--sandbox-speed", "300", "--sandbox-start", "09:15");
        assertThat(lines).allMatch(n -> n.hasNonNull("type"));
        List<JsonNode> statuses = lines.stream().filter(n -> n.get("type").asText().equals("status")).toList();
        assertThat(statuses).isNotEmpty().allMatch(n -> n.get("mode").asText().equals("poll") && n.hasNonNull("state")
                && n.hasNonNull("time") && n.has("message"));
        assertThat(statuses).anyMatch(n -> n.get("state").asText().equals("POLLING") && n.get("poll_cycle_ms").asLong() >= 0);
        assertThat(lines).anyMatch(n -> n.get("type").asText().equals("candle") && n.get("start").asText().endsWith("+05:30")
                && n.get("volume").asLong() >= 0);
        String human = err.toString(StandardCharsets.UTF_8);
        assertThat(human).contains("SANDBOX").contains("[POLLING]").contains("Stopped:");
    }

    @Test
    void badOptionsSayWhatIsAccepted() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), dir, Map.of());
        assertThat(Cli.run(new String[] {"scan", "--headless", "--mode", "turbo"}, ctx)).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stream, poll, hybrid");
        assertThat(Cli.run(new String[] {"scan", "--json"}, ctx)).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--headless");
        assertThat(Cli.run(new String[] {"scan", "--headless", "--duration", "x"}, ctx)).isEqualTo(Cli.EXIT_USAGE);
    }

    @Test
    void aMissingTokenFileIsExplained() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), dir, Map.of());
        assertThat(Cli.run(new String[] {"scan", "--headless", "--duration", "1"}, ctx)).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("instrument_tokens.json not found: run ./scanner fetch-instruments");
    }

    @Test
    void aTokenProblemIsAlsoAnErrorLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScanCommand.EventPrinter printer = new ScanCommand.EventPrinter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true);
        printer.onStatus(new io.niftyscanner.feed.FeedStatus(java.time.Instant.parse("2026-11-23T04:00:00Z"),
                io.niftyscanner.config.DataMode.STREAM, "stream", io.niftyscanner.feed.FeedState.TOKEN_EXPIRED,
                "Kite session expired or invalid: run ./scanner login", 0, -1, -1, null, 0, 0, null), true);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode status = JSON.readTree(lines[0]);
        JsonNode error = JSON.readTree(lines[1]);
        assertThat(status.get("state").asText()).isEqualTo("TOKEN_EXPIRED");
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("time").asText()).isEqualTo("2026-11-23T09:30:00+05:30");
        assertThat(error.get("message").asText()).contains("./scanner login");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[TOKEN_EXPIRED]");
    }

    @Test
    void orderLinesCarryTheContractFieldsAndABreakerLineSaysWhy() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScanCommand.EventPrinter printer = new ScanCommand.EventPrinter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true);
        printer.onOrder(new io.niftyscanner.orders.OrderEvent(1_795_405_800_000L, "INFY", "BUY", 5, "NSEB00008QV50HTD5G",
                "COMPLETE", "kite", "ENTRY", "261123000000001", "MARKET", 0, 0, 1573.7, 5, "", "408065:1795405500000:BUY"));
        printer.onBreaker("the day's loss reached the limit", -5012.5, 1_795_405_800_000L);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode order = JSON.readTree(lines[0]);
        assertThat(order.get("type").asText()).isEqualTo("order");
        assertThat(order.get("time").asText()).isEqualTo("2026-11-23T09:20:00+05:30");
        assertThat(order.get("symbol").asText()).isEqualTo("INFY");
        assertThat(order.get("side").asText()).isEqualTo("BUY");
        assertThat(order.get("quantity").asLong()).isEqualTo(5);
        assertThat(order.get("tag").asText()).isEqualTo("NSEB00008QV50HTD5G");
        assertThat(order.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(order.get("gateway").asText()).isEqualTo("kite");
        assertThat(order.get("average_price").asDouble()).isEqualTo(1573.7);
        assertThat(order.get("order_id").asText()).isEqualTo("261123000000001");
        JsonNode breaker = JSON.readTree(lines[1]);
        assertThat(breaker.get("type").asText()).isEqualTo("breaker");
        assertThat(breaker.get("message").asText()).contains("limit");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[BREAKER]");
    }

    @Test
    void confirmLiveNeedsAutoTradeAndAUserId() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir, Map.of());
        assertThat(Cli.run(new String[] {"scan", "--headless", "--confirm-live", "AB1234"}, ctx)).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("add --auto-trade");
        assertThat(Cli.run(new String[] {"scan", "--headless", "--auto-trade", "--confirm-live", "AB 1234"}, ctx)).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Kite user id");
    }

    @Test
    void confirmLiveAgainstTheSandboxIsRefusedAndNothingRuns() throws Exception {
        InstrumentTokensFile.save(dir.resolve("instrument_tokens.json"), SandboxRig.INSTRUMENTS.subList(0, 2), OffsetDateTime.now());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir, Map.of());
        assertThat(Cli.run(new String[] {"scan", "--headless", "--auto-trade", "--confirm-live", "SB0001", "--no-warmup",
                "--duration", "1"}, ctx)).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No live orders").contains("sandbox");
    }
}

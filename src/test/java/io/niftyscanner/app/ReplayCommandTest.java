package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Path.of("samples/nifty-sample-2026-11-23.csv").toAbsolutePath();

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void tokens() throws IOException {
        Files.writeString(dir.resolve("instrument_tokens.json"),
                "{\"RELIANCE\": 738561, \"INFY\": 408065, \"TCS\": 2953217, \"HDFCBANK\": 341249, \"ICICIBANK\": 1270529}");
    }

    private int replay(String... args) throws Exception {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir, Map.of());
        return new ReplayCommand().run(Arrays.asList(args), ctx);
    }

    private List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSampleSessionGives75CandlesPerSymbolAndSignalsOfBothSides() throws Exception {
        assertThat(replay(SAMPLE.toString(), "--json")).isZero();
        List<JsonNode> lines = jsonLines();
        Map<String, Long> candlesPerSymbol = lines.stream().filter(n -> n.get("type").asText().equals("candle"))
                .collect(Collectors.groupingBy(n -> n.get("symbol").asText(), Collectors.counting()));
        assertThat(candlesPerSymbol).hasSize(5).allSatisfy((symbol, count) -> assertThat(count).isEqualTo(75));
        List<JsonNode> signals = lines.stream().filter(n -> n.get("type").asText().equals("signal")).toList();
        assertThat(signals).extracting(n -> n.get("side").asText()).contains("BUY", "SELL");
        for (JsonNode s : signals) {
            // the 30th candle starts at 11:40 and closes at 11:45: nothing may fire earlier
            assertThat(s.get("candle_start").asText().compareTo("2026-11-23T11:40:00+05:30")).isGreaterThanOrEqualTo(0);
            assertThat(s.get("price").isNumber()).isTrue();
            assertThat(s.get("rsi").asDouble()).isBetween(30.0, 70.0);
        }
        JsonNode first = lines.get(0);
        assertThat(first.get("start").asText()).isEqualTo("2026-11-23T09:15:00+05:30");
        assertThat(first.fieldNames()).toIterable().contains("type", "symbol", "token", "start", "open", "high", "low", "close", "volume");
        assertThat(stderr()).contains("375 candles").contains("unknown token 999999").contains("'abc' is not a decimal price")
                .contains("late tick for HDFCBANK");
    }

    @Test
    void badLinesAreReportedWithTheirLineNumberAndSkipped() throws Exception {
        Path file = dir.resolve("ticks.csv");
        Files.writeString(file, String.join("\n",
                "time,token,last_price,volume",
                "2026-11-24T09:15:03+05:30,738561,2500.05,100",
                "2026-11-24T09:16:00+05:30,738561,2501.1O,150",      // letter O instead of zero
                "not-a-time,738561,2501.00,150",
                "2026-11-24T09:17:00+05:30,738561",
                "2026-11-24T09:18:00+05:30,111,10.00,5",             // unknown token
                "2026-11-24T09:18:30+05:30,738561,2501.005,170",    // finer than a paisa
                "1795491960000,738561,2499.95,200",                  // epoch millis: 2026-11-24T09:16:00+05:30
                "2026-11-24T09:20:00+05:30,738561,2502.00,260",
                ""));
        assertThat(replay(file.toString(), "--json", "--print", "candles")).isZero();
        assertThat(stderr()).contains("line 3: skipped").contains("line 4: skipped").contains("line 5: skipped, expected 4 columns")
                .contains("line 6: skipped, unknown token 111").contains("line 7: skipped").doesNotContain("line 8").doesNotContain("late tick");
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(2);
        JsonNode c = lines.get(0);
        assertThat(c.get("open").asDouble()).isEqualTo(2500.05);
        assertThat(c.get("low").asDouble()).isEqualTo(2499.95);
        assertThat(c.get("close").asDouble()).isEqualTo(2499.95);
        assertThat(c.get("volume").asLong()).isEqualTo(200);
        assertThat(lines.get(1).get("start").asText()).isEqualTo("2026-11-24T09:20:00+05:30");
        assertThat(stderr()).contains("replay: 3 ticks, 2 candles, 0 signals; skipped 5 lines (4 malformed, 1 unknown token)");
    }

    @Test
    void aMissingFileIsAClearErrorWithExitCode1() throws Exception {
        assertThat(replay("nope.csv")).isEqualTo(1);
        assertThat(stderr()).contains("tick file not found").contains("nope.csv");
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedWithTheExpectedHeader() throws Exception {
        Path file = dir.resolve("noheader.csv");
        Files.writeString(file, "2026-11-24T09:15:03+05:30,738561,2500.05,100\n");
        assertThat(replay(file.toString())).isEqualTo(1);
        assertThat(stderr()).contains("lacks the column 'time'").contains("time,token,last_price,volume");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThatThrownBy(() -> replay()).isInstanceOf(UsageException.class).hasMessageContaining("which tick file");
        assertThatThrownBy(() -> replay("f.csv", "--print", "trades")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'trades'");
        assertThatThrownBy(() -> replay("f.csv", "--fast")).isInstanceOf(UsageException.class).hasMessageContaining("--fast");
    }

    @Test
    void theTableShowsCandlesAndSignalsReadably() throws Exception {
        assertThat(replay(SAMPLE.toString(), "--print", "signals")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("SIGNAL").doesNotContain("candle    ").doesNotContain("{\"type\"");
        assertThat(text.lines().filter(l -> l.startsWith("SIGNAL")).count()).isGreaterThanOrEqualTo(2);
    }
}

package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.market.Candle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** journal.ticks = true records the session; ./scanner replay of the file rebuilds the candles the scanner built. */
class TickRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRecordedSessionReplaysToTheSameCandles() throws Exception {
        List<Candle> live;
        Path file = dir.resolve("data/ticks/ticks-sandbox-" + SandboxRig.SESSION + ".csv");
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 60, LocalTime.of(9, 15), Map.of("journal.ticks", "true"))) {
            await("four closed candles per symbol", Duration.ofSeconds(60), () -> rig.candles.size() >= 4 * SandboxRig.INSTRUMENTS.size());
            live = List.copyOf(rig.candles);
        }
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("time,token,last_price,volume,last_quantity");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), dir, Map.of());
        assertThat(new ReplayCommand().run(List.of(file.toString(), "--json", "--print", "candles"), ctx)).isZero();
        List<JsonNode> replayed = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                replayed.add(JSON.readTree(line));
            }
        }
        for (Candle c : live) {
            if (c.quality() != io.niftyscanner.market.CandleQuality.COMPLETE) {
                continue;
            }
            JsonNode r = replayed.stream().filter(n -> n.get("token").asLong() == c.token()
                    && n.get("start").asText().equals(ReplayPrinter.isoIst(c.startMillis()))).findFirst().orElse(null);
            assertThat(r).as("replayed candle %s", c).isNotNull();
            assertThat(List.of(r.get("open").asDouble(), r.get("high").asDouble(), r.get("low").asDouble(), r.get("close").asDouble(),
                    r.get("volume").asLong())).as("candle %s", c)
                    .isEqualTo(List.of(c.openPrice(), c.highPrice(), c.lowPrice(), c.closePrice(), c.volume()));
        }
    }
}

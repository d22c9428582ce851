package io.niftyscanner.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Tick;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickRecorderTest {
    private static final long T = 1_795_405_503_000L; // 2026-11-23 09:15:03 IST

    @TempDir
    Path dir;

    @Test
    void writesTheReplayFormatOneFilePerSessionDay() throws Exception {
        try (TickRecorder r = new TickRecorder(dir, "ticks")) {
            r.record(new Tick(738561, T, 140_005, 1_000, 5, 0));
            r.record(new Tick(408065, T + 1000, 157_370, 2_500, 10, 0));
            r.record(new Tick(408065, 0, 157_370, 2_500)); // no exchange time: not replayable, not written
            r.record(new Tick(738561, T + 86_400_000L, 141_000, 10, 1, 0));
        }
        assertThat(Files.readAllLines(dir.resolve("ticks-2026-11-23.csv"))).containsExactly(TickRecorder.HEADER,
                T + ",738561,1400.05,1000,5", (T + 1000) + ",408065,1573.70,2500,10");
        assertThat(Files.readAllLines(dir.resolve("ticks-2026-11-24.csv"))).hasSize(2);
    }

    @Test
    void aTornLastLineFromAKilledRunStaysOneBadLine() throws Exception {
        Path file = dir.resolve("ticks-2026-11-23.csv");
        Files.writeString(file, TickRecorder.HEADER + "\n" + T + ",738561,1400.05,1000,5\n" + T + ",7385");
        try (TickRecorder r = new TickRecorder(dir, "ticks")) {
            r.record(new Tick(738561, T + 2000, 140_010, 1_100, 1, 0));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).containsExactly(TickRecorder.HEADER, T + ",738561,1400.05,1000,5", T + ",7385",
                (T + 2000) + ",738561,1400.10,1100,1");
    }
}

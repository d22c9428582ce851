package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.engine.InstrumentView;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indicators are ready at 09:15 from the historical route, and a restart fetches only what is missing. */
class WarmUpTest {
    @TempDir
    Path dir;

    private SandboxRig start() throws Exception {
        SandboxOptions sandbox = SandboxOptions.defaults().withSpeed(1).withSeed(7).withStart(SandboxRig.SESSION, LocalTime.of(9, 15));
        return new SandboxRig(dir, DataMode.STREAM, sandbox, Map.of("strategy.warmup.days", "2"), true);
    }

    private static boolean warmedUp(SandboxRig rig) {
        return rig.statuses.stream().anyMatch(s -> s.message() != null && s.message().startsWith("Warm-up done"));
    }

    @Test
    void indicatorsAreReadyAt0915AndARestartFetchesNothingAgain() throws Exception {
        long firstFetch;
        try (SandboxRig rig = start()) {
            await("warm-up", Duration.ofSeconds(30), () -> warmedUp(rig));
            firstFetch = rig.requests("GET /instruments/historical");
            assertThat(firstFetch).as("one request per instrument: " + rig.runtime.sandbox().statsJson())
                    .isEqualTo(SandboxRig.INSTRUMENTS.size());
            LocalDate first = LocalDate.of(2026, 11, 19); // two trading days before Monday 23 November
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                InstrumentView v = rig.runtime.engine().snapshot().view(in.token());
                assertThat(v.indicators()).as(in.symbol() + " indicators at 09:15").isNotNull();
                List<Candle> series = v.recentCandles();
                assertThat(series).hasSize(2 * 75);
                assertThat(series.get(0).startMillis()).isEqualTo(SessionCalendar.sessionOpenMillis(first));
                assertThat(series.get(series.size() - 1).startMillis())
                        .isEqualTo(SessionCalendar.sessionOpenMillis(LocalDate.of(2026, 11, 20)) + 74 * 300_000L);
                assertThat(series).allMatch(c -> c.quality() == CandleQuality.HISTORICAL);
                assertThat(v.indicators().candleNumber()).as("past the 30-candle warm-up rule").isGreaterThanOrEqualTo(30);
                Candle h = rig.runtime.rest().historical(in.token(), "5minute", Instant.ofEpochMilli(series.get(100).startMillis()),
                        Instant.ofEpochMilli(series.get(100).startMillis() + 299_000)).get(0);
                assertThat(series.get(100).close()).isEqualTo(h.close());
            }
            assertThat(Files.exists(dir.resolve("journal-sandbox.db"))).as("simulated data in its own journal").isTrue();
            assertThat(Files.exists(dir.resolve("journal.db"))).isFalse();
        }
        try (SandboxRig rig = start()) {
            await("warm-up again", Duration.ofSeconds(30), () -> warmedUp(rig));
            assertThat(rig.requests("GET /instruments/historical")).as("everything came from the journal's cache").isZero();
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                assertThat(rig.runtime.engine().snapshot().view(in.token()).recentCandles()).hasSize(2 * 75);
            }
        }
    }
}

package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Signal;
import io.niftyscanner.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every signal the engine raises is in the journal with the engine's own values: candle, indicators, thresholds. */
class ProvenanceTest {
    @TempDir
    Path dir;

    @Test
    void theJournalHoldsWhatTheEngineSaw() throws Exception {
        SandboxOptions sandbox = SandboxOptions.defaults().withSpeed(240).withSeed(7).withStart(SandboxRig.SESSION, LocalTime.of(9, 15));
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, sandbox, Map.of(), true)) {
            await("three signals", Duration.ofSeconds(90), () -> rig.signals.size() >= 3);
            List<Signal> raised = List.copyOf(rig.signals);
            await("the signals journaled with the time the engine raised them", Duration.ofSeconds(30),
                    () -> rig.runtime.journal().signalsSince(0).size() >= raised.size()
                            && rig.runtime.journal().signalsSince(0).stream().allMatch(r -> r.get("detected_ms") != null));
            Map<String, Map<String, Object>> rows = new HashMap<>();
            for (Map<String, Object> r : rig.runtime.journal().signalsSince(0)) {
                Map<String, Object> row = new HashMap<>();
                r.forEach((k, v) -> row.put(k, v instanceof Integer i && !k.equals("intrabar") ? Long.valueOf(i) : v));
                rows.put((String) r.get("signal_key"), row);
            }
            for (Signal s : raised) {
                Map<String, Object> r = rows.get(s.key());
                assertThat(r).as("journal row of " + s.key()).isNotNull();
                Candle c = s.candle();
                assertThat(r).containsEntry("symbol", s.symbol()).containsEntry("token", s.token()).containsEntry("side", s.side().name())
                        .containsEntry("time_ms", s.timeMillis()).containsEntry("candle_start_ms", c.startMillis())
                        .containsEntry("price", s.priceRupees()).containsEntry("candle_open", c.openPrice())
                        .containsEntry("candle_high", c.highPrice()).containsEntry("candle_low", c.lowPrice())
                        .containsEntry("candle_close", c.closePrice()).containsEntry("candle_volume", c.volume())
                        .containsEntry("candle_quality", c.quality().name()).containsEntry("ema_fast", s.emaFast())
                        .containsEntry("ema_slow", s.emaSlow()).containsEntry("ema_fast_prev", s.emaFastPrev())
                        .containsEntry("ema_slow_prev", s.emaSlowPrev()).containsEntry("rsi", s.rsi())
                        .containsEntry("atr", s.atr()).containsEntry("stop", s.stop()).containsEntry("target", s.target())
                        .containsEntry("intrabar", s.intrabar() ? 1 : 0).containsEntry("rule", s.rule())
                        .containsEntry("thresholds", thresholds(s.thresholds()));
                assertThat(s.emaFastPrev() <= s.emaSlowPrev() && s.emaFast() > s.emaSlow()
                        || s.emaFastPrev() >= s.emaSlowPrev() && s.emaFast() < s.emaSlow())
                        .as("the journaled values show the crossover that fired " + s.key()).isTrue();
            }
        }
    }

    private static String thresholds(Map<String, Double> t) {
        StringJoiner j = new StringJoiner(";");
        new TreeMap<>(t).forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}

package io.niftyscanner.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.tools.ReliabilityFigures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault soak (issue 13, item 1): a whole session, 09:15 to 15:30, in each data mode (stream, poll, hybrid) at
 * once, each scanner with auto-trading on against its own embedded sandbox exchange at high market speed, with a
 * fault every 12 market minutes: drop, a short stall, malformed frames, rate_limit, server_error, a stall longer than
 * a candle, and an expired token followed by a fresh login. Then, per mode: every 5-minute candle equals the
 * exchange's history; every signal's EMA and RSI equal ta4j's on that history; no signal twice; no order tag twice on
 * the exchange's book; square-off done and positions flat; no uncaught exception; statuses that make sense; each
 * recovery within {@link SoakSession#RECONNECT_BOUND}.
 *
 * <p>Runs in failsafe (its own JVM) during {@code ./mvnw verify}; about 4 minutes. {@code -Dsoak.speed=60} runs the
 * day slower (375 s instead of about 190 s at the default 120), {@code -Dsoak.seed=N} on another market.
 * Figures go to target/reliability/figures.jsonl.
 */
class FaultSoakIT {
    @TempDir
    Path dir;

    @Test
    void aWholeSessionWithFaultsInEveryModeComesOutRight() throws Exception {
        double speed = Double.parseDouble(System.getProperty("soak.speed", "120"));
        long seed = Long.parseLong(System.getProperty("soak.seed", "13"));
        List<SoakSession> sessions = new ArrayList<>();
        for (DataMode mode : List.of(DataMode.STREAM, DataMode.POLL, DataMode.HYBRID)) {
            Path d = dir.resolve(mode.name().toLowerCase());
            java.nio.file.Files.createDirectories(d);
            sessions.add(new SoakSession(mode, d, speed, seed));
        }
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size(), r -> new Thread(r, "soak-driver"));
        List<Future<?>> running = new ArrayList<>();
        for (SoakSession s : sessions) {
            running.add(pool.submit(s::run));
        }
        for (Future<?> f : running) {
            f.get(20, TimeUnit.MINUTES);
        }
        pool.shutdown();

        List<String> failures = new ArrayList<>();
        Map<String, Object> total = new LinkedHashMap<>();
        Map<String, Integer> faultsPerKind = new TreeMap<>();
        int candlesChecked = 0;
        int candlesWrong = 0;
        long longestReconnect = 0;
        long longestRepair = 0;
        for (SoakSession s : sessions) {
            Map<String, Object> f = s.figures();
            ReliabilityFigures.record("soak: " + f.get("mode"), f);
            System.err.println("soak " + f);
            failures.addAll(s.failures);
            for (SoakSession.Injected x : s.injected) {
                faultsPerKind.merge(x.fault().kind(), 1, Integer::sum);
            }
            candlesChecked += s.candlesChecked;
            candlesWrong += s.candlesWrong;
            longestReconnect = Math.max(longestReconnect, (Long) f.get("longest_reconnect_ms"));
            longestRepair = Math.max(longestRepair, s.longestRepairMillis);
        }
        total.put("speed", speed);
        total.put("faults", faultsPerKind.values().stream().mapToInt(Integer::intValue).sum());
        total.put("faults_per_kind", faultsPerKind);
        total.put("candles_checked", candlesChecked);
        total.put("candles_wrong", candlesWrong);
        total.put("longest_reconnect_ms", longestReconnect);
        total.put("reconnect_bound_ms", SoakSession.RECONNECT_BOUND.toMillis());
        total.put("longest_repair_ms", longestRepair);
        total.put("failures", failures.size());
        ReliabilityFigures.record("soak: all modes", total);
        System.err.println("soak all modes " + total);

        assertThat(failures).as("what the soak found").isEmpty();
        for (SoakSession s : sessions) {
            Map<String, Integer> kinds = new TreeMap<>();
            s.injected.forEach(x -> kinds.merge(x.fault().name(), 1, Integer::sum));
            for (SoakSession.Fault f : SoakSession.Fault.values()) {
                assertThat(kinds.getOrDefault(f.name(), 0)).as(s.mode + ": " + f + " injected at least twice").isGreaterThanOrEqualTo(2);
            }
            assertThat(s.candlesChecked).as(s.mode + ": 75 candles a day for each of 5 instruments").isEqualTo(375);
        }
    }
}

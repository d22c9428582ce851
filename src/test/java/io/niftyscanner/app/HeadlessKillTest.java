package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.market.Instrument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./scanner scan --headless --json} as a real process against its embedded sandbox: killed while signals appear,
 * then restarted. Every candle and signal it printed is in the journal, because nothing is printed before it is
 * committed; Ctrl+C (SIGTERM) waits for the scanner to close.
 */
class HeadlessKillTest {
    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.nseEquity("RELIANCE", 738561),
            Instrument.nseEquity("INFY", 408065), Instrument.nseEquity("TCS", 2953217), Instrument.nseEquity("HDFCBANK", 341249),
            Instrument.nseEquity("SBIN", 779521), Instrument.nseEquity("ITC", 424961), Instrument.nseEquity("LT", 2939649),
            Instrument.nseEquity("AXISBANK", 1510401));

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** {@code scan --headless --json} on the embedded sandbox at speed 100 from 09:15, plus the given options. */
    private ScannerProcess start(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "--headless", "--json", "--sandbox-speed", "100", "--sandbox-start", "09:15"));
        args.addAll(List.of(extra));
        ScannerProcess p = new ScannerProcess(dir, List.of(), Map.of(), args);
        processes.add(p.process);
        return p;
    }

    private void prepare() throws IOException {
        InstrumentTokensFile.save(dir.resolve("instrument_tokens.json"), INSTRUMENTS, OffsetDateTime.now());
        Files.createDirectories(dir.resolve("config"));
        // every EMA crossover becomes a signal, so a short run has several
        Files.writeString(dir.resolve("config/scanner.properties"), String.join("\n", "holidays =", "strategy.warmup.days = 2",
                "strategy.rsi.buy.min = 0", "strategy.rsi.buy.max = 100", "strategy.rsi.sell.min = 0", "strategy.rsi.sell.max = 100", ""));
    }

    private static long millis(JsonNode n, String field) {
        return OffsetDateTime.parse(n.get(field).asText()).toInstant().toEpochMilli();
    }

    /** Everything the process showed is in the journal: each signal by its key, each candle by its instrument and start. */
    private void assertShownIsKept(ScannerProcess s) {
        try (Journal journal = Journal.open(dir.resolve("data/journal-sandbox.db"))) {
            Set<String> kept = new HashSet<>();
            for (Map<String, Object> row : journal.signalsSince(0)) {
                kept.add(row.get("signal_key").toString());
            }
            for (JsonNode sig : s.ofType("signal")) {
                String key = sig.get("token").asLong() + ":" + millis(sig, "candle_start") + ":" + sig.get("side").asText()
                        + (sig.path("intrabar").asBoolean() ? ":i" : "");
                assertThat(kept).as("shown signal %s", sig).contains(key);
            }
            for (JsonNode c : s.ofType("candle")) {
                long start = millis(c, "start");
                assertThat(journal.candles(c.get("token").asLong(), start, start + 1)).as("shown candle %s", c).hasSize(1);
            }
        }
    }

    @Test
    void killedWhileSignalsAppearEveryShownSignalIsInTheJournalAndARestartCarriesOn() throws Exception {
        prepare();
        ScannerProcess first = start();
        first.onLine(line -> {
            if (first.ofType("signal").size() >= 3) {
                first.process.toHandle().destroyForcibly(); // SIGKILL at once: no hook, no close; only what was committed survives
            }
        });
        assertThat(first.process.waitFor(300, TimeUnit.SECONDS)).as("killed at the third signal\n" + first.err).isTrue();
        first.awaitEnd();
        assertThat(first.ofType("signal")).hasSizeGreaterThanOrEqualTo(3);
        assertShownIsKept(first);

        ScannerProcess second = start("--duration", "12");
        assertThat(second.process.waitFor(120, TimeUnit.SECONDS)).as("the restart runs and ends on its own").isTrue();
        second.awaitEnd();
        assertThat(second.process.exitValue()).as(second.err.toString()).isZero();
        assertThat(second.err.toString()).contains("Stopped:");
        assertThat(second.ofType("candle")).isNotEmpty();
        assertShownIsKept(first);
        assertShownIsKept(second);
    }

    @Test
    void ctrlCLetsTheScannerCloseBeforeTheProcessExits() throws Exception {
        prepare();
        ScannerProcess s = start();
        await("a signal on stdout\n" + s.err, Duration.ofSeconds(120), () -> !s.ofType("signal").isEmpty());
        s.process.toHandle().destroy(); // SIGTERM, as Ctrl+C (the handle, unlike Process, leaves the pipes open to read)
        assertThat(s.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        await("stderr read to its end\n" + s.err, Duration.ofSeconds(10), () -> s.err.toString().contains("Stopped:"));
        assertThat(s.err.toString()).contains("Stopping…").contains("journal ");
        assertShownIsKept(s);
    }
}

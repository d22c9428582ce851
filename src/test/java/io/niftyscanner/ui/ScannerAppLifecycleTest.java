package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.sandbox.SandboxOptions;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Closing the window stops the scanner completely, also while it is still starting (real toolkit, real runtime). */
class ScannerAppLifecycleTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
    }

    private ScannerConfig config() throws Exception {
        List<Instrument> instruments = List.of(Instrument.nseEquity("RELIANCE", 738561), Instrument.nseEquity("INFY", 408065));
        InstrumentTokensFile.save(dir.resolve("instrument_tokens.json"), instruments, OffsetDateTime.now());
        return ConfigLoader.load(dir, Map.of(), Map.of("holidays", ""));
    }

    private static ScannerRuntime startOnSandbox(ScannerConfig config) throws Exception {
        return ScannerRuntime.start(config, new ScannerRuntime.Options(DataMode.STREAM, 0, false,
                SandboxOptions.defaults().withSpeed(30).withStart(LocalDate.of(2026, 11, 23), LocalTime.of(10, 0))), null);
    }

    @Test
    void closingTheWindowDuringStartUpStopsTheScannerThatWasStarting() throws Exception {
        ScannerConfig config = config();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<ScannerRuntime> started = new AtomicReference<>();
        ScannerApp app = new ScannerApp(() -> config, cfg -> {
            entered.countDown();
            release.await();
            ScannerRuntime rt = startOnSandbox(cfg); // the slow part of a real start: sandbox, journal, feed
            started.set(rt);
            return rt;
        });
        FxToolkit.setupApplication(() -> app);
        assertThat(entered.await(20, TimeUnit.SECONDS)).as("start-up began").isTrue();

        Thread closer = new Thread(() -> cleanup(app), "test-window-close");
        closer.start();
        await("the window closed", app::stopping);
        release.countDown(); // start-up now completes after the window has gone
        closer.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(closer.isAlive()).as("stop() returned").isFalse();

        ScannerRuntime rt = started.get();
        assertThat(rt).as("the start-up ran to its end").isNotNull();
        assertThat(rt.isClosed()).as("and what it started was stopped").isTrue();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), rt.sandbox().wsPort()).close())
                .as("no ticker connection or exchange left behind").isInstanceOf(ConnectException.class);
    }

    @Test
    void closingTheWindowOfARunningScannerStopsIt() throws Exception {
        ScannerConfig config = config();
        AtomicReference<ScannerRuntime> started = new AtomicReference<>();
        ScannerApp app = new ScannerApp(() -> config, cfg -> {
            ScannerRuntime rt = startOnSandbox(cfg);
            started.set(rt);
            return rt;
        });
        FxToolkit.setupApplication(() -> app);
        await("streaming", () -> started.get() != null && started.get().supervisor().status().state() == FeedState.LIVE);
        FxToolkit.cleanupApplication(app);
        assertThat(started.get().isClosed()).isTrue();
    }

    private static void cleanup(Application app) {
        try {
            FxToolkit.cleanupApplication(app);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }
}

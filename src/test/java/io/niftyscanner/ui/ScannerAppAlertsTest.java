package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The app's window on a real scanner (embedded sandbox): a signal shows as a notification in the window. */
class ScannerAppAlertsTest {
    @TempDir
    Path dir;

    private ScannerApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void aSignalOfTheRunningScannerShowsInTheWindow() throws Exception {
        List<Instrument> instruments = List.of(Instrument.nseEquity("RELIANCE", 738561), Instrument.nseEquity("INFY", 408065),
                Instrument.nseEquity("TCS", 2953217));
        InstrumentTokensFile.save(dir.resolve("instrument_tokens.json"), instruments, OffsetDateTime.now());
        // every EMA crossover is a signal; the desktop and sound channels stay off on a developer's machine
        ScannerConfig config = ConfigLoader.load(dir, Map.of(), Map.of("holidays", "", "strategy.warmup.days", "2",
                "strategy.rsi.buy.min", "0", "strategy.rsi.buy.max", "100", "strategy.rsi.sell.min", "0", "strategy.rsi.sell.max", "100",
                "alerts.sound", "false", "alerts.notification", "false"));
        AtomicReference<ScannerRuntime> started = new AtomicReference<>();
        app = new ScannerApp(() -> config, cfg -> {
            ScannerRuntime rt = ScannerRuntime.start(cfg, new ScannerRuntime.Options(DataMode.STREAM, 0, true,
                    SandboxOptions.defaults().withSpeed(300).withSeed(7).withStart(LocalDate.of(2026, 11, 23), LocalTime.of(10, 0))), null);
            started.set(rt);
            return rt;
        });
        FxToolkit.setupApplication(() -> app);
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> started.get() != null
                && started.get().alerts().channels().contains("window") && started.get().alerts().stats("window").delivered() > 0);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar .title").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().matches("(BUY|SELL) (RELIANCE|INFY|TCS) at \\d+\\.\\d\\d")));
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertThat(bar.getMenus()).extracting(m -> m.getText()).contains("Alerts");
        assertThat(started.get().alerts().channels()).containsExactly("window");
    }
}

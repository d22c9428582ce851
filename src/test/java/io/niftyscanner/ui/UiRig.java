package io.niftyscanner.ui;

import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Signal;
import io.niftyscanner.sandbox.SandboxOptions;
import io.niftyscanner.kite.KiteLogin;
import io.niftyscanner.ui.main.Desktop;
import io.niftyscanner.ui.main.MainController;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The main window on a real scanner runtime against the embedded sandbox, for headless UI tests: a work folder with
 * the instrument file, the constituents and a journal, a fast simulated market, and the window in a stage.
 */
final class UiRig implements AutoCloseable {
    static final LocalDate SESSION = LocalDate.of(2026, 11, 23);
    static final List<Instrument> INSTRUMENTS = List.of(Instrument.nseEquity("RELIANCE", 738561),
            Instrument.nseEquity("INFY", 408065), Instrument.nseEquity("TCS", 2953217));

    final Path work;
    final ScannerConfig config;
    final ScannerRuntime runtime;
    final MainController controller;
    /** Every signal as the engine raised it (the runtime's listener, not the window). */
    final List<Signal> engineSignals = new CopyOnWriteArrayList<>();
    /** What the window asked the desktop to open. */
    final List<String> opened = new CopyOnWriteArrayList<>();
    /** Stands in for the web browser during a login. */
    volatile KiteLogin.Browser browser = url -> false;
    /** The login redirect's port: a free one, so tests never collide with a real login on 5000. */
    final int loginPort;

    /** @param overrides config overrides beyond the rig's (fast refresh, 1 s polling) */
    UiRig(Path parent, Stage stage, SandboxOptions sandbox, boolean warmUp, Map<String, String> overrides) throws Exception {
        this(parent, stage, sandbox, warmUp, overrides, Map.of());
    }

    UiRig(Path parent, Stage stage, SandboxOptions sandbox, boolean warmUp, Map<String, String> overrides, Map<String, String> env)
            throws Exception {
        this(parent, stage, sandbox, warmUp, overrides, env, freePort());
    }

    /**
     * @param env       the environment the window and the config see (Kite credentials, KITE_REST_URL, ...)
     * @param loginPort the login redirect's port
     */
    UiRig(Path parent, Stage stage, SandboxOptions sandbox, boolean warmUp, Map<String, String> overrides, Map<String, String> env,
          int loginPort) throws Exception {
        this.loginPort = loginPort;
        work = Files.createTempDirectory(parent, "ui");
        Files.copy(Path.of("config/scanner.properties"), Files.createDirectories(work.resolve("config")).resolve("scanner.properties"));
        InstrumentTokensFile.save(work.resolve("instrument_tokens.json"), INSTRUMENTS, OffsetDateTime.now());
        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/nifty50.txt"), "RELIANCE\nINFY\nTCS\nNOSUCHCO\n");
        Map<String, String> all = new HashMap<>(Map.of("poll.interval.seconds", "1", "ui.refresh.millis", "200", "holidays", ""));
        all.putAll(overrides);
        config = ConfigLoader.load(work, env, all);
        runtime = ScannerRuntime.start(config, new ScannerRuntime.Options(DataMode.STREAM, 0, warmUp, sandbox),
                new ScannerRuntime.Events() {
                    @Override
                    public void onSignal(Signal signal) {
                        engineSignals.add(signal);
                    }
                });
        controller = new MainController(config, new Desktop(env, work, uri -> {
            opened.add(uri);
            return true;
        }, url -> browser.open(url), work.resolve("logs"), loginPort));
        Scene scene = new Scene(controller.root(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(ScannerApp.class.getResource("scanner.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        controller.attach(runtime);
    }

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static SandboxOptions market(double speed, LocalTime start) {
        return SandboxOptions.defaults().withSpeed(speed).withSeed(7).withStart(SESSION, start);
    }

    @Override
    public void close() {
        controller.detach();
        runtime.close();
    }
}

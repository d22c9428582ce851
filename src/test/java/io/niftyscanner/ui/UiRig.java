package io.niftyscanner.ui;

import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Signal;
import io.niftyscanner.sandbox.SandboxOptions;
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

    /** @param overrides config overrides beyond the rig's (fast refresh, 1 s polling) */
    UiRig(Path parent, Stage stage, SandboxOptions sandbox, boolean warmUp, Map<String, String> overrides) throws Exception {
        work = Files.createTempDirectory(parent, "ui");
        InstrumentTokensFile.save(work.resolve("instrument_tokens.json"), INSTRUMENTS, OffsetDateTime.now());
        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/nifty50.txt"), "RELIANCE\nINFY\nTCS\nNOSUCHCO\n");
        Map<String, String> all = new HashMap<>(Map.of("poll.interval.seconds", "1", "ui.refresh.millis", "200", "holidays", ""));
        all.putAll(overrides);
        config = ConfigLoader.load(work, Map.of(), all);
        runtime = ScannerRuntime.start(config, new ScannerRuntime.Options(DataMode.STREAM, 0, warmUp, sandbox),
                new ScannerRuntime.Events() {
                    @Override
                    public void onSignal(Signal signal) {
                        engineSignals.add(signal);
                    }
                });
        controller = new MainController(config);
        Scene scene = new Scene(controller.root(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(ScannerApp.class.getResource("scanner.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        controller.attach(runtime);
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

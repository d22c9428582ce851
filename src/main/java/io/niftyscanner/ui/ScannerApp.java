package io.niftyscanner.ui;

import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.app.ScannerSession;
import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.ui.main.MainController;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. The window opens at once; the scanner (sandbox exchange when no Kite credentials are set, Kite
 * client, engine, feeds) starts on a background thread and the window attaches when it is running.
 */
public final class ScannerApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ScannerApp.class);
    private final AtomicReference<ScannerSession> session = new AtomicReference<>();
    private MainController controller;

    public static void launchApp(String[] args) {
        Application.launch(ScannerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        ScannerConfig config;
        try {
            config = ConfigLoader.load();
        } catch (ConfigException e) {
            config = null;
            showWindow(stage, null);
            controller.startFailed("Configuration problem: " + Secrets.redact(e.getMessage()));
            return;
        }
        showWindow(stage, config);
        ScannerConfig cfg = config;
        controller.setFetchWithoutSession(() -> {
            java.util.List<String> lines = new java.util.ArrayList<>(io.niftyscanner.app.InstrumentTokensFetch.run(cfg));
            lines.add("Starting the scanner with them…");
            return lines;
        }, () -> startSession(cfg));
        Thread starter = new Thread(() -> startSession(cfg), "scanner-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void showWindow(Stage stage, ScannerConfig config) {
        controller = new MainController(config == null ? io.niftyscanner.config.DataMode.STREAM : config.feed().mode(),
                config == null ? 2000 : config.uiRefreshMillis());
        Scene scene = new Scene(controller.view().root(), 1200, 760);
        scene.getStylesheets().add(Objects.requireNonNull(ScannerApp.class.getResource("scanner.css")).toExternalForm());
        stage.setTitle("NIFTY Scanner");
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setScene(scene);
        stage.show();
    }

    private void startSession(ScannerConfig config) {
        try {
            ScannerRuntime rt = ScannerRuntime.start(config, ScannerRuntime.Options.defaults(), null);
            session.set(rt);
            Platform.runLater(() -> controller.attach(rt));
        } catch (Exception e) {
            LOG.error("scanner could not start", e);
            String msg = Secrets.redact(String.valueOf(e.getMessage()));
            Platform.runLater(() -> controller.startFailed("Could not start: " + msg));
        }
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.detach();
        }
        ScannerSession s = session.getAndSet(null);
        if (s != null) {
            s.close();
        }
    }
}

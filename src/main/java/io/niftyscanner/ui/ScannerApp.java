package io.niftyscanner.ui;

import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.ui.main.MainController;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop app. The window opens at once; the scanner (sandbox exchange when no Kite credentials are set, Kite
 * client, engine, feeds) starts on a background thread and the window attaches when it is running.
 */
public final class ScannerApp extends Application {
    private MainController controller;

    public static void launchApp(String[] args) {
        Application.launch(ScannerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        ScannerConfig config = null;
        String problem = null;
        try {
            config = ConfigLoader.load();
        } catch (ConfigException e) {
            problem = "Configuration problem: " + Secrets.redact(e.getMessage());
        }
        controller = new MainController(config);
        controller.setSessionStarter(cfg -> ScannerRuntime.start(cfg, ScannerRuntime.Options.defaults(), null));
        showWindow(stage);
        if (problem != null) {
            controller.startFailed(problem);
        } else {
            controller.startSession();
        }
    }

    private void showWindow(Stage stage) {
        Scene scene = new Scene(controller.root(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(ScannerApp.class.getResource("scanner.css")).toExternalForm());
        stage.setTitle("NIFTY Scanner");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.close();
        }
    }
}

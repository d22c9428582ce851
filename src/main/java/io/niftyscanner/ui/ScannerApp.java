package io.niftyscanner.ui;

import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.ui.main.Desktop;
import io.niftyscanner.ui.main.MainController;
import io.niftyscanner.ui.main.WindowState;
import java.util.Map;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. The window opens at once, where and as large as it was last time; the scanner (sandbox exchange
 * when no Kite credentials are set, Kite client, engine, feeds) starts on a background thread and the window attaches
 * when it is running.
 */
public final class ScannerApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ScannerApp.class);
    private MainController controller;
    private WindowState state;

    public static void launchApp(String[] args) {
        Application.launch(ScannerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Desktop desktop = Desktop.system(uri -> {
            getHostServices().showDocument(uri);
            return true;
        });
        ScannerConfig config = null;
        String problem = null;
        try {
            config = ConfigLoader.load(desktop.baseDir(), desktop.env(), Map.of());
        } catch (ConfigException e) {
            problem = "Configuration problem: " + Secrets.redact(e.getMessage());
        }
        state = WindowState.load(desktop.windowStateFile());
        controller = new MainController(config, desktop);
        controller.setSessionStarter(cfg -> ScannerRuntime.start(cfg, ScannerRuntime.Options.defaults(), null));
        showWindow(stage);
        if (problem != null) {
            controller.startFailed(problem);
            return;
        }
        afterFirstFrame(stage.getScene(), controller::startSession);
    }

    /**
     * The scanner starts once the window has been laid out for the first time, so its start (sandbox, warm-up) does
     * not compete with the first frame for the CPU.
     */
    private static void afterFirstFrame(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            LOG.info("window shown {} ms after the process started", ProcessHandle.current().info().startInstant()
                    .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L));
            FxThread.later(then);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void showWindow(Stage stage) {
        Scene scene = new Scene(controller.root(), state.number("window.width", 1280), state.number("window.height", 800));
        stage.setTitle("NIFTY Scanner");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        double x = state.number("window.x", Double.NaN);
        double y = state.number("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(state.flag("window.maximized"));
        controller.restore(state);
        stage.setOnHiding(e -> remember(stage));
        stage.show();
    }

    private void remember(Stage stage) {
        if (!stage.isMaximized()) {
            state.put("window.width", stage.getWidth());
            state.put("window.height", stage.getHeight());
            state.put("window.x", stage.getX());
            state.put("window.y", stage.getY());
        }
        state.put("window.maximized", stage.isMaximized());
        controller.remember(state);
        state.save();
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.close();
        }
    }
}

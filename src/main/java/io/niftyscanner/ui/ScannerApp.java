package io.niftyscanner.ui;

import io.niftyscanner.AppHome;
import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.app.ScannerSession;
import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.ui.alerts.WindowAlerts;
import io.niftyscanner.ui.main.Desktop;
import io.niftyscanner.ui.main.MainController;
import io.niftyscanner.ui.main.WindowState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. The window opens at once, where and as large as it was last time; the scanner (sandbox exchange
 * when no Kite credentials are set, Kite client, engine, feeds) starts on a background thread once the first frame is
 * out, and the window attaches when it is running. Closing the window (or Ctrl+C in the terminal) stops the scanner
 * completely before the process exits, also while it is still starting: a scanner that finishes starting after the
 * window closed is closed at once, and {@link #stop()} waits for that.
 */
public final class ScannerApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ScannerApp.class);
    private static final long STOP_WAIT_MILLIS = 60_000;

    private final Supplier<ScannerConfig> configSource;
    private final MainController.SessionStarter starter;
    private final Object lock = new Object();
    private final Set<Thread> starting = new HashSet<>(); // starts under way; guarded by lock
    private final List<ScannerSession> sessions = new ArrayList<>(); // guarded by lock
    private final Thread shutdownHook = new Thread(this::shutdown, "scanner-app-shutdown");
    private volatile boolean stopping;
    private MainController controller;
    private WindowState state;
    private Stage stage;

    public ScannerApp() {
        this(() -> ConfigLoader.load(AppHome.baseDir(), System.getenv(), Map.of()),
                config -> ScannerRuntime.start(config, ScannerRuntime.Options.defaults(), null));
    }

    /** For tests: another configuration and another way to start the session. */
    ScannerApp(Supplier<ScannerConfig> configSource, MainController.SessionStarter starter) {
        this.configSource = configSource;
        this.starter = starter;
    }

    public static void launchApp(String[] args) {
        Application.launch(ScannerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Desktop desktop = Desktop.system(uri -> {
            getHostServices().showDocument(uri);
            return true;
        });
        ScannerConfig config = null;
        String problem = null;
        try {
            config = configSource.get();
        } catch (ConfigException e) {
            problem = "Configuration problem: " + Secrets.redact(e.getMessage());
        }
        Path base = config == null ? desktop.baseDir() : config.paths().baseDir();
        state = WindowState.load(base.resolve("data").resolve("window.properties"));
        controller = new MainController(config, desktop);
        controller.setSessionStarter(this::startSession);
        showWindow(stage);
        if (problem != null) {
            controller.startFailed(problem);
            return;
        }
        afterFirstFrame(stage.getScene(), controller::startSession);
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

    /** Starts a session (off the FX thread) unless the app is stopping; one that ends its start after that is closed. */
    private ScannerSession startSession(ScannerConfig config) throws Exception {
        synchronized (lock) {
            if (stopping) {
                throw new CancellationException("the window was closed");
            }
            starting.add(Thread.currentThread());
        }
        try {
            ScannerSession s = starter.start(config);
            boolean keep;
            synchronized (lock) {
                keep = !stopping;
                if (keep) {
                    sessions.add(s);
                }
            }
            if (!keep) {
                LOG.info("the window closed while the scanner was starting: stopping it");
                s.close();
                throw new CancellationException("the window was closed while the scanner was starting");
            }
            if (s instanceof ScannerRuntime rt) {
                FxThread.run(() -> WindowAlerts.install(rt.alerts(), stage, controller.root()));
            }
            return s;
        } finally {
            synchronized (lock) {
                starting.remove(Thread.currentThread());
                lock.notifyAll();
            }
        }
    }

    /** Whether the app is stopping (the window closed or the JVM is exiting). */
    boolean stopping() {
        return stopping;
    }

    /** The window closed: stop the scanner, and any start still under way, before the toolkit exits. */
    @Override
    public void stop() {
        if (controller != null) {
            controller.close();
        }
        shutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrNotAdded) {
            // the hook is running this, or start() never ran
        }
    }

    /** Closes every session this app started, then waits (bounded) for starts under way, which close what they start. */
    private void shutdown() {
        List<ScannerSession> open;
        synchronized (lock) {
            stopping = true;
            open = new ArrayList<>(sessions);
            sessions.clear();
        }
        for (ScannerSession s : open) {
            s.close(); // a second close (the controller's) does nothing
        }
        long deadline = System.nanoTime() + STOP_WAIT_MILLIS * 1_000_000L;
        synchronized (lock) {
            while (!starting.isEmpty()) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    LOG.error("the scanner was still starting {} s after the window closed", STOP_WAIT_MILLIS / 1000);
                    return;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

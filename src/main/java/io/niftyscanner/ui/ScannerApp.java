package io.niftyscanner.ui;

import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.app.ScannerSession;
import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.ui.main.MainController;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. The window opens at once; the scanner (sandbox exchange when no Kite credentials are set, Kite
 * client, engine, feeds) starts on a background thread and the window attaches when it is running. Closing the window
 * (or Ctrl+C in the terminal) stops the scanner completely, also while it is still starting: a scanner that finishes
 * starting after the window closed is closed at once.
 */
public final class ScannerApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ScannerApp.class);
    private static final long STOP_WAIT_MILLIS = 60_000;

    /** Starts a scanner session for a configuration (the real one, or a test's). */
    interface Starter {
        ScannerSession start(ScannerConfig config) throws Exception;
    }

    private final Supplier<ScannerConfig> configSource;
    private final Starter starter;
    private final Object lock = new Object();
    private final Set<Thread> starting = ConcurrentHashMap.newKeySet(); // guarded by lock for adding
    private final Thread shutdownHook = new Thread(this::shutdown, "scanner-app-shutdown");
    private ScannerSession session;
    private volatile boolean stopping;
    private MainController controller;

    public ScannerApp() {
        this(ConfigLoader::load, config -> ScannerRuntime.start(config, ScannerRuntime.Options.defaults(), null));
    }

    ScannerApp(Supplier<ScannerConfig> configSource, Starter starter) {
        this.configSource = configSource;
        this.starter = starter;
    }

    public static void launchApp(String[] args) {
        Application.launch(ScannerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        ScannerConfig config;
        try {
            config = configSource.get();
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
        Thread startThread = new Thread(() -> startSession(cfg), "scanner-start");
        startThread.setDaemon(true);
        startThread.start();
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
        synchronized (lock) {
            if (stopping) {
                return;
            }
            starting.add(Thread.currentThread());
        }
        try {
            ScannerSession rt = starter.start(config);
            boolean keep;
            synchronized (lock) {
                keep = !stopping;
                if (keep) {
                    session = rt;
                }
            }
            if (!keep) {
                LOG.info("the window closed while the scanner was starting: stopping it");
                rt.close();
                return;
            }
            Platform.runLater(() -> controller.attach(rt));
        } catch (Exception e) {
            if (stopping) {
                LOG.info("scanner start abandoned: the window closed ({})", e.toString());
                return;
            }
            LOG.error("scanner could not start", e);
            String msg = Secrets.redact(String.valueOf(e.getMessage()));
            Platform.runLater(() -> controller.startFailed("Could not start: " + msg));
        } finally {
            starting.remove(Thread.currentThread());
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
            controller.detach();
        }
        shutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrNotAdded) {
            // the hook is running this, or start() never ran
        }
    }

    /** Closes the session, then waits (bounded) for starts under way, which close what they start. */
    private void shutdown() {
        ScannerSession s;
        List<Thread> stillStarting;
        synchronized (lock) {
            stopping = true;
            s = session;
            session = null;
            stillStarting = List.copyOf(starting);
        }
        if (s != null) {
            s.close();
        }
        long deadline = System.nanoTime() + STOP_WAIT_MILLIS * 1_000_000L;
        for (Thread t : stillStarting) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                LOG.error("the scanner was still starting {} s after the window closed", STOP_WAIT_MILLIS / 1000);
            }
        }
    }
}

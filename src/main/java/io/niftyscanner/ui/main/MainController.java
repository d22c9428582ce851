package io.niftyscanner.ui.main;

import io.niftyscanner.app.ScannerSession;
import io.niftyscanner.app.ScannerView;
import io.niftyscanner.app.StatusLine;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.market.Signal;
import io.niftyscanner.ui.Formats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the main window. It reads the session's immutable snapshot on two FX timers (status fast, tables at the
 * configured refresh) and never receives per-tick events; user actions go to the session off the FX thread.
 */
public final class MainController {
    private static final Logger LOG = LoggerFactory.getLogger(MainController.class);
    private final MainModel model = new MainModel();
    private final MainView view;
    private final AtomicReference<ScannerSession> session = new AtomicReference<>();
    private final Timeline statusTimer;
    private final Timeline tableTimer;
    private boolean applyingSnapshot;
    private volatile Callable<List<String>> fetchWithoutSession;
    private volatile Runnable afterFetchWithoutSession;

    public MainController(DataMode initialMode, int tableRefreshMillis) {
        model.mode.set(initialMode);
        view = new MainView(model, this);
        statusTimer = new Timeline(new KeyFrame(Duration.millis(500), e -> refreshStatus()));
        statusTimer.setCycleCount(Animation.INDEFINITE);
        tableTimer = new Timeline(new KeyFrame(Duration.millis(tableRefreshMillis), e -> refreshTables()));
        tableTimer.setCycleCount(Animation.INDEFINITE);
    }

    public MainView view() {
        return view;
    }

    public MainModel model() {
        return model;
    }

    /** Called on the FX thread once the session has started (it starts off the FX thread). */
    public void attach(ScannerSession s) {
        session.set(s);
        refreshStatus();
        refreshTables();
        statusTimer.play();
        tableTimer.play();
    }

    /** Called on the FX thread when the session could not start. */
    public void startFailed(String message) {
        model.state.set("ERROR");
        model.stateDetail.set(message);
        model.exchangeLabel.set("Not connected");
    }

    public void detach() {
        statusTimer.stop();
        tableTimer.stop();
        session.set(null);
    }

    void onModeChosen(DataMode mode) {
        if (applyingSnapshot) {
            return;
        }
        ScannerSession s = session.get();
        model.mode.set(mode);
        if (s != null) {
            background("switch mode", () -> s.switchMode(mode));
        }
    }

    void onReconnect() {
        ScannerSession s = session.get();
        if (s != null) {
            model.stateDetail.set("Reconnecting on request…");
            background("reconnect", s::reconnect);
        }
    }

    /** How to fetch the tokens while no session runs (for example because instrument_tokens.json is missing). */
    public void setFetchWithoutSession(Callable<List<String>> fetch, Runnable afterwards) {
        this.fetchWithoutSession = fetch;
        this.afterFetchWithoutSession = afterwards;
    }

    void onFetchInstruments() {
        ScannerSession s = session.get();
        Callable<List<String>> fetch = s != null ? s::fetchInstruments : fetchWithoutSession;
        if (fetch == null) {
            showReport(Alert.AlertType.WARNING, "The configuration could not be read; fix it first.");
            return;
        }
        model.stateDetail.set("Fetching instrument tokens…");
        background("fetch instruments", () -> {
            try {
                List<String> lines = fetch.call();
                Platform.runLater(() -> {
                    showReport(Alert.AlertType.INFORMATION, String.join("\n", lines));
                    model.stateDetail.set(lines.get(lines.size() - 1));
                });
                Runnable after = s == null ? afterFetchWithoutSession : null;
                if (after != null) {
                    after.run();
                }
            } catch (Exception e) {
                String msg = Secrets.redact(String.valueOf(e.getMessage()));
                Platform.runLater(() -> showReport(Alert.AlertType.ERROR,
                        "Fetching instrument tokens failed: " + msg + "\ninstrument_tokens.json was left as it was."));
            }
        });
    }

    private void showReport(Alert.AlertType type, String text) {
        Alert alert = new Alert(type, text, ButtonType.OK);
        alert.setHeaderText("Instrument tokens");
        alert.getDialogPane().setId("fetchReport");
        if (view.root().getScene() != null) {
            alert.initOwner(view.root().getScene().getWindow());
        }
        alert.show();
    }

    private void refreshStatus() {
        ScannerSession s = session.get();
        if (s == null) {
            return;
        }
        ScannerView v = s.view();
        applyingSnapshot = true;
        try {
            if (v.status() != null) {
                model.state.set(v.status().state().name());
                model.stateDetail.set(StatusLine.describe(v.status()));
                model.mode.set(v.status().mode());
            }
        } finally {
            applyingSnapshot = false;
        }
        model.sandbox.set(v.sandbox());
        model.exchangeLabel.set(v.exchangeLabel());
        model.footer.set("Market time " + Formats.time(v.marketTimeMillis()) + " IST   ·   ticks " + v.ticks() + "   ·   candles "
                + v.candles() + (v.lateTicks() > 0 ? "   ·   late ticks " + v.lateTicks() : ""));
    }

    private void refreshTables() {
        ScannerSession s = session.get();
        if (s == null) {
            return;
        }
        ScannerView v = s.view();
        model.rows.setAll(v.rows());
        List<Signal> newestFirst = new ArrayList<>(v.signals());
        Collections.reverse(newestFirst);
        if (!newestFirst.equals(model.signals)) {
            model.signals.setAll(newestFirst);
        }
    }

    private static void background(String what, Runnable task) {
        Thread t = new Thread(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", what, e.getMessage(), e);
            }
        }, "ui-action-" + what.replace(' ', '-'));
        t.setDaemon(true);
        t.start();
    }
}

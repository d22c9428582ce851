package io.niftyscanner.ui.main;

import io.niftyscanner.app.InstrumentTokensFetch;
import io.niftyscanner.app.ScannerSession;
import io.niftyscanner.app.ScannerView;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.ui.export.ExportController;
import io.niftyscanner.ui.fx.Background;
import io.niftyscanner.ui.fx.Dialogs;
import io.niftyscanner.ui.help.HelpController;
import io.niftyscanner.ui.login.LoginController;
import io.niftyscanner.ui.settings.SettingsController;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** What the menus do: token fetch, login, settings, help, quit. Runs on the FX thread; blocking work in the background. */
final class WindowActions {
    /** The shortcuts, as Help &gt; Keyboard shortcuts lists them (the menus set the same accelerators). */
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Ctrl+1 / Ctrl+2 / Ctrl+3", "WebSocket streaming / HTTP polling / Auto (hybrid)"},
            new String[] {"F5", "Reconnect"},
            new String[] {"Ctrl+F", "Find a symbol in the watchlist"},
            new String[] {"Enter or double click on a signal", "Show its candle on the chart"},
            new String[] {"Home", "Chart: back to the newest candle"},
            new String[] {"Ctrl+I", "Fetch instrument tokens"},
            new String[] {"Ctrl+L", "Log in to Kite"},
            new String[] {"Ctrl+E", "Export signals (CSV)"},
            new String[] {"Ctrl+,", "Settings"},
            new String[] {"Ctrl+T", "Light / dark theme"},
            new String[] {"F1", "Troubleshooting"},
            new String[] {"Ctrl+Q", "Quit"});

    private final MainController main;
    private final Desktop desktop;
    private final HelpController help;
    private final LoginController login;

    WindowActions(MainController main, Desktop desktop) {
        this.main = main;
        this.desktop = desktop;
        this.help = new HelpController(desktop.opener());
        this.login = new LoginController(desktop.browser(), desktop.loginPort(), who -> main.restartSession("Logged in as " + who + "."));
    }

    private Node anchor() {
        return main.root();
    }

    void fetchInstruments() {
        ScannerSession s = main.session();
        ScannerConfig cfg = main.config();
        if (s == null && cfg == null) {
            Dialogs.show(anchor(), Alert.AlertType.WARNING, "fetchReport", "Instrument tokens",
                    "The configuration could not be read, so it is not known where to fetch from. Fix"
                            + " config/scanner.properties first (Settings, or the banner says what is wrong).");
            return;
        }
        boolean startAfter = s == null && main.canStartSessions();
        FetchProgress progress = FetchProgress.show(anchor());
        Background.run("fetch instrument tokens", () -> {
            if (s != null) {
                return s.fetchInstruments();
            }
            List<String> lines = new ArrayList<>(InstrumentTokensFetch.run(cfg));
            if (startAfter) {
                lines.add("Starting the scanner with them…");
            }
            return lines;
        }, lines -> {
            progress.close();
            Dialogs.show(anchor(), Alert.AlertType.INFORMATION, "fetchReport", "Instrument tokens", String.join("\n", lines));
            if (startAfter) {
                main.startSession();
            }
        }, e -> {
            progress.close();
            Dialogs.show(anchor(), Alert.AlertType.ERROR, "fetchReport", "Instrument tokens",
                    "Fetching instrument tokens failed: " + Dialogs.describe(e) + "\ninstrument_tokens.json was left as it was.");
        });
    }

    void login() {
        ScannerView last = main.lastView();
        ScannerConfig cfg = main.config();
        if (cfg != null && cfg.kite().useSandbox() && last != null && last.sandbox()) {
            sandboxLogin();
            return;
        }
        login.open(anchor(), cfg, desktop.env());
    }

    /** The embedded sandbox has no account: a fresh start gives it a fresh session. */
    private void sandboxLogin() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Log in to Kite");
        alert.setHeaderText("The sandbox exchange needs no login");
        alert.setContentText("No Kite credentials are configured, so the app runs on its embedded sandbox exchange. If the"
                + " sandbox refused its token (an injected fault), restarting the scanner starts it with a fresh session."
                + " To use your Zerodha account, put ZERODHA_API_KEY and ZERODHA_API_SECRET in .env and restart the app.");
        alert.getDialogPane().setId("loginInfo");
        ButtonType restart = new ButtonType("Restart the scanner", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(main.canStartSessions() ? List.of(restart, ButtonType.CLOSE) : List.of(ButtonType.CLOSE));
        owned(alert);
        alert.show();
        alert.resultProperty().addListener((o, was, is) -> {
            if (is == restart) {
                main.restartSession("Restarted the sandbox session.");
            }
        });
    }

    void export(String what) {
        ScannerView v = main.lastView();
        new ExportController(() -> v == null ? null : v.journalFile(), desktop.baseDir().resolve("exports"))
                .open(anchor(), what, v == null || v.marketTimeMillis() <= 0 ? java.time.LocalDate.now(io.niftyscanner.market.SessionCalendar.IST)
                        : io.niftyscanner.market.SessionCalendar.istDate(v.marketTimeMillis()));
    }

    void settings() {
        new SettingsController(desktop.baseDir(), desktop.env(), this::afterSettingsSaved).open(anchor());
    }

    private void afterSettingsSaved(List<String> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Settings");
        alert.setHeaderText("Saved " + String.join(", ", changed));
        alert.setContentText("These take effect when the scanner restarts" + (main.canStartSessions()
                ? ". Restart it now? (A few seconds; the warm-up reloads from the journal's cache.)" : ": restart the app."));
        alert.getDialogPane().setId("settingsSaved");
        ButtonType now = new ButtonType("Restart now", ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(main.canStartSessions() ? List.of(now, later) : List.of(ButtonType.OK));
        owned(alert);
        alert.show();
        alert.resultProperty().addListener((o, was, is) -> {
            if (is == now) {
                main.restartSession("Restarted with the new settings.");
            }
        });
    }

    void troubleshooting() {
        help.troubleshooting(anchor());
    }

    void shortcuts() {
        help.shortcuts(anchor(), SHORTCUTS);
    }

    void openLogs() {
        help.openLogsFolder(anchor(), desktop.logsDir());
    }

    void about() {
        ScannerConfig cfg = main.config();
        ScannerView v = main.lastView();
        List<String[]> facts = new ArrayList<>();
        String version = MainController.class.getPackage().getImplementationVersion();
        facts.add(new String[] {"Version", version == null ? "development build" : version});
        facts.add(new String[] {"Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"});
        facts.add(new String[] {"JavaFX", System.getProperty("javafx.runtime.version", "unknown")});
        facts.add(new String[] {"Data source", v == null ? "not connected" : v.exchangeLabel()});
        facts.add(new String[] {"Journal", v != null && v.journalFile() != null ? v.journalFile().toAbsolutePath().toString()
                : cfg == null ? "unknown" : cfg.paths().journal().toAbsolutePath().toString()});
        facts.add(new String[] {"Configuration", desktop.baseDir().resolve("config/scanner.properties").toString()});
        facts.add(new String[] {"Logs", desktop.logsDir().toAbsolutePath().toString()});
        facts.add(new String[] {"System", System.getProperty("os.name") + " " + System.getProperty("os.version")});
        help.about(anchor(), facts);
    }

    void quit() {
        Platform.exit();
    }

    private void owned(Alert alert) {
        Node a = anchor();
        if (a.getScene() != null) {
            alert.initOwner(a.getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(a.getScene().getStylesheets());
        }
    }
}

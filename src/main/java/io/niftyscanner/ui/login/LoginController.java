package io.niftyscanner.ui.login;

import io.niftyscanner.app.LoginFlow;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.kite.KiteLogin;
import io.niftyscanner.ui.FxThread;
import io.niftyscanner.ui.fx.Dialogs;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * File &gt; Log in to Kite: runs the daily login from the window (browser, redirect on 127.0.0.1, token into .env),
 * shows its progress and tells the window when a new token is stored, so it can restart the scanner with it.
 */
public final class LoginController {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd MMM HH:mm 'IST'");

    /** The dialog's state. */
    public static final class Model {
        final ObservableList<String> lines = FXCollections.observableArrayList();
        final StringProperty result = new SimpleStringProperty("");
        final BooleanProperty running = new SimpleBooleanProperty(false);
        final BooleanProperty failed = new SimpleBooleanProperty(false);

        public ObservableList<String> lines() {
            return lines;
        }

        public StringProperty result() {
            return result;
        }
    }

    private final Model model = new Model();
    private final KiteLogin.Browser browser;
    private final int port;
    private final Consumer<String> onLoggedIn;
    private LoginView view;
    private Thread worker;
    private Runnable retry = () -> {};

    /** @param onLoggedIn called on the FX thread with "who, until when" after the token was stored */
    public LoginController(KiteLogin.Browser browser, int port, Consumer<String> onLoggedIn) {
        this.browser = browser;
        this.port = port;
        this.onLoggedIn = onLoggedIn;
    }

    public Model model() {
        return model;
    }

    /** Opens the dialog and starts the login, or explains why there is none to do. */
    public void open(Node anchor, ScannerConfig config, Map<String, String> env) {
        String why = config == null ? "The configuration could not be read; fix config/scanner.properties first."
                : LoginFlow.cannotLogIn(config);
        if (why != null) {
            Dialogs.show(anchor, javafx.scene.control.Alert.AlertType.INFORMATION, "loginInfo", "Log in to Kite", why);
            return;
        }
        if (view == null) {
            view = new LoginView(model, this);
        }
        view.show(anchor);
        start(config, env);
    }

    void start(ScannerConfig config, Map<String, String> env) {
        if (model.running.get()) {
            return;
        }
        model.lines.clear();
        model.result.set("");
        model.failed.set(false);
        model.running.set(true);
        worker = new Thread(() -> {
            try {
                KiteLogin.Result r = LoginFlow.run(config, env, line -> FxThread.run(() -> model.lines.add(line)), browser, port);
                String who = r.session().userName().isBlank() ? r.session().userId()
                        : r.session().userName() + " (" + r.session().userId() + ")";
                String done = who + ", token valid until " + SHOWN.format(r.expiresAt());
                FxThread.run(() -> {
                    model.running.set(false);
                    model.result.set("Logged in as " + done + ".");
                    if (view != null) {
                        view.close();
                    }
                    onLoggedIn.accept(done);
                });
            } catch (InterruptedException e) {
                FxThread.run(() -> {
                    model.running.set(false);
                    model.result.set("Login cancelled.");
                });
            } catch (Exception e) {
                String msg = Dialogs.describe(e);
                FxThread.run(() -> {
                    model.running.set(false);
                    model.failed.set(true);
                    model.result.set("Login failed: " + msg);
                });
            }
        }, "kite-login");
        worker.setDaemon(true);
        worker.start();
        this.retry = () -> start(config, env);
    }

    void onRetry() {
        retry.run();
    }

    void onCancel() {
        Thread t = worker;
        if (t != null && model.running.get()) {
            t.interrupt();
        }
        if (view != null) {
            view.close();
        }
    }
}

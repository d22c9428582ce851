package io.niftyscanner.ui.main;

import io.niftyscanner.app.InstrumentTokensFetch;
import io.niftyscanner.app.ScannerSession;
import io.niftyscanner.app.StatusLine;
import io.niftyscanner.app.WatchRow;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.market.Signal;
import io.niftyscanner.ui.fx.Background;
import io.niftyscanner.ui.fx.Controller;
import io.niftyscanner.ui.fx.Dialogs;
import io.niftyscanner.ui.sidebar.SidebarController;
import io.niftyscanner.ui.signals.SignalsController;
import io.niftyscanner.ui.status.StatusBarController;
import io.niftyscanner.ui.watchlist.WatchlistController;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Alert;

/**
 * The window's controller (Bisq 2's DashboardController): it creates the panes' controllers, hands their roots to its
 * view, owns the one {@link SnapshotRefresher} that gives every pane the same snapshot, and carries out what the
 * panes and menus ask for. Everything here runs on the FX thread; blocking work goes to {@link Background}.
 */
public final class MainController implements Controller {
    private static final int FAST_REFRESH_MILLIS = 500;

    /** Starts a scanner session for a configuration (blocking; called off the FX thread). */
    @FunctionalInterface
    public interface SessionStarter {
        ScannerSession start(ScannerConfig config) throws Exception;
    }

    private final MainModel model = new MainModel();
    private final SidebarController sidebar;
    private final WatchlistController watchlist;
    private final SignalsController signals;
    private final StatusBarController statusBar;
    private final Map<String, Long> tokens = new HashMap<>();
    private final Set<String> dismissed = new HashSet<>();
    private final int tableRefreshMillis;
    private ScannerConfig config;
    private SessionStarter starter;
    private ScannerSession session;
    private boolean ownsSession;
    private SnapshotRefresher refresher;
    private volatile long selectedToken;
    private boolean closed;
    private MainView view;

    /** @param config the configuration, or null when it could not be read (the window then says why) */
    public MainController(ScannerConfig config) {
        this.config = config;
        this.tableRefreshMillis = config == null ? 2000 : config.uiRefreshMillis();
        DataMode mode = config == null ? DataMode.STREAM : config.feed().mode();
        int poll = config == null ? 60 : config.feed().pollIntervalSeconds();
        sidebar = new SidebarController(mode, poll, new SidebarController.Handlers() {
            @Override
            public void onModeChosen(DataMode m) {
                switchMode(m);
            }

            @Override
            public void onReconnect() {
                reconnectSession();
            }
        });
        watchlist = new WatchlistController(this::onSymbolSelected);
        signals = new SignalsController(new SignalsController.Handlers() {
            @Override
            public void onSignalSelected(Signal signal) {
                onSymbolSelected(signal.symbol());
            }

            @Override
            public void onSignalOpened(Signal signal) {
                onSymbolSelected(signal.symbol());
            }
        });
        statusBar = new StatusBarController();
    }

    @Override
    public Parent root() {
        if (view == null) {
            view = new MainView(model, this, sidebar.root(), watchlist.root(), signals.root(), statusBar.root());
        }
        return view.root();
    }

    public MainModel model() {
        return model;
    }

    public SidebarController sidebar() {
        return sidebar;
    }

    public WatchlistController watchlist() {
        return watchlist;
    }

    public SignalsController signals() {
        return signals;
    }

    public StatusBarController statusBar() {
        return statusBar;
    }

    /** How to start a session (and restart it after a token fetch); without one the window only attaches. */
    public void setSessionStarter(SessionStarter starter) {
        this.starter = starter;
    }

    /** Starts a session off the FX thread with the current configuration; the window attaches when it runs. */
    public void startSession() {
        if (starter == null || config == null) {
            return;
        }
        ScannerConfig cfg = config;
        sidebar.showStarting("Starting the scanner…");
        Background.run("start the scanner", () -> starter.start(cfg), s -> {
            if (closed) {
                Background.run("close the scanner", s::close);
                return;
            }
            attach(s);
            ownsSession = true;
        }, e -> startFailed("Could not start: " + Dialogs.describe(e)));
    }

    /** Attaches a running session (FX thread): the refresher starts handing its snapshots to the panes. */
    public void attach(ScannerSession s) {
        detach();
        session = s;
        ownsSession = false;
        model.sessionRunning.set(true);
        clearBanner("start");
        refresher = new SnapshotRefresher(s, Math.min(FAST_REFRESH_MILLIS, tableRefreshMillis), tableRefreshMillis,
                () -> selectedToken, this::onSnapshot);
        onActivate();
    }

    /** The session could not start: the sidebar and a banner say so, with the one thing to do. */
    public void startFailed(String message) {
        sidebar.showNotConnected(message);
        boolean tokensMissing = message.contains("instrument_tokens") || message.contains("fetch-instruments");
        showBanner(new Banner("start", Banner.Kind.ERROR, message,
                tokensMissing ? "Fetch instrument tokens" : starter != null && config != null ? "Try again" : null,
                tokensMissing ? this::fetchInstruments : this::startSession));
    }

    @Override
    public void onActivate() {
        if (refresher != null) {
            refresher.start();
        }
    }

    @Override
    public void onDeactivate() {
        if (refresher != null) {
            refresher.close();
        }
    }

    /** Stops refreshing and forgets the session (it is not closed: see {@link #close()}). */
    public void detach() {
        onDeactivate();
        refresher = null;
        session = null;
        model.sessionRunning.set(false);
    }

    /** Detaches and closes the session if the window started it. Blocking: call on shutdown. */
    public void close() {
        closed = true;
        ScannerSession s = session;
        boolean owned = ownsSession;
        detach();
        if (s != null && owned) {
            s.close();
        }
    }

    /** One refresh: the same snapshot to every pane. */
    void onSnapshot(DashboardSnapshot snapshot) {
        if (session == null) {
            return;
        }
        if (snapshot.tablesDue()) {
            for (WatchRow r : snapshot.view().rows()) {
                tokens.putIfAbsent(r.symbol(), r.token());
            }
            if (selectedToken == 0 && !model.selectedSymbol.get().isEmpty() && tokens.containsKey(model.selectedSymbol.get())) {
                selectedToken = tokens.get(model.selectedSymbol.get());
                refresher.refreshNow(false);
            }
        }
        sidebar.onSnapshot(snapshot);
        watchlist.onSnapshot(snapshot);
        signals.onSnapshot(snapshot);
        statusBar.onSnapshot(snapshot);
        bannerFor(snapshot.view().status());
        if (snapshot.tablesDue()) {
            model.tableRefreshes.set(model.tableRefreshes.get() + 1);
        }
    }

    private void bannerFor(FeedStatus status) {
        if (status == null) {
            return;
        }
        if (status.state() == FeedState.TOKEN_EXPIRED) {
            showBanner(new Banner("status:token", Banner.Kind.ERROR,
                    "Kite refused the access token (it expires every morning at 06:00 IST). Log in again with"
                            + " ./scanner login, then press Reconnect.", "Reconnect", this::reconnect));
        } else if (status.state() == FeedState.ERROR) {
            showBanner(new Banner("status:error", Banner.Kind.ERROR, StatusLine.describe(status), "Reconnect", this::reconnect));
        } else {
            Banner b = model.banner.get();
            if (b != null && b.key().startsWith("status:")) {
                model.banner.set(null);
            }
            dismissed.removeIf(k -> k.startsWith("status:"));
        }
    }

    void showBanner(Banner banner) {
        Banner current = model.banner.get();
        if (dismissed.contains(banner.key()) || current != null && current.key().equals(banner.key())
                && current.message().equals(banner.message())) {
            return;
        }
        model.banner.set(banner);
    }

    void dismissBanner() {
        Banner b = model.banner.get();
        if (b != null) {
            dismissed.add(b.key());
            model.banner.set(null);
        }
    }

    private void clearBanner(String key) {
        Banner b = model.banner.get();
        if (b != null && b.key().equals(key)) {
            model.banner.set(null);
        }
        dismissed.remove(key);
    }

    /** The remembered or newly chosen symbol: its chart is read with each refresh from now on. */
    public void onSymbolSelected(String symbol) {
        if (symbol == null || symbol.equals(model.selectedSymbol.get()) && selectedToken != 0) {
            return;
        }
        model.selectedSymbol.set(symbol);
        Long token = tokens.get(symbol);
        selectedToken = token == null ? 0 : token;
        if (refresher != null && token != null) {
            refresher.refreshNow(false);
        }
    }

    void switchMode(DataMode mode) {
        ScannerSession s = session;
        if (s != null) {
            Background.run("switch mode", () -> s.switchMode(mode));
        }
    }

    /** A mode chosen from the menu or a shortcut: the same as clicking it in the sidebar. */
    void sidebarMode(DataMode mode) {
        sidebar.chooseMode(mode);
    }

    void reconnect() {
        sidebar.reconnect();
    }

    private void reconnectSession() {
        ScannerSession s = session;
        if (s != null) {
            Background.run("reconnect", s::reconnect);
        }
    }

    void fetchInstruments() {
        ScannerSession s = session;
        ScannerConfig cfg = config;
        if (s == null && cfg == null) {
            Dialogs.show(view == null ? null : view.root(), Alert.AlertType.WARNING, "fetchReport", "Instrument tokens",
                    "The configuration could not be read, so it is not known where to fetch from. Fix"
                            + " config/scanner.properties first (the banner says what is wrong).");
            return;
        }
        FetchProgress progress = FetchProgress.show(view == null ? null : view.root());
        Background.run("fetch instrument tokens", () -> {
            if (s != null) {
                return s.fetchInstruments();
            }
            List<String> lines = new ArrayList<>(InstrumentTokensFetch.run(cfg));
            if (starter != null) {
                lines.add("Starting the scanner with them…");
            }
            return lines;
        }, lines -> {
            progress.close();
            Dialogs.show(view.root(), Alert.AlertType.INFORMATION, "fetchReport", "Instrument tokens", String.join("\n", lines));
            if (s == null) {
                startSession();
            }
        }, e -> {
            progress.close();
            Dialogs.show(view.root(), Alert.AlertType.ERROR, "fetchReport", "Instrument tokens",
                    "Fetching instrument tokens failed: " + Dialogs.describe(e) + "\ninstrument_tokens.json was left as it was.");
        });
    }

    void quit() {
        Platform.exit();
    }

    void focusFilter() {
        watchlist.focusFilter();
    }
}

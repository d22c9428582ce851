package io.niftyscanner.ui.main;

import io.niftyscanner.alerts.AlertService;
import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.app.ScannerSession;
import io.niftyscanner.app.ScannerView;
import io.niftyscanner.app.StatusLine;
import io.niftyscanner.app.WatchRow;
import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.kite.UserProfile;
import io.niftyscanner.market.Signal;
import io.niftyscanner.orders.OrderTags;
import io.niftyscanner.orders.Role;
import io.niftyscanner.orders.TradingView;
import io.niftyscanner.ui.chart.ChartController;
import io.niftyscanner.ui.orders.OrdersController;
import io.niftyscanner.ui.trading.TradingController;
import io.niftyscanner.ui.fx.Background;
import io.niftyscanner.ui.fx.Controller;
import io.niftyscanner.ui.fx.Dialogs;
import io.niftyscanner.ui.sidebar.SidebarController;
import io.niftyscanner.ui.signals.SignalsController;
import io.niftyscanner.ui.status.StatusBarController;
import io.niftyscanner.ui.watchlist.WatchlistController;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.scene.Parent;

/**
 * The window's controller (Bisq 2's DashboardController): it creates the panes' controllers, hands their roots to its
 * view, owns the one {@link SnapshotRefresher} that gives every pane the same snapshot, and the session's lifecycle
 * (start, attach, restart after a login or new settings, close). Menu actions live in {@link WindowActions}.
 * Everything here runs on the FX thread; blocking work goes to {@link Background}.
 */
public final class MainController implements Controller {
    private static final int FAST_REFRESH_MILLIS = 500;

    /** Starts a scanner session for a configuration (blocking; called off the FX thread). */
    @FunctionalInterface
    public interface SessionStarter {
        ScannerSession start(ScannerConfig config) throws Exception;
    }

    private final MainModel model = new MainModel();
    private final Desktop desktop;
    private final SidebarController sidebar;
    private final WatchlistController watchlist;
    private final SignalsController signals;
    private final StatusBarController statusBar;
    private final ChartController chart;
    private final TradingController trading;
    private final OrdersController orders;
    private final WindowActions actions;
    private final Map<String, Long> tokens = new HashMap<>();
    private final Set<String> dismissed = new HashSet<>();
    private ScannerConfig config;
    private SessionStarter starter;
    private ScannerSession session;
    private ScannerView lastView;
    private boolean ownsSession;
    private SnapshotRefresher refresher;
    private volatile long selectedToken;
    private boolean closed;
    private MainView view;

    /** A window on the real desktop. @param config the configuration, or null when it could not be read */
    public MainController(ScannerConfig config) {
        this(config, Desktop.system(uri -> false));
    }

    public MainController(ScannerConfig config, Desktop desktop) {
        this.config = config;
        this.desktop = desktop;
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

            @Override
            public void onAlertSwitch(String channel, boolean on) {
                AlertService a = session == null ? null : session.alerts();
                if (a != null) {
                    a.mute(channel, !on);
                }
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
                chart.centreOn(signal.candleStartMillis());
            }
        });
        statusBar = new StatusBarController();
        chart = new ChartController();
        trading = new TradingController();
        orders = new OrdersController();
        actions = new WindowActions(this, desktop);
        model.lightTheme.addListener((o, was, is) -> chart.setLightTheme(is));
    }

    @Override
    public Parent root() {
        if (view == null) {
            sidebar.root();
            sidebar.addSection(trading.root());
            view = new MainView(model, this, actions, sidebar.root(), watchlist.root(), chart.root(), signals.root(), orders.root(),
                    statusBar.root());
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

    public ChartController chart() {
        return chart;
    }

    public TradingController trading() {
        return trading;
    }

    public OrdersController orders() {
        return orders;
    }

    public StatusBarController statusBar() {
        return statusBar;
    }

    ScannerSession session() {
        return session;
    }

    ScannerConfig config() {
        return config;
    }

    /** The newest snapshot the panes were given, or null before the first. */
    ScannerView lastView() {
        return lastView;
    }

    /** How to start a session (and restart it after a token fetch, a login or new settings). */
    public void setSessionStarter(SessionStarter starter) {
        this.starter = starter;
    }

    boolean canStartSessions() {
        return starter != null;
    }

    /** Starts a session off the FX thread with the current configuration; the window attaches when it runs. */
    public void startSession() {
        if (starter == null || config == null || closed) {
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

    /**
     * Stops the running session, reads the configuration again and starts a new session: after a login (new token in
     * .env) or saved settings. Without a way to start sessions it only says that the app must be restarted.
     */
    void restartSession(String why) {
        if (starter == null) {
            showBanner(new Banner("restart", Banner.Kind.INFO, why + " Restart the app to use it.", null, null));
            return;
        }
        ScannerSession old = session;
        boolean owned = ownsSession;
        detach();
        sidebar.showStarting(why + " Restarting the scanner…");
        Background.run("restart the scanner", () -> {
            if (old != null && owned) {
                old.close();
            }
            return ConfigLoader.load(desktop.baseDir(), desktop.env(), Map.of());
        }, cfg -> {
            config = cfg;
            sidebar.setPollInterval(cfg.feed().pollIntervalSeconds());
            showBanner(new Banner("restart", Banner.Kind.INFO, why, null, null));
            startSession();
        }, e -> startFailed(e instanceof ConfigException ? "Configuration problem: " + Secrets.redact(e.getMessage())
                : "Could not restart: " + Dialogs.describe(e)));
    }

    /** Attaches a running session (FX thread): the refresher starts handing its snapshots to the panes. */
    public void attach(ScannerSession s) {
        detach();
        session = s;
        ownsSession = false;
        model.sessionRunning.set(true);
        clearBanner("start");
        int tables = config == null ? 2000 : config.uiRefreshMillis();
        refresher = new SnapshotRefresher(s, Math.min(FAST_REFRESH_MILLIS, tables), tables, () -> selectedToken, this::onSnapshot);
        showAlertSwitches();
        trading.attach(s.trading(), accountOf(s));
        onActivate();
    }

    /** Who is logged in to Kite, for the live confirmation: blocking (a request to Kite), called off the FX thread. */
    private static Callable<String> accountOf(ScannerSession s) {
        if (!(s instanceof ScannerRuntime rt)) {
            return () -> "";
        }
        return () -> {
            UserProfile p = rt.rest().profile();
            return p.userName() == null || p.userName().isBlank() ? p.userId() : p.userId() + " (" + p.userName() + ")";
        };
    }

    /** Each signal's line says what became of its entry order. */
    private void showOrderStatuses(TradingView v) {
        if (v == null) {
            return;
        }
        for (TradingView.OrderRow o : v.orders()) {
            if (Role.ENTRY.name().equals(o.role())) {
                OrderTags.parse(o.tag()).ifPresent(p -> signals.setOrderStatus(p.signalKey(), o.status()));
            }
        }
    }

    /** The sidebar's Sound and Notifications as the alert service has them (the Alerts menu may have changed them). */
    private void showAlertSwitches() {
        AlertService a = session == null ? null : session.alerts();
        if (a == null) {
            sidebar.showAlertSwitches(SidebarController.AlertSwitches.NONE);
            return;
        }
        List<String> channels = a.channels();
        boolean all = a.isMuted(AlertService.ALL);
        sidebar.showAlertSwitches(new SidebarController.AlertSwitches(channels.contains("sound"), !all && !a.isMuted("sound"),
                channels.contains("notification"), !all && !a.isMuted("notification")));
    }

    /** The session could not start: the sidebar and a banner say so, with the one thing to do. */
    public void startFailed(String message) {
        sidebar.showNotConnected(message);
        if (message.contains("instrument_tokens") || message.contains("fetch-instruments")) {
            showBanner(new Banner("start", Banner.Kind.ERROR, message, "Fetch instrument tokens", actions::fetchInstruments));
        } else if (message.startsWith("Configuration problem")) {
            showBanner(new Banner("start", Banner.Kind.ERROR, message, "Open settings", actions::settings));
        } else {
            showBanner(new Banner("start", Banner.Kind.ERROR, message, starter != null && config != null ? "Try again" : null,
                    this::startSession));
        }
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
        trading.attach(null);
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
        lastView = snapshot.view();
        if (snapshot.tablesDue()) {
            for (WatchRow r : snapshot.view().rows()) {
                tokens.putIfAbsent(r.symbol(), r.token());
            }
            if (model.selectedSymbol.get().isEmpty() && !snapshot.view().rows().isEmpty()) {
                String first = snapshot.view().rows().get(0).symbol();
                onSymbolSelected(first);
                watchlist.select(first);
            }
            String wanted = model.selectedSymbol.get();
            if (selectedToken == 0 && !wanted.isEmpty() && tokens.containsKey(wanted)) {
                selectedToken = tokens.get(wanted);
                refresher.refreshNow(false);
            }
        }
        sidebar.onSnapshot(snapshot);
        if (snapshot.tablesDue()) {
            showAlertSwitches();
        }
        watchlist.onSnapshot(snapshot);
        signals.onSnapshot(snapshot);
        chart.onSnapshot(snapshot);
        trading.onSnapshot(snapshot);
        orders.onSnapshot(snapshot);
        if (snapshot.tablesDue()) {
            showOrderStatuses(snapshot.trading());
        }
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
                    "Kite refused the access token: it expires every morning at 06:00 IST. Log in again to continue.",
                    "Log in to Kite", actions::login));
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
        if (symbol == null || symbol.isEmpty() || symbol.equals(model.selectedSymbol.get()) && selectedToken != 0) {
            return;
        }
        model.selectedSymbol.set(symbol);
        chart.show(symbol);
        Long token = tokens.get(symbol);
        selectedToken = token == null ? 0 : token;
        if (refresher != null && token != null) {
            refresher.refreshNow(false);
        }
    }

    /** A mode chosen from the menu or a shortcut: the same as clicking it in the sidebar. */
    void sidebarMode(DataMode mode) {
        sidebar.chooseMode(mode);
    }

    void reconnect() {
        sidebar.reconnect();
    }

    private void switchMode(DataMode mode) {
        ScannerSession s = session;
        if (s != null) {
            Background.run("switch mode", () -> s.switchMode(mode));
        }
    }

    private void reconnectSession() {
        ScannerSession s = session;
        if (s != null) {
            Background.run("reconnect", s::reconnect);
        }
    }

    void focusFilter() {
        watchlist.focusFilter();
    }

    void toggleTheme() {
        model.lightTheme.set(!model.lightTheme.get());
    }

    /** Puts back what the window remembered: symbol, theme, split positions. */
    public void restore(WindowState state) {
        model.lightTheme.set("light".equals(state.text("theme", "dark")));
        String symbol = state.text("symbol", "");
        if (!symbol.isEmpty()) {
            onSymbolSelected(symbol);
            watchlist.select(symbol);
        }
        root();
        view.restoreSplits(state);
    }

    public void remember(WindowState state) {
        state.put("theme", model.lightTheme.get() ? "light" : "dark");
        state.put("symbol", model.selectedSymbol.get());
        if (view != null) {
            view.rememberSplits(state);
        }
    }
}

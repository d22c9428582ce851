package io.niftyscanner.ui.sidebar;

import io.niftyscanner.app.ScannerView;
import io.niftyscanner.app.StatusLine;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.ui.fx.Controller;
import io.niftyscanner.ui.main.DashboardSnapshot;
import java.util.function.Consumer;
import javafx.scene.Parent;

/**
 * The sidebar: exchange badge, data mode, status with the LIVE dot, Reconnect. The trader's choices go to the
 * handlers it was given; snapshots only update the model, so a refresh never echoes back as a user action.
 */
public final class SidebarController implements Controller {
    /** What the sidebar asks of the window. */
    public interface Handlers {
        void onModeChosen(DataMode mode);

        void onReconnect();

        /** Turns an alert channel ("sound", "notification") on or off for this session. */
        default void onAlertSwitch(String channel, boolean on) {}
    }

    /** The alert channels' state as the session's alert service has it. */
    public record AlertSwitches(boolean soundAvailable, boolean soundOn, boolean notificationsAvailable, boolean notificationsOn) {
        public static final AlertSwitches NONE = new AlertSwitches(false, false, false, false);
    }

    private final SidebarModel model = new SidebarModel();
    private final Handlers handlers;
    private SidebarView view;
    private long lastTicks = -1;

    public SidebarController(DataMode initialMode, int pollIntervalSeconds, Handlers handlers) {
        this.handlers = handlers;
        model.mode.set(initialMode);
        model.pollIntervalSeconds.set(pollIntervalSeconds);
    }

    @Override
    public Parent root() {
        if (view == null) {
            view = new SidebarView(model, this);
        }
        return view.root();
    }

    /** Adds a section (trading) under the status, above the alert switches. */
    public void addSection(javafx.scene.Node section) {
        root();
        view.extras().getChildren().add(section);
    }

    /** After a restart with new settings. */
    public void setPollInterval(int seconds) {
        model.pollIntervalSeconds.set(seconds);
    }

    public SidebarModel model() {
        return model;
    }

    public void onSnapshot(DashboardSnapshot snapshot) {
        ScannerView v = snapshot.view();
        model.connected.set(true);
        model.exchangeLabel.set(v.exchangeLabel());
        model.sandbox.set(v.sandbox());
        FeedStatus status = v.status();
        if (status != null) {
            model.mode.set(status.mode());
            model.state.set(status.state());
            model.stateTitle.set(title(status.state()));
            model.stateDetail.set(StatusLine.describe(status));
        }
        if (status != null && status.state() == FeedState.LIVE && v.ticks() != lastTicks) {
            model.beat.set(!model.beat.get());
        }
        lastTicks = v.ticks();
    }

    /** Shows the alert switches as the alert service has them (after an attach, or after the Alerts menu changed them). */
    public void showAlertSwitches(AlertSwitches a) {
        model.soundAvailable.set(a.soundAvailable());
        model.soundOn.set(a.soundOn());
        model.notificationsAvailable.set(a.notificationsAvailable());
        model.notificationsOn.set(a.notificationsOn());
    }

    void onSoundChosen(boolean on) {
        model.soundOn.set(on);
        handlers.onAlertSwitch("sound", on);
    }

    void onNotificationsChosen(boolean on) {
        model.notificationsOn.set(on);
        handlers.onAlertSwitch("notification", on);
    }

    /** The session could not start (or stopped): the sidebar says so in plain words. */
    public void showNotConnected(String detail) {
        model.connected.set(false);
        model.state.set(FeedState.ERROR);
        model.stateTitle.set(title(FeedState.ERROR));
        model.stateDetail.set(detail);
        model.exchangeLabel.set("Not connected");
        model.sandbox.set(false);
    }

    /** The session is (re)starting. */
    public void showStarting(String detail) {
        model.connected.set(false);
        model.state.set(FeedState.INITIALIZING);
        model.stateTitle.set(title(FeedState.INITIALIZING));
        model.stateDetail.set(detail);
    }

    /** The trader chose a mode elsewhere (menu, shortcut): as if clicked here. */
    public void chooseMode(DataMode mode) {
        onModeChosen(mode);
    }

    void onModeChosen(DataMode mode) {
        if (mode != model.mode.get()) {
            model.mode.set(mode);
            handlers.onModeChosen(mode);
        }
    }

    /** Reconnect asked for elsewhere (menu, F5, a banner). */
    public void reconnect() {
        onReconnect();
    }

    void onReconnect() {
        model.stateDetail.set("Reconnecting on request…");
        handlers.onReconnect();
    }

    /** The state in the trader's words. */
    static String title(FeedState state) {
        switch (state) {
            case LIVE:
                return "LIVE";
            case POLLING:
                return "Polling";
            case RECONNECTING:
                return "Reconnecting";
            case MARKET_CLOSED:
                return "Market closed";
            case TOKEN_EXPIRED:
                return "Login needed";
            case ERROR:
                return "Not connected";
            default:
                return "Starting";
        }
    }

    static String modeLabel(DataMode mode, int pollSeconds) {
        switch (mode) {
            case POLL:
                return "HTTP polling (" + pollSeconds + " s)";
            case STREAM:
                return "WebSocket streaming (<1 s)";
            default:
                return "Auto (hybrid)";
        }
    }
}

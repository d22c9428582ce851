package io.niftyscanner.ui.trading;

import io.niftyscanner.orders.LiveGate;
import io.niftyscanner.orders.TradingControl;
import io.niftyscanner.orders.TradingView;
import io.niftyscanner.ui.Formats;
import io.niftyscanner.ui.fx.Background;
import io.niftyscanner.ui.fx.Controller;
import io.niftyscanner.ui.fx.Dialogs;
import io.niftyscanner.ui.main.DashboardSnapshot;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Parent;
import javafx.scene.control.Alert;

/**
 * Auto-trade: Off, Paper (Sandbox on the sandbox exchange) or Live. Live comes only through the confirmation dialog,
 * which names the account, the limits and what will happen, and asks for the Kite user id; Cancel leaves paper on.
 * Shows the loss breaker and offers Stop trading (cancel, square off, no new entries) and Resume.
 */
public final class TradingController implements Controller {
    private final TradingModel model = new TradingModel();
    private TradingControl control = TradingControl.NONE;
    private Callable<String> account = () -> "";
    private TradingSection view;
    private LiveConfirmation liveDialog;
    /** Snapshots that may still predate a choice before the switch follows the executor again regardless. */
    private static final int PATIENCE_SNAPSHOTS = 100;

    /** The trader's latest choice until a snapshot shows the executor has taken it (null: nothing pending). */
    private TradingModel.Position chosen;
    private int snapshotsSinceChoice;

    @Override
    public Parent root() {
        if (view == null) {
            view = new TradingSection(model, this);
        }
        return view.root();
    }

    public TradingModel model() {
        return model;
    }

    /** The session's trading controls (NONE before a session runs). */
    public void attach(TradingControl control) {
        attach(control, () -> "");
    }

    /**
     * @param account who is logged in to Kite ("AB1234 (A. Trader)"), blocking: read off the FX thread when the live
     *                confirmation opens
     */
    public void attach(TradingControl control, Callable<String> account) {
        this.control = control == null ? TradingControl.NONE : control;
        this.account = account == null ? () -> "" : account;
        model.available.set(this.control != TradingControl.NONE);
    }

    public void onSnapshot(DashboardSnapshot snapshot) {
        TradingView v = snapshot.trading();
        if (v == null) {
            return;
        }
        model.sandbox.set("SANDBOX".equals(v.venue()) || control.mode() == LiveGate.Mode.SANDBOX);
        TradingModel.Position shown = !v.autoTrade() ? TradingModel.Position.OFF
                : "LIVE".equals(v.mode()) ? TradingModel.Position.LIVE : TradingModel.Position.PAPER;
        // a snapshot taken before the trader's choice reached the executor must not flip the switch back
        if (chosen == null || chosen == shown || ++snapshotsSinceChoice > PATIENCE_SNAPSHOTS) {
            chosen = null;
            model.position.set(shown);
            model.where.set(v.autoTrade() ? "Orders go to " + where(v.mode()) : "Signals only: no orders");
        }
        TradingView.Breaker b = v.breaker();
        model.breakerTripped.set(b.tripped());
        model.breaker.set(b.tripped() ? "Breaker tripped at " + Formats.time(b.timeMillis()) + ": " + b.reason()
                : String.format(Locale.ROOT, "Breaker OK · day's loss limit ₹%,.0f · net ₹%,.2f", b.lossLimit(), v.net()));
        model.entryBlock.set(v.entryBlock());
        model.stopped.set(!v.entryBlock().isEmpty() && !b.tripped());
    }

    private static String where(String mode) {
        switch (mode) {
            case "LIVE":
                return "your Kite account (LIVE, real money)";
            case "SANDBOX":
                return "the sandbox exchange's book";
            default:
                return "paper (simulated fills, no real orders)";
        }
    }

    private void choose(TradingModel.Position position) {
        chosen = position;
        snapshotsSinceChoice = 0;
        model.position.set(position);
    }

    void onOff() {
        choose(TradingModel.Position.OFF);
        control.setAutoTrade(false);
    }

    void onPaper() {
        if (model.position.get() == TradingModel.Position.LIVE) {
            view.select(TradingModel.Position.LIVE);
            Dialogs.show(view.root(), Alert.AlertType.INFORMATION, "liveStays", "Live trading",
                    "Live trading lasts until the app closes. Choose Off to stop new orders, or Stop trading to also close"
                            + " what is open.");
            return;
        }
        choose(TradingModel.Position.PAPER);
        control.setAutoTrade(true);
    }

    void onLive() {
        TradingModel.Position before = model.position.get();
        String why = control.whyNotLive();
        if (!why.isEmpty()) {
            view.select(before);
            Dialogs.show(view.root(), Alert.AlertType.INFORMATION, "liveRefused", "Live trading is not available",
                    "No live orders: " + why + ".");
            return;
        }
        TradingControl c = control;
        Runnable cancelled = () -> view.select(before == TradingModel.Position.LIVE ? TradingModel.Position.PAPER : before);
        Background.run("read the Kite account", account,
                who -> openLiveDialog(c, "Account: " + (who.isEmpty() ? "the logged-in Kite account" : who) + " on Zerodha Kite.",
                        cancelled),
                e -> openLiveDialog(c, "Account: could not be read from Kite (" + Dialogs.describe(e)
                        + "); the user id you type is checked before anything goes live.", cancelled));
    }

    private void openLiveDialog(TradingControl c, String accountLine, Runnable cancelled) {
        if (c != control) {
            cancelled.run(); // the session changed meanwhile
            return;
        }
        liveDialog = LiveConfirmation.show(view.root(), accountLine + "\n\n" + c.liveConfirmationText(), this::confirm, cancelled);
    }

    private void confirm(String typed) {
        TradingControl c = control;
        LiveConfirmation dialog = liveDialog;
        Background.run("confirm live trading", () -> c.confirmLive(typed), result -> {
            if (result.confirmed()) {
                c.setAutoTrade(true);
                choose(TradingModel.Position.LIVE);
                dialog.close();
            } else {
                dialog.refused(result.message());
            }
        }, e -> dialog.refused("Could not confirm: " + Dialogs.describe(e)));
    }

    void onStopTrading() {
        StopConfirmation.show(view.root(), () -> control.stopTrading("stopped by the trader in the window"));
    }

    void onResume() {
        control.resumeTrading();
    }
}

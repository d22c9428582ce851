package io.niftyscanner.ui.alerts;

import io.niftyscanner.alerts.Alert;
import io.niftyscanner.alerts.AlertChannel;
import io.niftyscanner.alerts.Delivery;
import io.niftyscanner.market.Side;
import io.niftyscanner.ui.FxThread;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The in-window notification: a ControlsFX popup at the window's top right, green arrow up for BUY, red arrow down for
 * SELL, gone after 10 s. Past four on screen at once they collapse into one "several signals" note.
 */
public final class WindowAlertChannel implements AlertChannel {
    public static final String NAME = "window";
    static final int THRESHOLD = 4;
    private final Window owner;

    public WindowAlertChannel(Window owner) {
        this.owner = owner;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Delivery deliver(Alert alert) {
        FxThread.run(() -> show(alert));
        return Delivery.OK;
    }

    private void show(Alert alert) {
        boolean buy = alert.side() == Side.BUY;
        Label arrow = new Label(buy ? "▲" : "▼");
        arrow.getStyleClass().add(buy ? "alert-buy" : "alert-sell");
        arrow.setStyle("-fx-font-size: 22px;"); // its colour: .alert-buy / .alert-sell in the theme
        Notifications.create().owner(owner).position(Pos.TOP_RIGHT).hideAfter(Duration.seconds(10))
                .title(alert.title()).text(alert.body()).graphic(arrow)
                .threshold(THRESHOLD, Notifications.create().owner(owner).position(Pos.TOP_RIGHT).hideAfter(Duration.seconds(10))
                        .title("Several signals").text("More signals than fit here: see the Signals table."))
                .show();
    }

    /** A one-off note about the alerts themselves (no audio device, Telegram refusing the token). */
    void notice(String text) {
        FxThread.run(() -> Notifications.create().owner(owner).position(Pos.TOP_RIGHT).hideAfter(Duration.seconds(15))
                .title("Alerts").text(text).showWarning());
    }
}

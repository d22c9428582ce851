package io.niftyscanner.ui.trading;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** "Stop trading?": says what it does before it does it. */
final class StopConfirmation {
    private StopConfirmation() {}

    static void show(Node anchor, Runnable stop) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.setTitle("Stop trading");
        alert.setHeaderText("Stop trading now?");
        alert.setContentText("Every pending order is cancelled, every open position is squared off at the market, and no new"
                + " entries are made until you press Resume. Signals keep coming.");
        alert.getDialogPane().setId("stopConfirm");
        ButtonType stopNow = new ButtonType("Stop trading", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(stopNow, ButtonType.CANCEL);
        if (anchor != null && anchor.getScene() != null) {
            alert.initOwner(anchor.getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(anchor.getScene().getStylesheets());
        }
        alert.show();
        alert.resultProperty().addListener((o, was, is) -> {
            if (is == stopNow) {
                stop.run();
            }
        });
    }
}

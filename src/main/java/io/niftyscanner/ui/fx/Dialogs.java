package io.niftyscanner.ui.fx;

import io.niftyscanner.config.Secrets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Message dialogs that say what happened and the one thing to do. Never a stack trace: messages are redacted
 * (no secrets) and shown as text the trader can select and copy.
 */
public final class Dialogs {
    private Dialogs() {}

    public static Alert show(Node anchor, Alert.AlertType type, String id, String header, String text) {
        Alert alert = new Alert(type, "", ButtonType.OK);
        alert.setTitle("NIFTY Scanner");
        alert.setHeaderText(header);
        alert.setContentText(Secrets.redact(text));
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setMinWidth(460);
        alert.getDialogPane().lookupAll(".content").forEach(n -> {
            if (n instanceof Label) {
                ((Label) n).setWrapText(true);
            }
        });
        Window owner = anchor == null || anchor.getScene() == null ? null : anchor.getScene().getWindow();
        if (owner != null) {
            alert.initOwner(owner);
            alert.getDialogPane().getStylesheets().setAll(anchor.getScene().getStylesheets());
        }
        alert.show();
        return alert;
    }

    /** A short, safe description of a failure: its message (redacted), or its type when it has none. */
    public static String describe(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        return Secrets.redact(msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg);
    }
}

package io.niftyscanner.ui.trading;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/** The live-trading confirmation: what will happen with real money, and the Kite user id typed to confirm. */
final class LiveConfirmation {
    private final Stage stage = new Stage();
    private final Label message = new Label();
    private final Button go = new Button("Go live");
    private boolean decided;

    private LiveConfirmation(String text, Consumer<String> onConfirm, Runnable onCancel) {
        Label title = new Label("Live trading with real money");
        title.getStyleClass().add("live-title");
        Label body = new Label(text);
        body.setId("liveText");
        body.setWrapText(true);
        TextField userId = new TextField();
        userId.setId("liveUserId");
        userId.setPromptText("Kite user id (e.g. AB1234)");
        message.setId("liveMessage");
        message.setWrapText(true);
        message.getStyleClass().add("settings-error");
        go.setId("liveGo");
        go.getStyleClass().add("live-go");
        go.disableProperty().bind(userId.textProperty().isEmpty());
        go.setOnAction(e -> {
            message.setText("Checking the account with Kite…");
            onConfirm.accept(userId.getText().trim());
        });
        Button cancel = new Button("Cancel: stay on paper");
        cancel.setId("liveCancel");
        cancel.setCancelButton(true);
        cancel.setDefaultButton(true);
        cancel.setOnAction(e -> {
            decided = true;
            stage.close();
            onCancel.run();
        });
        stage.setOnHidden(e -> {
            if (!decided) {
                decided = true;
                onCancel.run();
            }
        });
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(10, spring, cancel, go);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, title, body, new Label("Type the Kite user id of the logged-in account to confirm:"), userId,
                message, buttons);
        root.setId("liveConfirm");
        root.setPadding(new Insets(16));
        root.getStyleClass().addAll("dialog-body", "live-confirm");
        root.setPrefWidth(580);
        stage.setScene(new Scene(root));
        stage.setTitle("Go live?");
    }

    static LiveConfirmation show(Node anchor, String text, Consumer<String> onConfirm, Runnable onCancel) {
        LiveConfirmation d = new LiveConfirmation(text, onConfirm, onCancel);
        if (anchor != null && anchor.getScene() != null) {
            d.stage.initOwner(anchor.getScene().getWindow());
            d.stage.initModality(Modality.WINDOW_MODAL);
            d.stage.getScene().getStylesheets().setAll(anchor.getScene().getStylesheets());
        }
        d.stage.show();
        return d;
    }

    /** Live trading is on: closes without counting as a cancel. */
    void close() {
        decided = true;
        stage.close();
    }

    void refused(String why) {
        message.setText(why);
    }
}

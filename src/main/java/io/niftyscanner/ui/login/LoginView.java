package io.niftyscanner.ui.login;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/** The login window: what the login is doing, the result, Try again and Cancel. */
final class LoginView {
    private final Stage stage = new Stage();
    private boolean ownerSet;

    LoginView(LoginController.Model model, LoginController controller) {
        Label intro = new Label("Log in on the Kite page that opens in your browser. This window waits for Kite to send you"
                + " back, stores the day's access token in .env and restarts the scanner with it.");
        intro.setWrapText(true);
        ListView<String> lines = new ListView<>(model.lines);
        lines.setId("loginLines");
        lines.setPrefHeight(160);
        VBox.setVgrow(lines, Priority.ALWAYS);
        Label result = new Label();
        result.setId("loginResult");
        result.setWrapText(true);
        result.textProperty().bind(model.result);
        model.failed.addListener((o, was, is) -> result.getStyleClass().setAll("label", is ? "settings-error" : "settings-note"));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(model.running);
        Button retry = new Button("Try again");
        retry.setId("loginRetry");
        retry.disableProperty().bind(model.running);
        retry.setOnAction(e -> controller.onRetry());
        Button cancel = new Button("Cancel");
        cancel.setId("loginCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> controller.onCancel());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(10, spinner, result, spring, retry, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.SOMETIMES);
        VBox root = new VBox(10, intro, lines, buttons);
        root.setId("loginDialog");
        root.setPadding(new Insets(14));
        root.getStyleClass().add("dialog-body");
        stage.setScene(new Scene(root, 620, 320));
        stage.setTitle("Log in to Kite");
        stage.setOnCloseRequest(e -> controller.onCancel());
    }

    void show(Node anchor) {
        if (!ownerSet && anchor != null && anchor.getScene() != null) {
            stage.initOwner(anchor.getScene().getWindow());
            stage.initModality(Modality.WINDOW_MODAL);
            stage.getScene().getStylesheets().setAll(anchor.getScene().getStylesheets());
            ownerSet = true;
        }
        stage.show();
        stage.toFront();
    }

    void close() {
        stage.close();
    }
}

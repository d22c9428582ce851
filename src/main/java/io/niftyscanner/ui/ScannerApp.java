package io.niftyscanner.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop app. */
public final class ScannerApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(ScannerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("NIFTY Scanner"));
        stage.setTitle("NIFTY Scanner");
        stage.setScene(new Scene(root, 1100, 700));
        stage.show();
    }
}

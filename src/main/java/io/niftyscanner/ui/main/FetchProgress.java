package io.niftyscanner.ui.main;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.scene.Scene;

/** A small window that shows a token fetch is under way (the download takes a few seconds). */
final class FetchProgress {
    private final Stage stage;

    private FetchProgress(Stage stage) {
        this.stage = stage;
    }

    static FetchProgress show(Node anchor) {
        Stage stage = new Stage(StageStyle.UTILITY);
        Label text = new Label("Downloading the instrument list and picking the NIFTY 50 tokens…");
        text.setWrapText(true);
        ProgressBar bar = new ProgressBar(-1);
        bar.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(12, text, bar);
        box.setPadding(new Insets(16));
        box.setId("fetchProgress");
        box.getStyleClass().add("dialog-body");
        Scene scene = new Scene(box, 420, 110);
        if (anchor != null && anchor.getScene() != null) {
            stage.initOwner(anchor.getScene().getWindow());
            stage.initModality(Modality.WINDOW_MODAL);
            scene.getStylesheets().setAll(anchor.getScene().getStylesheets());
        }
        stage.setTitle("Fetching instrument tokens");
        stage.setScene(scene);
        stage.show();
        return new FetchProgress(stage);
    }

    void close() {
        stage.close();
    }
}

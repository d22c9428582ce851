package io.niftyscanner.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;

/** The export window: what, which days, where; Export and Close. */
final class ExportView {
    private final Stage stage = new Stage();

    ExportView(ExportController.Model model, ExportController controller) {
        ChoiceBox<String> what = new ChoiceBox<>();
        what.setId("exportWhat");
        what.getItems().setAll(List.of("signals", "orders", "trades"));
        what.setValue(model.what.get());
        what.setOnAction(e -> controller.onWhatChosen(what.getValue()));
        DatePicker from = new DatePicker();
        from.setId("exportFrom");
        from.valueProperty().bindBidirectional(model.from);
        DatePicker to = new DatePicker();
        to.setId("exportTo");
        to.valueProperty().bindBidirectional(model.to);
        TextField out = new TextField();
        out.setId("exportFile");
        out.textProperty().bindBidirectional(model.out);
        HBox.setHgrow(out, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export " + model.what.get() + " to");
            Path current = Path.of(model.out.get());
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            chooser.setInitialFileName(current.getFileName() == null ? "" : current.getFileName().toString());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File picked = chooser.showSaveDialog(stage);
            if (picked != null) {
                model.out.set(picked.getAbsolutePath());
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Export"), what);
        grid.addRow(1, new Label("From"), from);
        grid.addRow(2, new Label("To"), to);
        grid.addRow(3, new Label("File"), new HBox(8, out, browse));
        GridPane.setHgrow(grid.getChildren().get(grid.getChildren().size() - 1), Priority.ALWAYS);

        Label message = new Label();
        message.setId("exportMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.message);
        model.error.addListener((o, was, is) -> message.getStyleClass().setAll("label", is ? "settings-error" : "settings-note"));
        Button export = new Button("Export");
        export.setId("exportRun");
        export.setDefaultButton(true);
        export.disableProperty().bind(model.busy.or(model.out.isEmpty()));
        export.setOnAction(e -> controller.onExport());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> controller.onClose());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(10, spring, export, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, new Label("Days are IST trading days; empty dates mean everything in the journal."), grid,
                message, buttons);
        root.setId("exportDialog");
        root.setPadding(new Insets(14));
        root.getStyleClass().add("dialog-body");
        stage.setScene(new Scene(root, 620, 300));
        stage.setTitle("Export CSV");
    }

    void show(Node anchor) {
        if (anchor != null && anchor.getScene() != null) {
            stage.initOwner(anchor.getScene().getWindow());
            stage.initModality(Modality.WINDOW_MODAL);
            stage.getScene().getStylesheets().setAll(anchor.getScene().getStylesheets());
        }
        stage.show();
    }

    void close() {
        stage.close();
    }
}

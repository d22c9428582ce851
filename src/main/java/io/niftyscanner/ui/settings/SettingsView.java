package io.niftyscanner.ui.settings;

import java.util.Locale;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/** The settings window: one field per key, grouped by the file's sections, with the file's own comments as help. */
final class SettingsView {
    private static final Set<String> BOOLEAN_VALUES = Set.of("true", "false");
    private final Stage stage = new Stage();

    SettingsView(SettingsModel model, SettingsController controller) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(8, 14, 8, 14));
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(230);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, values);
        int row = 0;
        String section = null;
        for (SettingItem item : model.items) {
            if (!item.entry.section().equals(section)) {
                section = item.entry.section();
                Label heading = new Label(section.toUpperCase(Locale.ROOT));
                heading.getStyleClass().add("section");
                grid.add(heading, 0, row++, 2, 1);
            }
            Label key = new Label(item.key());
            key.getStyleClass().add("setting-key");
            Control field = field(item);
            field.setId("setting-" + item.key().replace('.', '-'));
            grid.add(key, 0, row);
            grid.add(field, 1, row++);
            if (!item.entry.help().isEmpty()) {
                Label help = new Label(item.entry.help());
                help.setWrapText(true);
                help.getStyleClass().add("setting-help");
                grid.add(help, 1, row++);
            }
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label file = new Label();
        file.textProperty().bind(model.file);
        file.getStyleClass().add("setting-help");
        Label message = new Label();
        message.setId("settingsMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.message);
        model.error.addListener((o, was, is) -> message.getStyleClass().setAll("label", is ? "settings-error" : "settings-note"));
        message.getStyleClass().setAll("label", model.error.get() ? "settings-error" : "settings-note");

        Button save = new Button("Save");
        save.setId("settingsSave");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busy);
        save.setOnAction(e -> controller.onSave());
        Button cancel = new Button("Cancel");
        cancel.setId("settingsCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> controller.close());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(10, message, spring, save, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.SOMETIMES);
        VBox root = new VBox(8, file, scroll, buttons);
        root.setPadding(new Insets(12));
        root.setId("settingsDialog");
        root.getStyleClass().add("dialog-body");
        Scene scene = new Scene(root, 760, 640);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                controller.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle("Settings");
    }

    private static Control field(SettingItem item) {
        String value = item.value.get().toLowerCase(Locale.ROOT);
        if (item.key().equals("mode") || item.key().equals("orders.product") || BOOLEAN_VALUES.contains(value)) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(item.key().equals("mode") ? java.util.List.of("stream", "poll", "hybrid")
                    : item.key().equals("orders.product") ? java.util.List.of("MIS", "CNC", "NRML") : java.util.List.of("true", "false"));
            box.setEditable(false);
            box.setValue(item.value.get());
            box.valueProperty().addListener((o, was, is) -> item.value.set(is));
            return box;
        }
        TextField text = new TextField();
        text.textProperty().bindBidirectional(item.value);
        text.setMaxWidth(Double.MAX_VALUE);
        return text;
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

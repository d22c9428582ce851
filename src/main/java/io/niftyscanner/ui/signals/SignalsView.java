package io.niftyscanner.ui.signals;

import io.niftyscanner.ui.Formats;
import io.niftyscanner.ui.fx.Cells;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The signals table beside the "why" view of the selected signal. */
final class SignalsView {
    private final SplitPane root;

    SignalsView(SignalsModel model, SignalsController controller) {
        TableView<SignalItem> table = new TableView<>();
        SortedList<SignalItem> sorted = new SortedList<>(model.items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("signals");
        table.setPlaceholder(new Label("No signals yet. One appears when a 5-minute candle closes with an EMA crossover"
                + " and RSI in its band (see Help > Troubleshooting)."));
        table.getColumns().add(Cells.text("Time", 70, (SignalItem i) -> Formats.time(i.signal.timeMillis())));
        table.getColumns().add(Cells.text("Symbol", 95, i -> i.signal.symbol()));
        TableColumn<SignalItem, String> side = Cells.text("Side", 50, i -> i.signal.side().name());
        Cells.styled(side, s -> s.equals("BUY") ? "buy" : "sell");
        table.getColumns().add(side);
        table.getColumns().add(number("Price", 80, i -> i.signal.priceRupees(), 2));
        table.getColumns().add(number("RSI", 50, i -> i.signal.rsi(), 1));
        TableColumn<SignalItem, String> ema = Cells.text("EMA", 145, i -> Formats.price(i.signal.emaFast()) + " / " + Formats.price(i.signal.emaSlow()));
        ema.textProperty().bind(model.emaTitle);
        ema.getStyleClass().add("numeric");
        table.getColumns().add(ema);
        table.getColumns().add(number("Stop", 80, i -> i.signal.stop(), 2));
        table.getColumns().add(number("Target", 80, i -> i.signal.target(), 2));
        table.getColumns().add(Cells.bound("Order", 80, (SignalItem i) -> i.orderStatus));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> controller.onSelected(is));
        table.setRowFactory(t -> {
            TableRow<SignalItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    controller.onOpened(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                controller.onOpened(table.getSelectionModel().getSelectedItem());
            }
        });

        Label title = new Label("SIGNALS");
        title.getStyleClass().add("section");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(6, title, table);
        left.setPadding(new Insets(8));

        root = new SplitPane(left, why(model));
        root.setOrientation(Orientation.HORIZONTAL);
        root.setDividerPositions(0.7);
        root.setId("signalsSplit");
    }

    Parent root() {
        return root;
    }

    private static TableColumn<SignalItem, Number> number(String title, double width,
                                                          java.util.function.ToDoubleFunction<SignalItem> value, int decimals) {
        TableColumn<SignalItem, Number> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyDoubleWrapper(value.applyAsDouble(cd.getValue())));
        Cells.numeric(c, n -> decimals == 2 ? Formats.price(n.doubleValue()) : Formats.number(n.doubleValue(), decimals));
        return c;
    }

    private static Parent why(SignalsModel model) {
        Label title = new Label("WHY");
        title.getStyleClass().add("section");
        Label heading = new Label("Select a signal to see why it fired.");
        heading.setId("whyTitle");
        heading.getStyleClass().add("why-title");
        heading.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setId("why");
        model.explanation.addListener((o, was, is) -> {
            grid.getChildren().clear();
            heading.setText(is == null ? "Select a signal to see why it fired." : is.title());
            if (is == null) {
                return;
            }
            int r = 0;
            for (SignalExplanation.Line line : is.lines()) {
                Label label = new Label(line.label());
                label.getStyleClass().add("why-label");
                Label value = new Label((line.met() == null ? "" : line.met() ? "✔ " : "✘ ") + line.value());
                value.setId(line.id());
                value.setWrapText(true);
                value.getStyleClass().add(line.met() == null ? "why-value" : line.met() ? "why-met" : "why-unmet");
                grid.addRow(r++, label, value);
            }
        });
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("why-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(6, title, heading, scroll);
        box.setPadding(new Insets(8));
        box.setMinWidth(220);
        return box;
    }
}

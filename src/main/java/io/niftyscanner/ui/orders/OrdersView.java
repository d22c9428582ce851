package io.niftyscanner.ui.orders;

import io.niftyscanner.orders.TradingView;
import io.niftyscanner.ui.Formats;
import io.niftyscanner.ui.fx.Cells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Positions and open orders side by side, the day's fills below, the day's totals on top. */
final class OrdersView {
    private final VBox root;

    OrdersView(OrdersModel model) {
        Label summary = new Label();
        summary.setId("ordersSummary");
        summary.textProperty().bind(model.summary);
        summary.getStyleClass().add("why-title");
        Label charges = new Label();
        charges.setId("ordersCharges");
        charges.textProperty().bind(model.charges);
        charges.getStyleClass().add("status-detail");

        TableView<OrdersModel.PositionItem> positions = new TableView<>();
        SortedList<OrdersModel.PositionItem> sortedPositions = new SortedList<>(model.positions);
        sortedPositions.comparatorProperty().bind(positions.comparatorProperty());
        positions.setItems(sortedPositions);
        positions.setId("positions");
        positions.setPlaceholder(new Label("No positions today."));
        positions.getColumns().add(Cells.text("Symbol", 95, OrdersModel.PositionItem::symbol));
        TableColumn<OrdersModel.PositionItem, Number> qty = Cells.bound("Qty", 55, p -> p.quantity);
        Cells.numeric(qty, n -> String.valueOf(n.longValue()));
        positions.getColumns().add(qty);
        positions.getColumns().add(money("Avg", p -> p.average));
        positions.getColumns().add(money("LTP", p -> p.last));
        TableColumn<OrdersModel.PositionItem, Number> realised = Cells.bound("Realised", 85, p -> p.realised);
        Cells.flashing(realised, n -> Formats.price(n.doubleValue()), true);
        positions.getColumns().add(realised);
        TableColumn<OrdersModel.PositionItem, Number> mtm = Cells.bound("MTM", 85, p -> p.unrealised);
        Cells.flashing(mtm, n -> Formats.price(n.doubleValue()), true);
        positions.getColumns().add(mtm);
        positions.getColumns().add(money("Charges", p -> p.charges));
        positions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableView<OrdersModel.OrderItem> open = new TableView<>();
        SortedList<OrdersModel.OrderItem> sortedOpen = new SortedList<>(model.openOrders);
        sortedOpen.comparatorProperty().bind(open.comparatorProperty());
        open.setItems(sortedOpen);
        open.setId("openOrders");
        open.setPlaceholder(new Label("No open orders."));
        open.getColumns().add(order("Time", 65, r -> Formats.time(r.timeMillis())));
        open.getColumns().add(order("Symbol", 90, TradingView.OrderRow::symbol));
        TableColumn<OrdersModel.OrderItem, String> side = order("Side", 45, TradingView.OrderRow::side);
        Cells.styled(side, s -> s.equals("BUY") ? "buy" : "sell");
        open.getColumns().add(side);
        open.getColumns().add(order("Role", 55, TradingView.OrderRow::role));
        open.getColumns().add(order("Type", 55, TradingView.OrderRow::orderType));
        open.getColumns().add(order("Qty", 45, r -> r.filledQuantity() + "/" + r.quantity()));
        open.getColumns().add(order("Price", 70, r -> r.price() > 0 ? Formats.price(r.price()) : r.triggerPrice() > 0
                ? "trg " + Formats.price(r.triggerPrice()) : "MKT"));
        open.getColumns().add(order("Status", 90, TradingView.OrderRow::status));
        open.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableView<TradingView.FillRow> fills = new TableView<>(model.fills);
        fills.setId("fills");
        fills.setPlaceholder(new Label("No fills today."));
        fills.getColumns().add(Cells.text("Time", 70, (TradingView.FillRow f) -> Formats.time(f.timeMillis())));
        fills.getColumns().add(Cells.text("Symbol", 95, TradingView.FillRow::symbol));
        TableColumn<TradingView.FillRow, String> fillSide = Cells.text("Side", 45, TradingView.FillRow::side);
        Cells.styled(fillSide, s -> s.equals("BUY") ? "buy" : "sell");
        fills.getColumns().add(fillSide);
        fills.getColumns().add(Cells.text("Qty", 50, f -> String.valueOf(f.quantity())));
        fills.getColumns().add(Cells.text("Price", 80, f -> Formats.price(f.price())));
        fills.getColumns().add(Cells.text("Charges", 75, f -> Formats.price(f.charges())));
        fills.getColumns().add(Cells.text("Realised", 85, f -> f.realised() == 0 ? "" : Formats.price(f.realised())));
        fills.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        SplitPane top = new SplitPane(titled("POSITIONS", positions), titled("OPEN ORDERS", open));
        top.setId("ordersSplit");
        SplitPane split = new SplitPane(top, titled("FILLS", fills));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(4, summary, charges, split);
        root.setPadding(new Insets(8));
        root.setId("ordersPane");
    }

    Parent root() {
        return root;
    }

    private static TableColumn<OrdersModel.PositionItem, Number> money(String title,
            java.util.function.Function<OrdersModel.PositionItem, javafx.beans.value.ObservableValue<Number>> p) {
        TableColumn<OrdersModel.PositionItem, Number> c = Cells.bound(title, 75, p);
        Cells.numeric(c, n -> Formats.price(n.doubleValue()));
        return c;
    }

    private static TableColumn<OrdersModel.OrderItem, String> order(String title, double width,
                                                                     java.util.function.Function<TradingView.OrderRow, String> text) {
        TableColumn<OrdersModel.OrderItem, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> {
            javafx.beans.value.ObservableValue<TradingView.OrderRow> row = cd.getValue().row;
            return javafx.beans.binding.Bindings.createStringBinding(() -> text.apply(row.getValue()), row);
        });
        return c;
    }

    private static VBox titled(String title, TableView<?> table) {
        Label l = new Label(title);
        l.getStyleClass().add("section");
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, l, table);
    }
}

package io.niftyscanner.ui.orders;

import io.niftyscanner.orders.TradingView;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The orders pane's state: lines keep their identity (orders by tag, positions by symbol, fills by id). */
public final class OrdersModel {
    /** An order's line; the order's state changes in place. */
    public static final class OrderItem {
        final String tag;
        final ObjectProperty<TradingView.OrderRow> row = new SimpleObjectProperty<>();

        OrderItem(TradingView.OrderRow r) {
            this.tag = r.tag();
            row.set(r);
        }

        public TradingView.OrderRow row() {
            return row.get();
        }
    }

    /** A position's line. */
    public static final class PositionItem {
        final String symbol;
        final LongProperty quantity = new SimpleLongProperty();
        final DoubleProperty average = new SimpleDoubleProperty();
        final DoubleProperty last = new SimpleDoubleProperty();
        final DoubleProperty realised = new SimpleDoubleProperty();
        final DoubleProperty unrealised = new SimpleDoubleProperty();
        final DoubleProperty charges = new SimpleDoubleProperty();

        PositionItem(String symbol) {
            this.symbol = symbol;
        }

        void update(TradingView.PositionRow p) {
            quantity.set(p.quantity());
            average.set(p.averagePrice());
            last.set(p.lastPrice());
            realised.set(p.realised());
            unrealised.set(p.unrealised());
            charges.set(p.charges());
        }

        Observable[] observables() {
            return new Observable[] {quantity, average, last, realised, unrealised, charges};
        }

        public String symbol() {
            return symbol;
        }

        public long quantity() {
            return quantity.get();
        }
    }

    final ObservableList<OrderItem> openOrders = FXCollections.observableArrayList(i -> new Observable[] {i.row});
    final ObservableList<PositionItem> positions = FXCollections.observableArrayList(PositionItem::observables);
    final ObservableList<TradingView.FillRow> fills = FXCollections.observableArrayList();
    final StringProperty summary = new SimpleStringProperty("Auto-trade is off: turn it on in the sidebar to place orders.");
    final StringProperty charges = new SimpleStringProperty("");

    public ObservableList<OrderItem> openOrders() {
        return openOrders;
    }

    public ObservableList<PositionItem> positions() {
        return positions;
    }

    public ObservableList<TradingView.FillRow> fills() {
        return fills;
    }

    public StringProperty summary() {
        return summary;
    }
}

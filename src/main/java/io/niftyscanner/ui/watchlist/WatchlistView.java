package io.niftyscanner.ui.watchlist;

import io.niftyscanner.ui.Formats;
import io.niftyscanner.ui.fx.Cells;
import java.util.List;
import java.util.Locale;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The watchlist table behind a filter and a sort that follow in-place updates. */
final class WatchlistView {
    private final VBox root;
    private final TableView<WatchItem> table = new TableView<>();
    private final TextField filter = new TextField();
    private String pendingSelection;

    WatchlistView(WatchlistModel model, WatchlistController controller) {
        FilteredList<WatchItem> filtered = new FilteredList<>(model.items);
        filter.setId("watchFilter");
        filter.setPromptText("Filter symbols (Ctrl+F)");
        filter.textProperty().bindBidirectional(model.filter);
        model.filter.addListener((o, was, is) -> {
            String f = is == null ? "" : is.trim().toUpperCase(Locale.ROOT);
            filtered.setPredicate(f.isEmpty() ? null : item -> item.symbol.contains(f));
        });
        SortedList<WatchItem> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("watchlist");
        table.setPlaceholder(new Label("Waiting for market data…"));

        TableColumn<WatchItem, String> symbol = Cells.text("Symbol", 100, WatchItem::symbol);
        TableColumn<WatchItem, Number> ltp = Cells.bound("LTP", 80, i -> i.lastPrice);
        Cells.flashing(ltp, n -> Formats.price(n.doubleValue()), false);
        TableColumn<WatchItem, Number> change = Cells.bound("Chg %", 66, i -> i.changePercent);
        Cells.flashing(change, n -> Formats.percent(n.doubleValue()), true);
        TableColumn<WatchItem, Number> volume = Cells.bound("Volume", 78, i -> i.volume);
        Cells.numeric(volume, n -> Formats.volume(n.longValue()));
        TableColumn<WatchItem, Number> rsi = Cells.bound("RSI", 44, i -> i.rsi);
        Cells.numeric(rsi, n -> Formats.number(n.doubleValue(), 1));
        TableColumn<WatchItem, String> trend = Cells.bound("Trend", 52, i -> i.trend);
        Cells.styled(trend, t -> t.equals("Up") ? "up" : t.equals("Down") ? "down" : null);
        TableColumn<WatchItem, String> signal = Cells.bound("Signal", 52, i -> i.lastSignal);
        Cells.styled(signal, s -> s.equals("BUY") ? "buy" : s.equals("SELL") ? "sell" : null);
        TableColumn<WatchItem, String> quality = Cells.bound("Data", 100, i -> i.quality);
        Cells.styled(quality, q -> q.startsWith("GAPPED") || q.startsWith("PARTIAL") ? "quality-warn" : "quality-ok");
        table.getColumns().addAll(java.util.List.of(symbol, ltp, change, volume, rsi, trend, signal, quality));
        for (TableColumn<WatchItem, ?> c : List.of(ltp, change, volume, rsi, trend, signal)) {
            c.setMinWidth(c.getPrefWidth()); // the numbers stay whole; a narrow pane scrolls sideways instead
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                pendingSelection = null;
            }
            controller.onSelected(is);
        });

        Label title = new Label("WATCHLIST");
        title.getStyleClass().add("section");
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox header = new HBox(10, title, filter);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(6, header, table);
        root.setPadding(new Insets(8));
    }

    Parent root() {
        return root;
    }

    void select(String symbol) {
        pendingSelection = symbol;
        applyPendingSelection();
    }

    void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** Applies a selection asked for before its line existed (called after each refresh). */
    void applyPendingSelection() {
        if (pendingSelection == null) {
            return;
        }
        for (WatchItem item : table.getItems()) {
            if (item.symbol.equals(pendingSelection)) {
                pendingSelection = null;
                table.getSelectionModel().select(item);
                table.scrollTo(item);
                return;
            }
        }
    }
}

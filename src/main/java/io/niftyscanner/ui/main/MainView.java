package io.niftyscanner.ui.main;

import io.niftyscanner.app.WatchRow;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.market.Signal;
import io.niftyscanner.ui.Formats;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** The main window: sidebar (exchange, data mode, reconnect, status), watchlist, signals, footer. Binds and forwards only. */
public final class MainView {
    private final BorderPane root = new BorderPane();

    MainView(MainModel model, MainController controller) {
        root.getStyleClass().add("main");
        root.setTop(menu(controller));
        root.setLeft(sidebar(model, controller));
        root.setCenter(tables(model));
        Label footer = new Label();
        footer.setId("footer");
        footer.textProperty().bind(model.footer);
        HBox bar = new HBox(footer);
        bar.getStyleClass().add("footer");
        root.setBottom(bar);
    }

    public Parent root() {
        return root;
    }

    private static MenuBar menu(MainController controller) {
        MenuItem fetch = new MenuItem("Fetch instrument tokens");
        fetch.setId("fetchInstruments");
        fetch.setOnAction(e -> controller.onFetchInstruments());
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, fetch, new SeparatorMenuItem(), quit);
        return new MenuBar(file);
    }

    private static VBox sidebar(MainModel model, MainController controller) {
        Label title = new Label("NIFTY Scanner");
        title.getStyleClass().add("title");
        Label exchange = new Label();
        exchange.setId("exchangeLabel");
        exchange.setWrapText(true);
        exchange.textProperty().bind(model.exchangeLabel);
        exchange.getStyleClass().add("exchange");
        model.sandbox.addListener((o, was, is) -> exchange.getStyleClass().setAll(is ? "exchange-sandbox" : "exchange"));

        Label modeTitle = new Label("Data mode");
        modeTitle.getStyleClass().add("section");
        ToggleGroup group = new ToggleGroup();
        RadioButton stream = modeButton("WebSocket streaming", "modeStream", DataMode.STREAM, group);
        RadioButton poll = modeButton("HTTP polling", "modePoll", DataMode.POLL, group);
        RadioButton hybrid = modeButton("Auto (hybrid)", "modeHybrid", DataMode.HYBRID, group);
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (is != null) {
                controller.onModeChosen((DataMode) is.getUserData());
            }
        });
        model.mode.addListener((o, was, is) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == is).findFirst().ifPresent(group::selectToggle));
        group.getToggles().stream().filter(t -> t.getUserData() == model.mode.get()).findFirst().ifPresent(group::selectToggle);

        Button reconnect = new Button("Reconnect");
        reconnect.setId("reconnect");
        reconnect.setMaxWidth(Double.MAX_VALUE);
        reconnect.setOnAction(e -> controller.onReconnect());

        Label statusTitle = new Label("Status");
        statusTitle.getStyleClass().add("section");
        Circle dot = new Circle(6);
        dot.getStyleClass().add("status-dot");
        model.state.addListener((o, was, is) -> dot.getStyleClass().setAll("status-dot", "status-" + is.toLowerCase()));
        Label state = new Label();
        state.setId("statusState");
        state.textProperty().bind(model.state);
        state.getStyleClass().add("status-state");
        HBox stateLine = new HBox(8, dot, state);
        Label detail = new Label();
        detail.setId("statusDetail");
        detail.setWrapText(true);
        detail.textProperty().bind(model.stateDetail);

        Region spring = new Region();
        VBox.setVgrow(spring, Priority.ALWAYS);
        VBox box = new VBox(10, title, exchange, modeTitle, stream, poll, hybrid, reconnect, statusTitle, stateLine, detail, spring);
        box.setPadding(new Insets(14));
        box.setPrefWidth(230);
        box.getStyleClass().add("sidebar");
        return box;
    }

    private static RadioButton modeButton(String text, String id, DataMode mode, ToggleGroup group) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setUserData(mode);
        b.setToggleGroup(group);
        return b;
    }

    private static SplitPane tables(MainModel model) {
        TableView<WatchRow> watch = new TableView<>(model.rows);
        watch.setId("watchlist");
        watch.setPlaceholder(new Label("Waiting for market data…"));
        watch.getColumns().add(column("Symbol", 120, WatchRow::symbol));
        watch.getColumns().add(numeric("LTP", 90, r -> Formats.price(r.lastPrice())));
        TableColumn<WatchRow, String> change = numeric("Chg %", 80, r -> Formats.percent(r.changePercent()));
        change.setCellFactory(c -> signedCell());
        watch.getColumns().add(change);
        watch.getColumns().add(numeric("EMA 9", 90, r -> Formats.price(r.emaFast())));
        watch.getColumns().add(numeric("EMA 21", 90, r -> Formats.price(r.emaSlow())));
        watch.getColumns().add(numeric("RSI 14", 70, r -> Formats.number(r.rsi(), 1)));
        watch.getColumns().add(column("Last candle", 90, r -> Formats.time(r.lastCandleStartMillis())));
        watch.getColumns().add(column("Signal", 70, r -> r.lastSignal() == null ? "" : r.lastSignal().name()));
        watch.getColumns().add(column("Last tick", 90, r -> Formats.time(r.lastTickMillis())));
        watch.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableView<Signal> sigs = new TableView<>(model.signals);
        sigs.setId("signals");
        sigs.setPlaceholder(new Label("No signals yet. One appears when a 5-minute candle closes with an EMA 9/21 crossover and RSI 14 in band."));
        sigs.getColumns().add(column("Time", 80, (Signal s) -> Formats.time(s.timeMillis())));
        sigs.getColumns().add(column("Symbol", 110, Signal::symbol));
        TableColumn<Signal, String> side = column("Side", 60, s -> s.side().name());
        side.setCellFactory(c -> sideCell());
        sigs.getColumns().add(side);
        sigs.getColumns().add(numeric("Price", 90, s -> Formats.price(s.priceRupees())));
        sigs.getColumns().add(numeric("RSI", 60, s -> Formats.number(s.rsi(), 1)));
        sigs.getColumns().add(numeric("EMA 9 / 21", 140, s -> Formats.price(s.emaFast()) + " / " + Formats.price(s.emaSlow())));
        sigs.getColumns().add(numeric("Stop", 90, s -> Formats.price(s.stop())));
        sigs.getColumns().add(numeric("Target", 90, s -> Formats.price(s.target())));
        sigs.getColumns().add(column("Candle", 80, s -> Formats.time(s.candleStartMillis()) + (s.intrabar() ? " (intrabar)" : "")));
        sigs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        SplitPane split = new SplitPane(titled("Watchlist", watch), titled("Signals", sigs));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        return split;
    }

    private static VBox titled(String title, TableView<?> table) {
        Label l = new Label(title);
        l.getStyleClass().add("section");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, l, table);
        box.setPadding(new Insets(8));
        return box;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(text.apply(cd.getValue())));
        return c;
    }

    private static <T> TableColumn<T, String> numeric(String title, double width, Function<T, String> text) {
        TableColumn<T, String> c = column(title, width, text);
        c.getStyleClass().add("numeric");
        return c;
    }

    private static <T> TableCell<T, String> signedCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("up", "down");
                if (!empty && item != null) {
                    getStyleClass().add(item.startsWith("-") ? "down" : item.startsWith("+") ? "up" : "flat");
                }
            }
        };
    }

    private static <T> TableCell<T, String> sideCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("buy", "sell");
                if (!empty && item != null) {
                    getStyleClass().add(item.equals("BUY") ? "buy" : "sell");
                }
            }
        };
    }
}

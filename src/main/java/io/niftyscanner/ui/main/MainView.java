package io.niftyscanner.ui.main;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.ui.ScannerApp;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Lays out the panes the controller hands it, the menus and the banner; applies the theme. Binds and forwards only. */
final class MainView {
    static final String DARK_CSS = Objects.requireNonNull(ScannerApp.class.getResource("scanner.css")).toExternalForm();
    static final String LIGHT_CSS = Objects.requireNonNull(ScannerApp.class.getResource("light.css")).toExternalForm();

    private final BorderPane root = new BorderPane();
    private final SplitPane center;
    private final SplitPane top;
    private final MainModel model;

    MainView(MainModel model, MainController controller, WindowActions actions, Parent sidebar, Parent watchlist, Parent chart,
             Parent signals, Parent orders, Parent statusBar) {
        this.model = model;
        root.getStyleClass().add("main");
        root.setTop(new VBox(menus(model, controller, actions), banner(model, controller)));
        root.setLeft(sidebar);
        top = new SplitPane(watchlist, chart);
        top.setId("topSplit");
        top.setOrientation(Orientation.HORIZONTAL);
        top.setDividerPositions(0.56);
        SplitPane.setResizableWithParent(watchlist, false);
        Tab signalsTab = new Tab("Signals", signals);
        signalsTab.setId("signalsTab");
        Tab ordersTab = new Tab("Orders & positions");
        ordersTab.setId("ordersTab");
        // its tables join the scene when first shown: fewer skins to build before the window's first frame
        ordersTab.selectedProperty().addListener((o, was, is) -> {
            if (is && ordersTab.getContent() == null) {
                ordersTab.setContent(orders);
            }
        });
        TabPane bottom = new TabPane(signalsTab, ordersTab);
        bottom.setId("bottomTabs");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        center = new SplitPane(top, bottom);
        center.setId("mainSplit");
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.62);
        root.setCenter(center);
        root.setBottom(statusBar);
        root.sceneProperty().addListener((o, was, is) -> applyTheme(is));
        model.lightTheme.addListener((o, was, is) -> applyTheme(root.getScene()));
    }

    Parent root() {
        return root;
    }

    private void applyTheme(Scene scene) {
        if (scene == null) {
            return;
        }
        List<String> sheets = scene.getStylesheets();
        if (!sheets.contains(DARK_CSS)) {
            sheets.add(0, DARK_CSS);
        }
        sheets.remove(LIGHT_CSS);
        if (model.lightTheme.get()) {
            sheets.add(LIGHT_CSS);
        }
    }

    void restoreSplits(WindowState state) {
        center.setDividerPositions(clamp(state.number("split.main", 0.62)));
        top.setDividerPositions(clamp(state.number("split.top", 0.56)));
        root.lookupAll("#signalsSplit").forEach(n -> ((SplitPane) n).setDividerPositions(clamp(state.number("split.signals", 0.7))));
    }

    void rememberSplits(WindowState state) {
        state.put("split.main", center.getDividerPositions()[0]);
        state.put("split.top", top.getDividerPositions()[0]);
        root.lookupAll("#signalsSplit").forEach(n -> state.put("split.signals", ((SplitPane) n).getDividerPositions()[0]));
    }

    private static double clamp(double position) {
        return Math.max(0.1, Math.min(0.9, position));
    }

    private static MenuBar menus(MainModel model, MainController c, WindowActions a) {
        Menu file = new Menu("File", null,
                item("Fetch instrument tokens", "fetchInstruments", shortcut(KeyCode.I), a::fetchInstruments),
                item("Log in to Kite…", "login", shortcut(KeyCode.L), a::login),
                new Menu("Export", null,
                        item("Signals (CSV)…", "exportSignals", shortcut(KeyCode.E), () -> a.export("signals")),
                        item("Orders (CSV)…", "exportOrders", null, () -> a.export("orders")),
                        item("Trades (CSV)…", "exportTrades", null, () -> a.export("trades"))),
                new SeparatorMenuItem(),
                item("Quit", "quit", shortcut(KeyCode.Q), a::quit));
        file.setId("fileMenu");

        Menu market = new Menu("Market", null,
                item("WebSocket streaming", "menuStream", shortcut(KeyCode.DIGIT1), () -> c.sidebarMode(DataMode.STREAM)),
                item("HTTP polling", "menuPoll", shortcut(KeyCode.DIGIT2), () -> c.sidebarMode(DataMode.POLL)),
                item("Auto (hybrid)", "menuHybrid", shortcut(KeyCode.DIGIT3), () -> c.sidebarMode(DataMode.HYBRID)),
                new SeparatorMenuItem(),
                item("Reconnect", "menuReconnect", new KeyCodeCombination(KeyCode.F5), c::reconnect),
                item("Find symbol", "menuFilter", shortcut(KeyCode.F), c::focusFilter),
                item("Chart: newest candle", "menuFollow", new KeyCodeCombination(KeyCode.HOME), () -> c.chart().follow()));

        CheckMenuItem light = new CheckMenuItem("Light theme");
        light.setId("menuLightTheme");
        light.setAccelerator(shortcut(KeyCode.T));
        light.selectedProperty().bindBidirectional(model.lightTheme);
        Menu view = new Menu("View", null, light);

        Menu settings = new Menu("Settings", null, item("Edit settings…", "menuSettings", shortcut(KeyCode.COMMA), a::settings));

        Menu help = new Menu("Help", null,
                item("Troubleshooting", "menuTroubleshooting", new KeyCodeCombination(KeyCode.F1), a::troubleshooting),
                item("Keyboard shortcuts", "menuShortcuts", null, a::shortcuts),
                item("Open logs folder", "menuLogs", null, a::openLogs),
                new SeparatorMenuItem(),
                item("About NIFTY Scanner", "menuAbout", null, a::about));
        MenuBar bar = new MenuBar(file, market, view, settings, help);
        bar.setId("menuBar");
        return bar;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Parent banner(MainModel model, MainController controller) {
        Label message = new Label();
        message.setId("bannerMessage");
        message.setWrapText(true);
        Button action = new Button();
        action.setId("bannerAction");
        Button close = new Button("✕");
        close.setId("bannerClose");
        close.getStyleClass().add("banner-close");
        close.setOnAction(e -> controller.dismissBanner());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.SOMETIMES);
        HBox box = new HBox(12, message, spring, action, close);
        box.setId("banner");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 12, 8, 12));
        box.setVisible(false);
        box.setManaged(false);
        model.banner.addListener((o, was, b) -> {
            box.setVisible(b != null);
            box.setManaged(b != null);
            if (b == null) {
                return;
            }
            box.getStyleClass().setAll("banner", "banner-" + b.kind().name().toLowerCase(Locale.ROOT));
            message.setText(b.message());
            action.setVisible(b.actionText() != null);
            action.setManaged(b.actionText() != null);
            action.setText(b.actionText() == null ? "" : b.actionText());
            action.setOnAction(e -> {
                controller.dismissBanner();
                b.action().run();
            });
        });
        return box;
    }
}
